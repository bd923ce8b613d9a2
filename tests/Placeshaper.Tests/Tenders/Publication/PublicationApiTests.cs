using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Imports;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Tenders.Publication;

public abstract class PublicationApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    [Fact]
    public async Task The_demo_tender_is_a_valid_OCDS_release_package_through_the_API()
    {
        app.RequireDatabase();
        OcdsSchema.RequireData();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var id = await DemoTenderIdAsync(api);

        using var response = await api.GetPathAsync($"/api/v1/orgs/anytown/tenders/{id}/ocds");
        var json = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        OcdsSchema.Errors(await OcdsSchema.CoreAsync(), json).ShouldBeEmpty();
        OcdsSchema.Errors(await OcdsSchema.WithUkExtensionAsync(), json).ShouldBeEmpty();
        var package = JsonDocument.Parse(json).RootElement;
        package.GetProperty("uri").GetString()!.ShouldEndWith($"/api/v1/orgs/anytown/tenders/{id}/ocds");
        package.GetProperty("publisher").GetProperty("name").GetString().ShouldBe("Anytown Borough Council");
        var releases = package.GetProperty("releases").EnumerateArray().ToList();
        releases.Select(r => r.GetProperty("tag")[0].GetString()).ShouldBe(["tender", "tenderAmendment"], "the TUPE information was added after publication");
        var release = releases[0];
        release.GetProperty("ocid").GetString().ShouldBe($"ocds-placeshaper-{id}", "the unregistered default prefix");
        release.GetProperty("buyer").GetProperty("name").GetString().ShouldBe("Anytown Borough Council");
        var tender = release.GetProperty("tender");
        tender.GetProperty("title").GetString().ShouldBe("Home care in Anytown's neighbourhoods");
        tender.GetProperty("value").GetProperty("amount").GetDecimal().ShouldBe(42_250_000m);
        tender.GetProperty("procurementMethod").GetString().ShouldBe("selective");
        tender.GetProperty("lots").GetArrayLength().ShouldBe(2);
        tender.GetProperty("suitability").GetProperty("vcse").GetBoolean().ShouldBeTrue();
        tender.GetProperty("awardCriteriaDetails").GetString()!.ShouldStartWith("Price 30%, quality 55% and social value 15%");
    }

    [Fact]
    public async Task An_award_decision_in_standstill_is_published_as_a_pending_award_with_its_standstill_period()
    {
        app.RequireDatabase();
        OcdsSchema.RequireData();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var id = (await (await api.GetPathAsync("/api/v1/orgs/anytown/tenders")).ReadJsonAsync()).EnumerateArray()
            .Single(t => t.GetProperty("reference").GetString() == "ANYTOWN-2026-009").GetProperty("id").GetString()!;

        var json = await (await api.GetPathAsync($"/api/v1/orgs/anytown/tenders/{id}/ocds")).Content.ReadAsStringAsync();

        OcdsSchema.Errors(await OcdsSchema.CoreAsync(), json).ShouldBeEmpty();
        OcdsSchema.Errors(await OcdsSchema.WithUkExtensionAsync(), json).ShouldBeEmpty();
        var releases = JsonDocument.Parse(json).RootElement.GetProperty("releases").EnumerateArray().ToList();
        releases.Select(r => r.GetProperty("tag")[0].GetString()).ShouldBe(["tender", "award"]);
        var award = releases[1].GetProperty("awards")[0];
        (award.GetProperty("status").GetString(), award.GetProperty("value").GetProperty("amount").GetDecimal()).ShouldBe(("pending", 152_000m));
        award.GetProperty("suppliers")[0].GetProperty("id").GetString().ShouldBe("GB-CHC-99000201");
        award.GetProperty("standstillPeriod").GetProperty("endDate").GetString()!.ShouldEndWith("59:59Z");
        var supplier = releases[1].GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("roles")[0].GetString() == "supplier");
        (supplier.GetProperty("name").GetString(), supplier.GetProperty("details").GetProperty("vcse").GetBoolean()).ShouldBe(("Brightside Family Support", true));
    }

    [Fact]
    public async Task A_draft_has_no_OCDS_yet_another_organisations_tender_is_not_found_and_providers_are_refused()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        using var provider = await app.ApiAsAsync("hello@brightside.example");
        var draft = await DraftAsync(api, 100_000m);

        var conflict = await (await api.GetPathAsync($"/api/v1/orgs/anytown/tenders/{draft.Id}/ocds")).ShouldBeProblemAsync(409);
        await (await api.GetPathAsync($"/api/v1/orgs/anytown/tenders/{Guid.NewGuid()}/ocds")).ShouldBeProblemAsync(404);
        await (await provider.GetPathAsync($"/api/v1/orgs/anytown/tenders/{await DemoTenderIdAsync(api)}/ocds")).ShouldBeProblemAsync(403);
        await (await provider.GetPathAsync("/api/v1/orgs/anytown/tenders/transparency-code.csv")).ShouldBeProblemAsync(403);

        conflict.GetProperty("detail").GetString()!.ShouldContain("draft");
    }

    [Fact]
    public async Task The_Transparency_Code_list_has_published_invitations_over_5000_pounds_only()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var atThreshold = await PublishAsync(api, await DraftAsync(api, 5_000m));
        var over = await PublishAsync(api, await DraftAsync(api, 5_000.01m));
        var draft = await DraftAsync(api, 80_000m);

        using var response = await api.GetPathAsync("/api/v1/orgs/anytown/tenders/transparency-code.csv");
        var table = ImportTable.Read(await response.Content.ReadAsByteArrayAsync(), "itt.csv");
        var references = table.Rows.Select(r => r["reference_number"]).ToList();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        table.Headers.ShouldBe(["reference_number", "title", "description", "start_date", "end_date", "review_date", "department_responsible", "estimated_value_gbp_incl_vat", "route", "programme"]);
        references.ShouldContain("ANYTOWN-2026-014");
        references.ShouldContain(over.Reference);
        references.ShouldNotContain(atThreshold.Reference, "the Code asks for values that exceed £5,000");
        references.ShouldNotContain(draft.Reference, "a draft has not been issued");
        var row = table.Rows.Single(r => r["reference_number"] == over.Reference);
        row["start_date"].ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        row["end_date"].ShouldNotBeNullOrEmpty();
        row["description"].ShouldBe("Grounds maintenance for the parks");
        table.Rows.Single(r => r["reference_number"] == "ANYTOWN-2026-014")["programme"].ShouldBe("Home care that helps people live at home");
    }

    [Fact]
    public async Task A_published_tenders_page_links_to_its_open_contracting_data_and_a_drafts_does_not()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var id = await DemoTenderIdAsync(api);
        var draft = await DraftAsync(api, 20_000m);
        using var councillor = await app.SignInAsync("councillor@anytown.example");

        var published = await councillor.GetHtmlAsync($"/o/anytown/tenders/{id}");
        var drafted = await councillor.GetHtmlAsync($"/o/anytown/tenders/{draft.Id}");
        using var followed = await councillor.GetAsync($"/api/v1/orgs/anytown/tenders/{id}/ocds");

        published.ShouldContain($"href=\"/api/v1/orgs/anytown/tenders/{id}/ocds\" id=\"ocds-link\">Open Contracting data (JSON)</a>");
        drafted.ShouldNotContain("Open Contracting data");
        followed.StatusCode.ShouldBe(HttpStatusCode.OK, "the link works with the session a person signed in with");
    }

    [Fact]
    public async Task Tender_documents_reach_every_bidder_and_an_addendum_after_publication_is_released_as_an_amendment()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        using var evaluator = await app.ApiAsAsync("evaluator@anytown.example");
        using var bidder = await app.ApiAsAsync("hello@brightside.example");
        var draft = await DraftAsync(api, 60_000m);
        var documents = $"/api/v1/orgs/anytown/tenders/{draft.Id}/documents";
        var specification = System.Text.Encoding.UTF8.GetBytes("Keep every park tidy, every week of the year.");

        var bad = await (await api.PostJsonAsync(documents, new { title = "", kind = "Specification", fileName = "spec.exe", content = specification })).ShouldBeProblemAsync(400);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["fileName", "title"]);
        (await evaluator.PostJsonAsync(documents, new { title = "Specification", kind = "Specification", fileName = "spec.txt", content = specification })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var spec = await (await api.PostJsonAsync(documents, new { title = "Specification", kind = "Specification", fileName = "spec.txt", content = specification })).ReadJsonAsync();
        var scrap = await (await api.PostJsonAsync(documents, new { title = "Old draft", kind = "Other", fileName = "old.txt", content = specification })).ReadJsonAsync();
        (await api.DeleteAsync(new Uri($"{documents}/{scrap.GetProperty("id").GetString()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await bidder.GetPathAsync($"/api/v1/orgs/anytown/portal/tenders/{draft.Id}/documents")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft's documents are the buyer's alone");

        await PublishAsync(api, draft);
        var specId = spec.GetProperty("id").GetString();
        await (await api.DeleteAsync(new Uri($"{documents}/{specId}", UriKind.Relative))).ShouldBeProblemAsync(409);
        (await (await api.PostJsonAsync(documents, new { title = "Revised map", kind = "Other", fileName = "map.pdf", content = specification })).ShouldBeProblemAsync(400))
            .GetProperty("errors").TryGetProperty("addendumReason", out _).ShouldBeTrue();
        var addendum = await (await api.PostJsonAsync(documents, new { title = "Revised map", kind = "Other", fileName = "map.pdf", content = specification, addendumReason = "Riverside Park was missing" })).ReadJsonAsync();
        addendum.GetProperty("isAddendum").GetBoolean().ShouldBeTrue();

        var seen = (await (await bidder.GetPathAsync($"/api/v1/orgs/anytown/portal/tenders/{draft.Id}/documents")).ReadJsonAsync()).EnumerateArray().ToList();
        seen.Select(d => (d.GetProperty("title").GetString(), d.GetProperty("isAddendum").GetBoolean())).ShouldBe([("Specification", false), ("Revised map", true)]);
        using var file = await bidder.GetPathAsync($"/api/v1/orgs/anytown/portal/tenders/{draft.Id}/documents/{specId}");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(specification);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "tender-addendum-added" && e.EntityId == draft.Id.ToString()))).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityType == "TenderDocument").Select(e => e.After ?? "").ToListAsync()))
            .ShouldAllBe(after => !after.Contains("Keep every park tidy") && !after.Contains(Convert.ToBase64String(specification)), "the trail records files by checksum, never their content");

        var ocds = await (await api.GetPathAsync($"/api/v1/orgs/anytown/tenders/{draft.Id}/ocds")).Content.ReadAsStringAsync();
        var releases = JsonDocument.Parse(ocds).RootElement.GetProperty("releases").EnumerateArray().ToList();
        releases.Select(r => r.GetProperty("tag")[0].GetString()).ShouldBe(["tender", "tenderAmendment"]);
        releases.Select(r => r.GetProperty("tender").GetProperty("documents").GetArrayLength()).ShouldBe([1, 2]);
        releases[0].GetProperty("tender").GetProperty("documents")[0].GetProperty("documentType").GetString().ShouldBe("technicalSpecifications");
        if (OcdsSchema.HasData)
        {
            OcdsSchema.Errors(await OcdsSchema.WithUkExtensionAsync(), ocds).ShouldBeEmpty();
        }
    }

    private static async Task<string> DemoTenderIdAsync(HttpClient api) =>
        (await (await api.GetPathAsync("/api/v1/orgs/anytown/tenders")).ReadJsonAsync()).EnumerateArray()
            .Single(t => t.GetProperty("reference").GetString() == "ANYTOWN-2026-014").GetProperty("id").GetString()!;

    private static async Task<(Guid Id, string Reference)> DraftAsync(HttpClient api, decimal value)
    {
        var created = await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new
        {
            reference = "P-" + Guid.NewGuid().ToString("N")[..10],
            title = "Parks grounds maintenance",
            description = "Grounds maintenance for the parks",
            kind = "GoodsAndServices",
            estimatedValue = value,
        })).ReadJsonAsync();
        return (Guid.Parse(created.GetProperty("id").GetString()!), created.GetProperty("reference").GetString()!);
    }

    private static async Task<(Guid Id, string Reference)> PublishAsync(HttpClient api, (Guid Id, string Reference) draft)
    {
        var id = draft.Id;
        var root = $"/api/v1/orgs/anytown/tenders/{id}";
        (await api.PutJsonAsync(root + "/award-criteria", new
        {
            weights = new { price = 60, quality = 30, socialValue = 10 },
            questions = new object[]
            {
                new { kind = "Quality", text = "How will you keep the parks tidy?", weight = 100, descriptors = Descriptors },
                new { kind = "SocialValue", text = "How many local people will you employ?", weight = 100, descriptors = Descriptors },
            },
        })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/lots", new { lots = Array.Empty<object>(), noLotsReason = "Too small to divide", suitableForSme = true, suitableForVcse = false })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/timetable", new { submissionDeadline = DateTime.UtcNow.AddDays(10) })).EnsureSuccessStatusCode();
        var published = await (await api.PostJsonAsync(root + "/publish", new { })).ReadJsonAsync();
        published.GetProperty("status").GetString().ShouldBe("Published");
        return draft;
    }
}

public sealed class PublicationApiTestsOnSqlite(SqliteApp app) : PublicationApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PublicationApiTestsOnPostgres(PostgresApp app) : PublicationApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
