using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Organisations;

/// <summary>
/// Walks every API route and every organisation page as an administrator of Anytown Borough Council against the
/// resources of Anytown Police, expecting nothing but 403 or 404 and nothing of the police's data in any answer.
/// A new route fails this test until it is placed in one of the categories below.
/// </summary>
public abstract class IsolationTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Attacker = "administrator@anytown.example";
    private const string OtherOrganisation = "anytown-police";
    private const string OtherAdministrator = "administrator@anytown-police.example";

    /// <summary>
    /// Routes that answer about the caller alone, or with reference data shared by the whole installation (the ONS
    /// postcode directory, the UK's bank holidays); checked for leaks rather than for a refusal.
    /// </summary>
    private static readonly HashSet<string> CallerScoped =
    [
        "GET /api/v1/postcodes/{postcode}",
        "GET /api/v1/me",
        "GET /api/v1/orgs",
        "GET /api/v1/tokens",
        "POST /api/v1/tokens",
        "GET /api/v1/calculators",

        // Residents' reviews are public by design: anyone may read any organisation's, and write one with no account.
        "GET /api/v1/public/orgs/{organisation}/ratings",
        "GET /api/v1/public/orgs/{organisation}/providers/{providerId:guid}/reviews",
        "POST /api/v1/public/orgs/{organisation}/reviews",
        "POST /api/v1/public/orgs/{organisation}/reviews/confirmations",
        "POST /api/v1/calculators/options-appraisal",
        "POST /api/v1/calculators/sroi",
        "POST /api/v1/calculators/tender-evaluation",
        "POST /api/v1/calculators/payment-by-results",
        "POST /api/v1/calculators/social-impact-bond",
        "POST /api/v1/calculators/gain-share",
        "POST /api/v1/calculators/service-credits",
        "POST /api/v1/calculators/indexed-price",
        "POST /api/v1/calculators/lm3",
        "POST /api/v1/calculators/{name}",
        "GET /api/v1/bank-holidays",
        "GET /api/v1/standstill",
    ];

    [Fact]
    public async Task Every_API_route_refuses_another_organisations_resources()
    {
        app.RequireDatabase();
        var other = await OtherOrganisationsResourcesAsync();
        using var api = await app.ApiAsAsync(Attacker);
        var walked = new List<string>();

        foreach (var (method, pattern) in ApiRoutes())
        {
            var route = $"{method} /{pattern}";
            var path = "/" + pattern
                .Replace("{org}", OtherOrganisation, StringComparison.Ordinal)
                .Replace("{personId:guid}", other.PersonId.ToString(), StringComparison.Ordinal)
                .Replace("{id:guid}", other.TokenId.ToString(), StringComparison.Ordinal)
                .Replace("{role}", "Administrator", StringComparison.Ordinal)
                .Replace("{programmeId:guid}", other.ProgrammeId.ToString(), StringComparison.Ordinal)
                .Replace("{budgetId:guid}", other.BudgetId.ToString(), StringComparison.Ordinal)
                .Replace("{postcode}", "AB10AA", StringComparison.Ordinal)
                .Replace("{code}", "falls-65", StringComparison.Ordinal)
                .Replace("{themeId:guid}", other.ThemeId.ToString(), StringComparison.Ordinal)
                .Replace("{outcomeId:guid}", other.OutcomeId.ToString(), StringComparison.Ordinal)
                .Replace("{measureId:guid}", other.MeasureId.ToString(), StringComparison.Ordinal)
                .Replace("{assessmentId:guid}", other.AssessmentId.ToString(), StringComparison.Ordinal)
                .Replace("{itemId:guid}", other.ItemId.ToString(), StringComparison.Ordinal)
                .Replace("{name}", "no-such-calculator", StringComparison.Ordinal)
                .Replace("{appraisalId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{optionId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{riskId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{checkId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{tenderId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{bidId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{decisionId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{clarificationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{number:int}", "1", StringComparison.Ordinal)
                .Replace("{challengeId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{providerId:guid}", other.ProviderId.ToString(), StringComparison.Ordinal)
                .Replace("{memberId:guid}", other.MemberId.ToString(), StringComparison.Ordinal)
                .Replace("{specificationId:guid}", other.SpecificationId.ToString(), StringComparison.Ordinal)
                .Replace("{registrationId:guid}", other.RegistrationId.ToString(), StringComparison.Ordinal)
                .Replace("{documentId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{contractId:guid}", other.ContractId.ToString(), StringComparison.Ordinal)
                .Replace("{kpiId:guid}", other.KpiId.ToString(), StringComparison.Ordinal)
                .Replace("{reviewId:guid}", other.ReviewId.ToString(), StringComparison.Ordinal)
                .Replace("{questionId:guid}", other.QuestionId.ToString(), StringComparison.Ordinal)
                .Replace("{organisation}", OtherOrganisation, StringComparison.Ordinal)
                .Replace("{observationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{periodStart}", "2026-04-01", StringComparison.Ordinal)
                .Replace("{variationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{breachId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{importId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{category}", "home-care", StringComparison.Ordinal)
                .Replace("{areaCode}", "E05999001", StringComparison.Ordinal)
                .Replace("{table}", "months", StringComparison.Ordinal)
                .Replace("{obligationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{reportId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            path.ShouldNotContain("{", customMessage: $"{route} has a parameter the isolation test does not know: teach it which resource of another organisation to use");

            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(
                    $"{{\"email\":\"intruder@example.org\",\"displayName\":\"Intruder\",\"roles\":[\"Administrator\"],\"organisation\":\"{OtherOrganisation}\",\"name\":\"x\"}}",
                    System.Text.Encoding.UTF8,
                    "application/json");
            }

            var response = await api.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (CallerScoped.Contains(route))
            {
                ((int)response.StatusCode).ShouldBeLessThan(500, route);
                body.ShouldNotContain(OtherOrganisation + "\"", Case.Insensitive, route);
                body.ShouldNotContain(OtherAdministrator, Case.Insensitive, route);
                body.ShouldNotContain(other.TokenId.ToString(), Case.Insensitive, route);
            }
            else
            {
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], $"{route} as {path}: {body}");
            }

            walked.Add(route);
        }

        walked.ShouldContain("GET /api/v1/orgs/{org}/audit");
        walked.ShouldContain("DELETE /api/v1/tokens/{id:guid}");
        walked.ShouldContain("POST /api/v1/orgs/{org}/budgets/{budgetId:guid}/lines");
        walked.ShouldContain("POST /api/v1/orgs/{org}/outcomes/measures/{measureId:guid}/retire");
        walked.ShouldContain("PUT /api/v1/orgs/{org}/needs-assessments/{assessmentId:guid}");
        walked.ShouldContain("PUT /api/v1/orgs/{org}/providers/{providerId:guid}");
        walked.ShouldContain("DELETE /api/v1/orgs/{org}/providers/{providerId:guid}/members/{memberId:guid}");
        walked.ShouldContain("GET /api/v1/orgs/{org}/tenders/{tenderId:guid}/ocds");
        walked.ShouldContain("GET /api/v1/orgs/{org}/tenders/transparency-code.csv");
        walked.ShouldContain("POST /api/v1/orgs/{org}/specifications/{specificationId:guid}/agree");
        walked.ShouldContain("PUT /api/v1/orgs/{org}/contracts/{contractId:guid}/kpis/{kpiId:guid}");
        walked.ShouldContain("POST /api/v1/orgs/{org}/contracts/imports");
        walked.ShouldContain("POST /api/v1/orgs/{org}/contracts/{contractId:guid}/observations/{observationId:guid}/approve");
        walked.ShouldContain("POST /api/v1/orgs/{org}/contracts/{contractId:guid}/payments/{periodStart}/calculations");
        walked.ShouldContain("POST /api/v1/orgs/{org}/portal/contracts/{contractId:guid}/observations");
        walked.ShouldContain("POST /api/v1/orgs/{org}/contracts/{contractId:guid}/variations/{variationId:guid}/approve");
        walked.ShouldContain("POST /api/v1/orgs/{org}/contracts/{contractId:guid}/termination");
        walked.ShouldContain("GET /api/v1/orgs/{org}/spend/analytics/{table}");
        walked.ShouldContain("POST /api/v1/orgs/{org}/spend/suppliers/decisions");
        walked.Count.ShouldBeGreaterThanOrEqualTo(9);
        await ShouldBeUntouchedAsync(other);
    }

    [Fact]
    public async Task Every_organisation_page_is_not_found_for_a_non_member()
    {
        app.RequireDatabase();
        var other = await OtherOrganisationsResourcesAsync();
        using var browser = await app.SignInAsync(Attacker);
        var pages = OrganisationPages();
        pages.ShouldNotBeEmpty();

        foreach (var pattern in pages)
        {
            var path = "/" + pattern.Replace("{org}", OtherOrganisation, StringComparison.Ordinal)
                .Replace("{programmeId:guid}", other.ProgrammeId.ToString(), StringComparison.Ordinal)
                .Replace("{budgetId:guid}", other.BudgetId.ToString(), StringComparison.Ordinal)
                .Replace("{code}", "falls-65", StringComparison.Ordinal)
                .Replace("{itemId:guid}", other.ItemId.ToString(), StringComparison.Ordinal)
                .Replace("{themeId:guid}", other.ThemeId.ToString(), StringComparison.Ordinal)
                .Replace("{outcomeId:guid}", other.OutcomeId.ToString(), StringComparison.Ordinal)
                .Replace("{measureId:guid}", other.MeasureId.ToString(), StringComparison.Ordinal)
                .Replace("{assessmentId:guid}", other.AssessmentId.ToString(), StringComparison.Ordinal)
                .Replace("{appraisalId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{optionId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{tenderId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{bidId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{decisionId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{number:int}", "1", StringComparison.Ordinal)
                .Replace("{providerId:guid}", other.ProviderId.ToString(), StringComparison.Ordinal)
                .Replace("{specificationId:guid}", other.SpecificationId.ToString(), StringComparison.Ordinal)
                .Replace("{registrationId:guid}", other.RegistrationId.ToString(), StringComparison.Ordinal)
                .Replace("{documentId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{contractId:guid}", other.ContractId.ToString(), StringComparison.Ordinal)
                .Replace("{questionId:guid}", other.QuestionId.ToString(), StringComparison.Ordinal)
                .Replace("{observationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{periodStart}", "2026-04-01", StringComparison.Ordinal)
                .Replace("{variationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{breachId:guid?}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{areaCode}", "E05999001", StringComparison.Ordinal)
                .Replace("{obligationId:guid?}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{reportId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            path.ShouldNotContain("{", customMessage: $"{pattern} has a parameter the isolation test does not know: teach it which resource of another organisation to use");
            using var get = await browser.GetAsync(path);
            var body = await get.Content.ReadAsStringAsync();

            get.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            body.ShouldNotContain("Anytown Police", Case.Insensitive, path);

            using var post = await browser.PostFormAsync("/o/anytown/people", path, new()
            {
                ["Input.Email"] = "intruder@example.org",
                ["Input.Roles"] = "Administrator",
                ["Name"] = "Intruded",
                ["Statement"] = "Intruded",
                ["Reason"] = "Intruded",
                ["Value"] = "1",
            });
            post.StatusCode.ShouldBe(HttpStatusCode.NotFound, "POST " + path);
        }

        (await app.WithDbAsync(db => db.Users.AnyAsync(p => p.Email == "intruder@example.org"))).ShouldBeFalse();
        await ShouldBeUntouchedAsync(other);
    }

    [Fact]
    public async Task Queries_on_organisation_data_are_filtered_even_without_a_where_clause()
    {
        app.RequireDatabase();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Placeshaper.Data.PlaceshaperDb>();
        var anytown = await app.OrganisationIdAsync("anytown");
        scope.ServiceProvider.GetRequiredService<Placeshaper.Data.AccessScope>().ActAsPerson(Guid.NewGuid(), "someone", [anytown]);

        var organisations = await db.Memberships.Select(m => m.OrganisationId).Distinct().ToListAsync();
        var providers = await db.Providers.Select(p => p.OrganisationId).Distinct().ToListAsync();

        organisations.ShouldBe([anytown]);
        providers.ShouldBe([anytown]);
    }

    private IEnumerable<(string Method, string Pattern)> ApiRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'))))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal);

    private List<string> OrganisationPages() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.RawText!.Contains("{org}", StringComparison.Ordinal))
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();

    private sealed record OtherResources(
        Guid PersonId, Guid TokenId, int Memberships, Guid ProgrammeId, Guid BudgetId, Guid ThemeId, Guid OutcomeId, Guid MeasureId, Guid AssessmentId, Guid ItemId, string ItemEmail, Guid ProviderId, Guid MemberId, Guid SpecificationId, Guid RegistrationId, Guid ContractId, Guid KpiId, Guid ReviewId, Guid QuestionId);

    private async Task<OtherResources> OtherOrganisationsResourcesAsync()
    {
        var personId = await app.PersonIdAsync(OtherAdministrator);
        await app.IssueTokenAsync(OtherAdministrator);
        var tokenId = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.PersonId == personId).Select(t => t.Id).FirstAsync());
        var memberships = await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.PersonId == personId));

        // A programme of the police's shared with the ICB only: nothing the council may reach.
        using var police = await app.ApiAsAsync("commissioner@anytown-police.example");
        var started = await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/programmes", new { name = "Isolation probe", partners = new[] { "anytown-icb" } })).ReadJsonAsync();
        var programmeId = Guid.Parse(started.GetProperty("id").GetString()!);
        var budget = await (await police.PostJsonAsync($"/api/v1/orgs/anytown-police/programmes/{programmeId}/budgets", new
        {
            financialYear = "2026/27",
            name = "Probe fund",
            total = 10m,
            contributions = new object[] { new { organisation = "anytown-police", amount = 5m }, new { organisation = "anytown-icb", amount = 5m } },
        })).ReadJsonAsync();

        // The police's own outcomes framework and needs assessment: nothing the council may change or retire.
        static Guid Id(JsonElement created) => Guid.Parse(created.GetProperty("id").GetString()!);
        var theme = Id(await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/outcomes/themes", new { name = "Probe theme " + Guid.NewGuid().ToString("N")[..6] })).ReadJsonAsync());
        var outcome = Id(await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/outcomes", new { themeId = theme, statement = "Probe outcome" })).ReadJsonAsync());
        var measure = Id(await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/outcomes/measures", new
        {
            outcomeId = outcome,
            name = "Probe measure",
            unit = "%",
            polarity = "HigherIsBetter",
            baseline = 10m,
            baselineDate = "2024-04-01",
            target = 20m,
            targetDate = "2027-03-31",
        })).ReadJsonAsync());
        var assessment = Id(await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/needs-assessments", new
        {
            topic = "Probe assessment",
            narrative = "Probe narrative",
            reviewBy = "2027-03-31",
        })).ReadJsonAsync());

        // A resident's report to the police, awaiting moderation, with a contact email the council must never erase or see.
        var policeId = await app.OrganisationIdAsync(OtherOrganisation);
        var item = Placeshaper.Intelligence.IntelligenceItem.Submit(policeId, Placeshaper.Intelligence.IntelligenceKind.Need, "Isolation probe: street lights out on the high street",
            null, null, "Resident", null, "probe.resident@example.org", DateTime.UtcNow).Value!;
        await app.WithDbAsync(async db =>
        {
            db.IntelligenceItems.Add(item);
            return await db.SaveChangesAsync();
        });

        // The police's own provider register: a consortium with a member, which the council may neither read nor change.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var provider = Guid.Parse((await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/providers", new { name = "Probe consortium " + suffix, legalForm = "Partnership", isConsortium = true })).ReadJsonAsync())
            .GetProperty("provider").GetProperty("id").GetString()!);
        var member = Guid.Parse((await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/providers", new { name = "Probe member " + suffix, legalForm = "Company" })).ReadJsonAsync())
            .GetProperty("provider").GetProperty("id").GetString()!);
        (await police.PutJsonAsync($"/api/v1/orgs/anytown-police/providers/{provider}/members/{member}", new { isLead = true })).EnsureSuccessStatusCode();

        // The police's draft specification, complete enough to agree: the council may neither read, change nor agree it.
        var specification = Id(await (await police.PostJsonAsync($"/api/v1/orgs/anytown-police/programmes/{programmeId}/specifications", new
        {
            title = "Probe specification",
            purpose = "Probe purpose",
            outcomeIds = new[] { outcome },
            kpis = new[] { new { definition = "Probe KPI", unit = "%", polarity = "HigherIsBetter", target = 90m, minimum = 80m, frequency = "Monthly", dataSource = "Probe" } },
            contractMonths = 12,
            noLotsReason = "Probe",
            paymentMechanism = "FixedPrice",
        })).ReadJsonAsync());
        // A supplier's registration waiting for the police: the council may neither see, approve nor reject it.
        var registration = Placeshaper.Providers.SupplierRegistration.Submit(policeId, personId, "probe.supplier@example.org", "Probe supplier",
            new Placeshaper.Providers.ProviderDetails("Probe supplier " + suffix, Placeshaper.Providers.LegalForm.Company).Check().Value!, DateTime.UtcNow).Value!;
        await app.WithDbAsync(async db =>
        {
            db.SupplierRegistrations.Add(registration);
            return await db.SaveChangesAsync();
        });

        // The police's own contract with a KPI: the council may neither read nor change either.
        var contract = await (await police.PostJsonAsync("/api/v1/orgs/anytown-police/contracts", new
        {
            reference = "PROBE-" + suffix,
            title = "Probe contract",
            providerId = provider,
            totalValue = 1000m,
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            kpis = new[] { new { definition = "Probe KPI", unit = "%", polarity = "HigherIsBetter", target = 90m, minimum = 80m, frequency = "Monthly", dataSource = "Probe" } },
        })).ReadJsonAsync();
        return new OtherResources(
            personId, tokenId, memberships, programmeId, Guid.Parse(budget.GetProperty("id").GetString()!), theme, outcome, measure, assessment, item.Id, "probe.resident@example.org", provider, member, specification,
            registration.Id, Id(contract), Guid.Parse(contract.GetProperty("kpis")[0].GetProperty("id").GetString()!), await HeldReviewAsync(policeId, provider, Id(contract)), await OpenQuestionAsync(policeId, Id(contract)));
    }

    /// <summary>A resident's review of the police's provider, held for the police's moderators: the council may neither see, publish nor reply to it.</summary>
    private async Task<Guid> HeldReviewAsync(Guid policeId, Guid providerId, Guid contractId)
    {
        var (review, _) = Placeshaper.Reviews.Review.Submit(policeId, new Placeshaper.Reviews.Review.Input(providerId, contractId, new Placeshaper.Reviews.ReviewRatings(1, 1, 1, 1),
            "Isolation probe: see www.example.com for the whole story", "", "probe.reviewer@example.org", true), "192.0.2.1", DateTime.UtcNow);
        review.Confirm(["a link"], DateTime.UtcNow).Succeeded.ShouldBeTrue();
        await app.WithDbAsync(async db =>
        {
            db.Reviews.Add(review);
            return await db.SaveChangesAsync();
        });
        return review.Id;
    }

    /// <summary>A police councillor's open question about the police's contract: the council may neither read, answer nor close it.</summary>
    private async Task<Guid> OpenQuestionAsync(Guid policeId, Guid contractId)
    {
        var number = 1 + await app.WithDbAsync(db => db.ScrutinyQuestions.IgnoreQueryFilters().CountAsync(q => q.OrganisationId == policeId));
        var question = Placeshaper.Scrutiny.ScrutinyQuestion.Ask(policeId, number, new("Probe question", "Isolation probe?", Placeshaper.Scrutiny.ScrutinySubject.Contract, contractId, null),
            Guid.NewGuid(), "Probe councillor", subjectExists: true, DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14), DateTime.UtcNow).Value!;
        await app.WithDbAsync(async db =>
        {
            db.ScrutinyQuestions.Add(question);
            return await db.SaveChangesAsync();
        });
        return question.Id;
    }

    private async Task ShouldBeUntouchedAsync(OtherResources other)
    {
        (await app.WithDbAsync(db => db.ScrutinyQuestions.IgnoreQueryFilters().Include(q => q.Entries).SingleAsync(q => q.Id == other.QuestionId))).ShouldSatisfyAllConditions(
            q => q.Status.ShouldBe(Placeshaper.Scrutiny.QuestionStatus.Open), q => q.Entries.Count.ShouldBe(1));
        (await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().SingleAsync(r => r.Id == other.ReviewId))).ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(Placeshaper.Reviews.ReviewStatus.HeldForModeration), r => r.Reply.ShouldBeEmpty());
        (await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.PersonId == other.PersonId))).ShouldBe(other.Memberships);
        (await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == other.TokenId).Select(t => t.RevokedAt).SingleAsync())).ShouldBeNull();
        (await app.WithDbAsync(db => db.Users.AnyAsync(p => p.Email == "intruder@example.org"))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.StageChanges.CountAsync(c => c.ProgrammeId == other.ProgrammeId))).ShouldBe(1);
        (await app.WithDbAsync(db => db.BudgetLines.CountAsync(l => l.PooledBudgetId == other.BudgetId))).ShouldBe(0);
        (await app.WithDbAsync(db => db.OutcomeThemes.IgnoreQueryFilters().Where(t => t.Id == other.ThemeId).Select(t => t.Name).SingleAsync())).ShouldStartWith("Probe theme");
        (await app.WithDbAsync(db => db.Outcomes.IgnoreQueryFilters().SingleAsync(o => o.Id == other.OutcomeId))).ShouldSatisfyAllConditions(
            o => o.Statement.ShouldBe("Probe outcome"), o => o.RetiredAt.ShouldBeNull());
        (await app.WithDbAsync(db => db.OutcomeMeasures.IgnoreQueryFilters().SingleAsync(m => m.Id == other.MeasureId))).ShouldSatisfyAllConditions(
            m => m.Name.ShouldBe("Probe measure"), m => m.RetiredAt.ShouldBeNull(), m => m.LatestValue.ShouldBeNull(), m => m.Baseline.ShouldBe(10m));
        (await app.WithDbAsync(db => db.NeedsAssessments.IgnoreQueryFilters().SingleAsync(a => a.Id == other.AssessmentId))).ShouldSatisfyAllConditions(
            a => a.Narrative.ShouldBe("Probe narrative"), a => a.ArchivedAt.ShouldBeNull());
        var item = await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Id == other.ItemId));
        (item.Status, item.ContactEmail, item.IndicatorId).ShouldBe((Placeshaper.Intelligence.IntelligenceStatus.AwaitingModeration, other.ItemEmail, null));
        (await app.WithDbAsync(db => db.Providers.IgnoreQueryFilters().Include(p => p.Members).SingleAsync(p => p.Id == other.ProviderId))).ShouldSatisfyAllConditions(
            p => p.Name.ShouldStartWith("Probe consortium"), p => p.UpdatedAt.ShouldBeNull(), p => p.Members.Single().MemberId.ShouldBe(other.MemberId), p => p.Members.Single().IsLead.ShouldBeTrue());
        (await app.WithDbAsync(db => db.Specifications.IgnoreQueryFilters().SingleAsync(s => s.Id == other.SpecificationId))).ShouldSatisfyAllConditions(
            s => s.Title.ShouldBe("Probe specification"), s => s.Status.ShouldBe(Placeshaper.Specifications.SpecificationStatus.Draft));
        (await app.WithDbAsync(db => db.Providers.IgnoreQueryFilters().AnyAsync(p => p.Name == "x" || p.Name == "Intruded"))).ShouldBeFalse("nothing was created from the intruder's request");
        (await app.WithDbAsync(db => db.SupplierRegistrations.IgnoreQueryFilters().Where(r => r.Id == other.RegistrationId).Select(r => r.Status).SingleAsync()))
            .ShouldBe(Placeshaper.Providers.RegistrationStatus.Pending);
        (await app.WithDbAsync(db => db.Contracts.IgnoreQueryFilters().Include(c => c.Kpis).SingleAsync(c => c.Id == other.ContractId))).ShouldSatisfyAllConditions(
            c => c.Title.ShouldBe("Probe contract"), c => c.TotalValue.ShouldBe(1000m), c => c.Kpis.Single().Definition.ShouldBe("Probe KPI"));
    }
}

public sealed class IsolationTestsOnSqlite(SqliteApp app) : IsolationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class IsolationTestsOnPostgres(PostgresApp app) : IsolationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
