using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Contracts;

/// <summary>
/// The payment-terms form, the schedule's "paid" read from imported spend, the assessment due on termination and
/// what providers see of their contracts' variations and breaches, through the HTTP pipeline.
/// </summary>
public abstract class ContractPaymentsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Officer = "commissioner@anytown.example";
    private const string Administrator = "administrator@anytown.example";
    private const string Brightside = "hello@brightside.example";
    private const string Northgate = "bids@northgate-facilities.example";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Start => new(DateTime.UtcNow.Year - 1, 1, 1);

    private static async Task<string> ProviderIdAsync(HttpClient api, string name)
    {
        var providers = await (await api.GetPathAsync("/api/v1/orgs/anytown/providers?pageSize=100")).ReadJsonAsync();
        return providers.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    /// <summary>A provider of its own, with a company number no other test uses, so that spend resolves to it alone.</summary>
    private static async Task<(string Id, string Name, string CompanyNumber)> NewProviderAsync(HttpClient api)
    {
        var number = "97" + Random.Shared.Next(0, 999_999).ToString("D6", CultureInfo.InvariantCulture);
        var name = $"Payments Test {number} Ltd";
        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", new { name, legalForm = "Company", companyNumber = number });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await created.ReadJsonAsync()).GetProperty("provider").GetProperty("id").GetString()!, name, number);
    }

    /// <summary>A contract from <see cref="Start"/> for three years, KPI 1 "repairs on time" (% monthly, target 95, minimum 90) and KPI 2 a quarterly count.</summary>
    private static async Task<(string Id, string Reference, string Repairs, string Count)> ContractAsync(HttpClient officer, string providerId, decimal totalValue = 800_000m)
    {
        var reference = "PAY-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await officer.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference,
            title = "Repairs and maintenance",
            providerId,
            totalValue,
            startDate = Day(Start),
            endDate = Day(Start.AddYears(3).AddDays(-1)),
            kpis = new object[]
            {
                new { definition = "Repairs on time", unit = "%", polarity = "HigherIsBetter", target = 95m, minimum = 90m, frequency = "Monthly", dataSource = "Helpdesk" },
                new { definition = "Homes made safe", unit = "homes", polarity = "HigherIsBetter", target = 10m, minimum = 5m, frequency = "Quarterly", dataSource = "Helpdesk" },
                new { definition = "Complaints", unit = "complaints", polarity = "LowerIsBetter", target = 2m, minimum = 5m, frequency = "Monthly", dataSource = "Helpdesk" },
            },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contract = await created.ReadJsonAsync();
        var kpis = contract.GetProperty("kpis").EnumerateArray().ToList();
        return (contract.GetProperty("id").GetString()!, reference, kpis[0].GetProperty("id").GetString()!, kpis[1].GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> PeriodAsync(HttpClient api, string contractId, DateOnly periodStart)
    {
        var schedule = await (await api.GetPathAsync($"/api/v1/orgs/anytown/contracts/{contractId}/payments")).ReadJsonAsync();
        return schedule.EnumerateArray().Single(p => p.GetProperty("periodStart").GetString() == Day(periodStart));
    }

    private static async Task ImportSpendAsync(HttpClient administrator, string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", $"spend-{Guid.NewGuid():N}.csv");
        var imported = await administrator.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports", UriKind.Relative), form);
        imported.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await imported.Content.ReadAsStringAsync());
    }

    private static string SpendRow(DateOnly date, decimal amount, string supplier, string number, string description) =>
        $"Anytown Borough Council,{date:dd/MM/yyyy},T-{Guid.NewGuid():N},{amount.ToString(CultureInfo.InvariantCulture)},{supplier},{number},Repairs,{description}\n";

    private const string SpendHeader = "Body Name,Date,Transaction Number,Amount,Supplier Name,Supplier Company Number,Service Area,Description\n";

    /// <summary>The terms form with a fixed price ticked, plus <paramref name="more"/> fields (a later one of the same name replaces it, except Mechanisms, which adds a tick).</summary>
    private static List<KeyValuePair<string, string>> TermsForm(DateOnly from, string frequency, string fixedAmount, params (string Key, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("EffectiveFrom.Day", from.Day.ToString(CultureInfo.InvariantCulture)),
            new("EffectiveFrom.Month", from.Month.ToString(CultureInfo.InvariantCulture)),
            new("EffectiveFrom.Year", from.Year.ToString(CultureInfo.InvariantCulture)),
            new("Frequency", frequency),
            new("Mechanisms", "fixed"),
            new("FixedAmount", fixedAmount),
            new("Indexation", "none"),
        };
        foreach (var (key, value) in more)
        {
            if (key != "Mechanisms")
            {
                fields.RemoveAll(f => f.Key == key);
            }

            fields.Add(new(key, value));
        }

        return fields;
    }

    /// <summary>Posts the form with the antiforgery token of the page.</summary>
    private static async Task<HttpResponseMessage> PostTermsAsync(BrowserClient browser, string page, List<KeyValuePair<string, string>> fields)
    {
        var html = await browser.GetHtmlAsync(page);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var body = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);
        return await browser.Http.PostAsync(new Uri(page, UriKind.Relative), body);
    }

    [Fact]
    public async Task The_terms_form_saves_a_version_with_every_mechanism_and_the_api_reads_it_back()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync(Officer);
        var (id, _, repairs, count) = await ContractAsync(officer, await ProviderIdAsync(officer, "Brightside Family Support"));
        using var browser = await app.SignInAsync(Officer);
        var page = $"/o/anytown/contracts/{id}/payment-terms";
        (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}")).ShouldContain(page);

        var saved = await PostTermsAsync(browser, page, TermsForm(Start, "Monthly", "1000",
            ("Indexation", "rate"), ("UpliftRate", "0.03"), ("ResultsYears", "1, 12000, 0.25\n2, 12000, 0.4"), ("OutcomeRates[2]", "150"),
            ("CapPercent", "5"), ("CreditKpis[1].PerUnit", "1"), ("CreditKpis[1].Max", "3")));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        // Only the ticked mechanisms count: results were filled in but not ticked, so they are not saved.
        var terms = (await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/payment-terms")).ReadJsonAsync()).EnumerateArray().ToList();
        terms.Count.ShouldBe(1);
        var first = terms[0].GetProperty("terms");
        (first.GetProperty("frequency").GetString(), first.GetProperty("fixed").GetProperty("amountPerPeriod").GetDecimal(), first.GetProperty("fixed").GetProperty("upliftRate").GetDecimal())
            .ShouldBe(("Monthly", 1000m, 0.03m));
        first.GetProperty("paymentByResults").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("serviceCredits").ValueKind.ShouldBe(JsonValueKind.Null);

        var combined = TermsForm(Start.AddMonths(3), "Quarterly", "3000", ("Mechanisms", "results"), ("Mechanisms", "credits"),
            ("ResultsYears", "1, 12000, 0.25\n2, 12000, 0.4"), ("OutcomeRates[2]", "150"), ("CapPercent", "5"), ("CreditKpis[1].PerUnit", "1"), ("CreditKpis[1].Max", "3"), ("CreditKpis[1].Inadequate", "85"));
        var combinedSaved = await PostTermsAsync(browser, page, combined);
        combinedSaved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await combinedSaved.Content.ReadAsStringAsync());

        terms = (await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/payment-terms")).ReadJsonAsync()).EnumerateArray().ToList();
        terms.Count.ShouldBe(2);
        var second = terms[1].GetProperty("terms");
        second.GetProperty("paymentByResults").GetProperty("years").GetArrayLength().ShouldBe(2);
        second.GetProperty("paymentByResults").GetProperty("outcomes")[0].GetProperty("kpiId").GetString().ShouldBe(count);
        second.GetProperty("serviceCredits").GetProperty("kpis")[0].GetProperty("kpiId").GetString().ShouldBe(repairs);
        second.GetProperty("serviceCredits").GetProperty("kpis")[0].GetProperty("inadequate").GetDecimal().ShouldBe(85m);

        // The form starts from the latest version, and the history says which periods each version applies to.
        var again = await browser.GetHtmlAsync(page);
        again.ShouldContain("value=\"3000\"");
        again.ShouldContain($"From {Start:d MMMM yyyy} to {Start.AddMonths(3).AddDays(-1):d MMMM yyyy}");
        again.ShouldContain($"From {Start.AddMonths(3):d MMMM yyyy} to {Start.AddYears(3).AddDays(-1):d MMMM yyyy}");
    }

    [Fact]
    public async Task Bad_terms_in_the_form_are_shown_against_their_fields_and_nothing_is_saved()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync(Officer);
        var (id, _, _, _) = await ContractAsync(officer, await ProviderIdAsync(officer, "Brightside Family Support"));
        using var browser = await app.SignInAsync(Officer);
        var page = $"/o/anytown/contracts/{id}/payment-terms";

        var nothing = await PostTermsAsync(browser, page, [new("Frequency", "Monthly")]);
        nothing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await nothing.Content.ReadAsStringAsync();
        html.ShouldContain("href=\"#effectiveFrom\"");
        html.ShouldContain("href=\"#mechanisms\"");

        var bad = await PostTermsAsync(browser, page, TermsForm(Start.AddDays(3), "Monthly", "-5",
            ("CapPercent", "-1"), ("CreditKpis[1].PerUnit", "1"), ("CreditKpis[1].Max", "300"), ("Mechanisms", "credits")));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        foreach (var field in new[] { "effectiveFrom", "fixedAmount", "capPercent", "credit-1-max" })
        {
            html.ShouldContain($"href=\"#{field}\"", customMessage: field);
            html.ShouldContain($"id=\"{field}-error\"", customMessage: field);
        }

        var words = await PostTermsAsync(browser, page, TermsForm(Start, "Monthly", "lots", ("Mechanisms", "results"), ("ResultsYears", "one, 100")));
        html = await words.Content.ReadAsStringAsync();
        html.ShouldContain("href=\"#fixedAmount\"");
        html.ShouldContain("href=\"#resultsYears\"");
        (await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/payment-terms")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);

        // A councillor reads terms through the contract but cannot open the form.
        using var councillor = await app.SignInAsync("councillor@anytown.example");
        (await councillor.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_terms_after_a_period_was_calculated_adds_a_version_and_the_calculated_period_keeps_its_own()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync(Officer);
        var (id, _, _, _) = await ContractAsync(officer, await ProviderIdAsync(officer, "Brightside Family Support"));
        using var browser = await app.SignInAsync(Officer);
        var page = $"/o/anytown/contracts/{id}/payment-terms";
        (await PostTermsAsync(browser, page, TermsForm(Start, "Monthly", "1000"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(Start)}/calculations", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The same start again is refused: stored terms never change.
        var same = await PostTermsAsync(browser, page, TermsForm(Start, "Monthly", "1200"));
        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await same.Content.ReadAsStringAsync()).ShouldContain("href=\"#effectiveFrom\"");

        var changed = await PostTermsAsync(browser, page, TermsForm(Start.AddMonths(1), "Monthly", "1200"));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        changed.Headers.Location!.ToString().ShouldContain("saved=2");

        var january = await PeriodAsync(officer, id, Start);
        (january.GetProperty("latest").GetProperty("termsVersion").GetInt32(), january.GetProperty("latest").GetProperty("due").GetDecimal(), january.GetProperty("revisions").GetInt32())
            .ShouldBe((1, 1000m, 1));
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(Start.AddMonths(1))}/calculations", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PeriodAsync(officer, id, Start.AddMonths(1))).GetProperty("latest").GetProperty("due").GetDecimal().ShouldBe(1200m);

        var html = await browser.GetHtmlAsync(page + "?saved=2");
        html.ShouldContain("Version 2 of the payment terms is saved");
        html.ShouldContain($"From {Start:d MMMM yyyy} to {Start.AddMonths(1).AddDays(-1):d MMMM yyyy}");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "payment-terms-versioned" && e.EntityId == id))).ShouldBe(2);
    }

    [Fact]
    public async Task Spend_to_the_provider_shows_as_paid_when_it_names_the_contract_or_the_provider_has_one_live_contract_and_otherwise_stays_unattributed()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync(Officer);
        using var administrator = await app.ApiAsAsync(Administrator);
        var single = await NewProviderAsync(officer);
        var (onlyId, _, repairs, _) = await ContractAsync(officer, single.Id);
        var several = await NewProviderAsync(officer);
        var (firstId, firstReference, _, _) = await ContractAsync(officer, several.Id);
        var (secondId, _, _, _) = await ContractAsync(officer, several.Id);

        // Fixed £1,000 a month less service credits on KPI 1 (1% a point short, at most 5%).
        foreach (var contract in new[] { onlyId, firstId, secondId })
        {
            (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{contract}/payment-terms", new
            {
                effectiveFrom = Day(Start),
                terms = new
                {
                    frequency = "Monthly",
                    @fixed = new { amountPerPeriod = 1000m },
                    serviceCredits = contract == onlyId ? new { capPercent = 5m, kpis = new[] { new { kpiId = repairs, creditPercentPerUnit = 1m, maxCreditPercent = 5m } } } : null,
                },
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var march = Start.AddMonths(2);
        var value = await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{onlyId}/observations", new { kpiId = repairs, periodStart = Day(march), value = 93m })).ReadJsonAsync();
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{onlyId}/observations/{value.GetProperty("id").GetString()}/approve", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{onlyId}/payments/{Day(march)}/calculations", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await ImportSpendAsync(administrator, SpendHeader
            + SpendRow(march.AddDays(14), 1000m, single.Name.ToUpperInvariant(), single.CompanyNumber, "Monthly charge")
            + SpendRow(march.AddDays(20), 500m, several.Name.ToUpperInvariant(), several.CompanyNumber, $"Invoice {firstReference}/03")
            + SpendRow(march.AddDays(21), 700m, several.Name.ToUpperInvariant(), several.CompanyNumber, "Monthly charge")
            + SpendRow(march.AddMonths(1).AddDays(2), 250m, several.Name.ToUpperInvariant(), several.CompanyNumber, $"Invoice {firstReference}0"));

        // The provider's only live contract: the payment is its, and the credit due (2% of £1,000) was not deducted.
        var only = await PeriodAsync(officer, onlyId, march);
        (only.GetProperty("paid").ValueKind, only.GetProperty("spendPaid").GetDecimal(), only.GetProperty("latest").GetProperty("due").GetDecimal(), only.GetProperty("spendDifference").GetDecimal())
            .ShouldBe((JsonValueKind.Null, 1000m, 980m, 20m));
        only.GetProperty("creditNotLevied").GetBoolean().ShouldBeTrue("the flag is checked against spend when nothing was recorded by hand");
        only.GetProperty("spendPayments")[0].GetProperty("reason").GetString()!.ShouldContain("only live contract");

        // A recorded payment is the one the flag is checked against.
        (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{onlyId}/payments/{Day(march)}/paid", new { amount = 980m, paidOn = Day(march.AddDays(14)), reference = "BACS-1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        only = await PeriodAsync(officer, onlyId, march);
        (only.GetProperty("paid").GetDecimal(), only.GetProperty("spendPaid").GetDecimal(), only.GetProperty("creditNotLevied").GetBoolean()).ShouldBe((980m, 1000m, false));

        // Two live contracts: only the payment naming one is its; the other is unattributed spend beside both.
        var first = await PeriodAsync(officer, firstId, march);
        var second = await PeriodAsync(officer, secondId, march);
        (first.GetProperty("spendPaid").GetDecimal(), first.GetProperty("unattributedSpend").GetDecimal()).ShouldBe((500m, 700m));
        (second.GetProperty("spendPaid").ValueKind, second.GetProperty("unattributedSpend").GetDecimal()).ShouldBe((JsonValueKind.Null, 700m));
        second.GetProperty("unattributedSpendPayments")[0].GetProperty("reason").GetString()!.ShouldContain("2 live contracts");

        // The reference followed by another digit is a different reference: it does not name the contract.
        var april = await PeriodAsync(officer, firstId, march.AddMonths(1));
        (april.GetProperty("spendPaid").ValueKind, april.GetProperty("unattributedSpend").GetDecimal()).ShouldBe((JsonValueKind.Null, 250m));

        // The page and the export show both figures.
        using var browser = await app.SignInAsync(Officer);
        var html = await browser.GetHtmlAsync($"/o/anytown/contracts/{firstId}");
        html.ShouldContain("Paid, from spend");
        var period = await browser.GetHtmlAsync($"/o/anytown/contracts/{onlyId}/payments/{Day(march)}");
        period.ShouldContain("id=\"spend-paid\"");
        period.ShouldContain("the provider&#x27;s only live contract on");
        html.ShouldContain("700.00 unattributed spend with this provider");
        var csv = await browser.GetHtmlAsync($"/o/anytown/contracts/payments?handler=Download&contract={onlyId}&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldContain("spend_paid_gbp,spend_paid_minus_due_gbp,spend_payments,unattributed_spend_gbp");
        lines.Single(l => l.Contains(Day(march), StringComparison.Ordinal)).ShouldContain(",1000");
    }

    [Fact]
    public async Task A_terminated_contract_over_five_million_with_KPIs_is_reminded_of_its_assessment_until_one_is_published()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync(Officer);
        var (id, reference, _, _) = await ContractAsync(officer, await ProviderIdAsync(officer, "Brightside Family Support"), totalValue: 6_000_000m);
        var on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        var terminated = await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/termination", new { on = Day(on), ground = "Agreement", reason = "Ended by agreement", noticeGivenOn = Day(on.AddDays(-30)) });
        terminated.StatusCode.ShouldBe(HttpStatusCode.Created, await terminated.Content.ReadAsStringAsync());

        var reminders = (await (await officer.GetPathAsync("/api/v1/orgs/anytown/contracts/reminders")).ReadJsonAsync()).EnumerateArray()
            .Where(r => r.GetProperty("reference").GetString() == reference).ToList();
        reminders.Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("on").GetString())).ShouldBe([("TerminationAssessment", Day(on))]);
        using var browser = await app.SignInAsync(Officer);
        (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}")).ShouldContain("id=\"termination-assessment\"");
        (await browser.GetHtmlAsync("/o/anytown/contracts")).ShouldContain("Performance assessment on termination");
        (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}/performance-notices")).ShouldContain("id=\"termination-due\"");

        var contract = await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}")).ReadJsonAsync();
        var published = await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/performance-notices", new
        {
            periodStart = Day(on.AddYears(-1).AddDays(1)),
            periodEnd = Day(on),
            ratings = contract.GetProperty("kpis").EnumerateArray().Select(k => new { kpiId = k.GetProperty("id").GetString(), rating = "good" }).ToArray(),
        });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        (await (await officer.GetPathAsync("/api/v1/orgs/anytown/contracts/reminders")).ReadJsonAsync()).EnumerateArray()
            .Count(r => r.GetProperty("reference").GetString() == reference).ShouldBe(0);
        (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}")).ShouldNotContain("id=\"termination-assessment\"");
    }

    [Fact]
    public async Task A_provider_sees_its_own_contracts_variations_and_breaches_in_the_portal_and_no_one_elses()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync(Officer);
        var (id, _, _, _) = await ContractAsync(officer, await ProviderIdAsync(officer, "Brightside Family Support"));
        var secret = "Extra visits " + Guid.NewGuid().ToString("N")[..6];
        (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/variations", new { valueChange = 20_000m, termMonths = 0, description = secret, reason = "More families referred" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var breach = "Clause 9.1 " + Guid.NewGuid().ToString("N")[..6];
        (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/breaches", new { occurredOn = Day(Start.AddMonths(2)), clause = breach, description = "Late reports", severity = "Minor" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        using var provider = await app.SignInAsync(Brightside);
        var html = await provider.GetHtmlAsync($"/o/anytown/portal/contracts/{id}");
        html.ShouldContain("id=\"portal-variations\"");
        html.ShouldContain(secret);
        html.ShouldContain(breach);
        html.ShouldNotContain($"/o/anytown/contracts/{id}/variations/");
        html.ShouldNotContain("Record the remedy");

        using var other = await app.SignInAsync(Northgate);
        (await other.GetAsync($"/o/anytown/portal/contracts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var facilities = await (await officer.GetPathAsync("/api/v1/orgs/anytown/contracts?q=ANYTOWN-2023-007")).ReadJsonAsync();
        var theirs = facilities.GetProperty("items")[0].GetProperty("id").GetString();
        var own = await other.GetHtmlAsync($"/o/anytown/portal/contracts/{theirs}");
        own.ShouldContain("id=\"variations\"");
        own.ShouldNotContain(secret);
        own.ShouldNotContain(breach);
    }

    [Fact]
    public async Task The_import_kpi_values_command_imports_a_good_file_and_refuses_a_bad_line_naming_file_line_and_column()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync(Officer);
        var (id, reference, _, _) = await ContractAsync(officer, await ProviderIdAsync(officer, "Brightside Family Support"));
        var folder = Directory.CreateTempSubdirectory("kpi-values");
        try
        {
            var good = Path.Combine(folder.FullName, "good.csv");
            var bad = Path.Combine(folder.FullName, "bad.csv");
            await File.WriteAllTextAsync(good, $"kpi,period,value,comment\n1,{Day(Start)},96,January\n2,{Day(Start)},12,\n");
            await File.WriteAllTextAsync(bad, $"kpi,period,value,comment\n1,{Day(Start.AddMonths(1))},97,\n1,{Day(Start.AddMonths(2))},many,\n");

            var refused = await Infrastructure.Cli.RunAsync("import", "kpi-values", bad, "--org", "anytown", "--contract", reference, "--database", app.ConnectionString);
            refused.ExitCode.ShouldBe(1, refused.Output + refused.Error);
            refused.Error.ShouldContain("bad.csv:3: value:");
            (await app.WithDbAsync(db => db.Set<Placeshaper.Contracts.Delivery.KpiObservation>().CountAsync(o => o.ContractId == Guid.Parse(id)))).ShouldBe(0);

            var run = await Infrastructure.Cli.RunAsync("import", "kpi-values", good, "--org", "anytown", "--contract", reference, "--database", app.ConnectionString);
            run.ExitCode.ShouldBe(0, run.Output + run.Error);
            var again = await Infrastructure.Cli.RunAsync("import", "kpi-values", good, "--org", "anytown", "--contract", reference, "--database", app.ConnectionString);
            again.ExitCode.ShouldBe(0, again.Output + again.Error);
            (await app.WithDbAsync(db => db.Set<Placeshaper.Contracts.Delivery.KpiObservation>().CountAsync(o => o.ContractId == Guid.Parse(id) && o.Source == "import"))).ShouldBe(2);

            var unknown = await Infrastructure.Cli.RunAsync("import", "kpi-values", good, "--org", "anytown", "--contract", "NO-SUCH-REF", "--database", app.ConnectionString);
            (unknown.ExitCode, unknown.Error.Contains("--contract", StringComparison.Ordinal)).ShouldBe((2, true));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

public sealed class ContractPaymentsTestsOnSqlite(SqliteApp app) : ContractPaymentsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ContractPaymentsTestsOnPostgres(PostgresApp app) : ContractPaymentsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
