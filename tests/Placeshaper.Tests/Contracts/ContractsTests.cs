using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Imports;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Contracts;

public abstract class ContractsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static object Kpi(decimal target = 90m, decimal minimum = 80m) =>
        new { definition = "Families seen within 10 working days", unit = "%", polarity = "HigherIsBetter", target, minimum, frequency = "Monthly", dataSource = "Case records" };

    private static Task<HttpResponseMessage> ImportAsync(HttpClient api, string organisation, string file, byte[] content) =>
        api.PostAsync(new Uri($"/api/v1/orgs/{organisation}/contracts/imports?file={file}", UriKind.Relative), new ByteArrayContent(content));

    private static async Task<List<JsonElement>> RegisterAsync(HttpClient api, string organisation, string query = "") =>
        (await (await api.GetPathAsync($"/api/v1/orgs/{organisation}/contracts?pageSize=500&{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_contract_is_added_read_and_changed_through_the_API_with_the_section_52_warning_until_an_exemption_is_recorded()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var reference = "API-" + Guid.NewGuid().ToString("N")[..6];
        var body = new
        {
            reference,
            title = "Domestic abuse refuges",
            supplierName = "Safe Homes Trust",
            totalValue = 6_000_000m,
            annualValue = 1_200_000m,
            startDate = "2026-04-01",
            endDate = "2031-03-31",
            extensions = new[] { new { months = 12 } },
            breakClauses = new[] { new { on = "2029-03-31", noticeMonths = 6 } },
            parties = new[] { new { name = "Westmoor Women's Aid", role = "KeySubcontractor" } },
            paymentMechanism = "FixedPrice",
            kpis = new[] { Kpi() },
        };

        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/contracts", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contract = await created.ReadJsonAsync();
        var id = contract.GetProperty("id").GetString()!;
        contract.GetProperty("warnings")[0].GetString()!.ShouldContain("Procurement Act 2023 (s.52)");
        contract.GetProperty("currentExpiry").GetString().ShouldBe("2031-03-31");
        contract.GetProperty("extensionDecisionDue").GetString().ShouldBe("2030-09-30");
        contract.GetProperty("breakClauses")[0].GetProperty("noticeBy").GetString().ShouldBe("2028-09-30");
        contract.GetProperty("parties")[0].GetProperty("role").GetString().ShouldBe("KeySubcontractor");
        contract.GetProperty("kpis").GetArrayLength().ShouldBe(1);
        (contract.GetProperty("supplier").GetProperty("isSme").ValueKind, contract.GetProperty("supplier").GetProperty("statusSource").GetString())
            .ShouldBe((JsonValueKind.Null, "Not known: the supplier is not in the provider register"));

        var changed = await (await api.PutJsonAsync($"/api/v1/orgs/anytown/contracts/{id}", body)).ReadJsonAsync();
        changed.GetProperty("warnings").GetArrayLength().ShouldBe(1, "KPIs are kept by a PUT");
        var exempt = await api.PutJsonAsync($"/api/v1/orgs/anytown/contracts/{id}", new
        {
            body.reference,
            body.title,
            body.supplierName,
            body.totalValue,
            body.startDate,
            body.endDate,
            kpiExemptionReason = "Performance is assessed by the regulator's inspections",
        });
        exempt.StatusCode.ShouldBe(HttpStatusCode.OK, await exempt.Content.ReadAsStringAsync());
        var after = await exempt.ReadJsonAsync();
        after.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        after.GetProperty("extensions").GetArrayLength().ShouldBe(0, "a PUT replaces: fields left out are cleared");
        after.GetProperty("kpis").GetArrayLength().ShouldBe(1);
        (await (await api.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/kpis")).ReadJsonAsync()).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_contracts_and_KPIs_are_refused_with_problems_naming_each_field_and_a_reference_is_the_organisation_s_only_one()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");

        var bad = await (await api.PostJsonAsync("/api/v1/orgs/anytown/contracts", new { reference = "", totalValue = -5m, startDate = "2026-04-01", endDate = "2026-03-01", extensions = new[] { new { months = 0 } } }))
            .ShouldBeProblemAsync(400);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["reference", "title", "supplierName", "totalValue", "endDate", "extensions[0].months"], ignoreOrder: true);
        var badKpi = await (await api.PostJsonAsync("/api/v1/orgs/anytown/contracts", new { kpis = new[] { Kpi(90m, 95m) } })).ShouldBeProblemAsync(400);
        badKpi.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["kpis[0].minimum"]);

        var existing = (await RegisterAsync(api, "anytown", "q=ANYTOWN-2023-007")).Single();
        var duplicate = await (await api.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "ANYTOWN-2023-007",
            title = "Another",
            supplierName = "Someone",
            totalValue = 1m,
            startDate = "2026-04-01",
            endDate = "2026-05-01",
        })).ShouldBeProblemAsync(400);
        duplicate.GetProperty("errors").GetProperty("reference")[0].GetString()!.ShouldContain("already has the reference ANYTOWN-2023-007");

        var id = existing.GetProperty("id").GetString();
        var kpi = await (await api.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/kpis", new { definition = "Complaints upheld", unit = "per quarter", polarity = "LowerIsBetter", target = 2m, minimum = 1m, frequency = "Quarterly", dataSource = "Complaints log" }))
            .ShouldBeProblemAsync(400);
        kpi.GetProperty("errors").GetProperty("minimum")[0].GetString().ShouldBe("Lower is better, so the minimum acceptable level cannot be below the target");
        (await api.GetPathAsync($"/api/v1/orgs/anytown/contracts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetPathAsync("/api/v1/orgs/anytown/contracts?expiringWithin=-1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_add_form_names_each_field_to_fix_then_adds_the_contract_and_the_change_form_keeps_what_it_does_not_show()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var reference = "FORM-" + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.Reference"] = reference,
            ["Input.Title"] = "Lunch clubs",
            ["Input.SupplierName"] = "Castle Lane Lunch Club",
            ["Input.TotalValue"] = "£45,000",
            ["Input.StartDate.Day"] = "1",
            ["Input.StartDate.Month"] = "4",
            ["Input.StartDate.Year"] = "2026",
            ["Input.EndDate.Day"] = "31",
            ["Input.EndDate.Month"] = "3",
            ["Input.EndDate.Year"] = "2025",
            ["Input.Extensions"] = "12, twelve",
        };

        using var refused = await browser.PostFormAsync("/o/anytown/contracts/new", "/o/anytown/contracts/new", fields);
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Enter each extension option in months, separated by commas, like 12, 12");
        fields["Input.Extensions"] = "12, 12";
        using var stillRefused = await browser.PostFormAsync("/o/anytown/contracts/new", "/o/anytown/contracts/new", fields);
        (await stillRefused.Content.ReadAsStringAsync()).ShouldContain("The end date must be on or after the start date");

        fields["Input.EndDate.Year"] = "2028";
        fields["Input.ExtensionsTaken"] = "1";
        using var added = await browser.PostFormAsync("/o/anytown/contracts/new", "/o/anytown/contracts/new", fields);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var contractPage = added.Headers.Location!.ToString();
        var page = WebUtility.HtmlDecode(await browser.GetHtmlAsync(contractPage));
        page.ShouldContain("31 March 2029", customMessage: "the current expiry: the initial term and the extension taken");
        page.ShouldContain("£45,000.00");

        var id = Guid.Parse(contractPage.Split('/').Last());
        using var changed = await browser.PostFormAsync(contractPage + "/edit", contractPage + "/edit", new Dictionary<string, string>(fields) { ["Input.Title"] = "Lunch clubs for older people", ["Input.Status"] = "Active" });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var contract = await app.WithDbAsync(db => db.Contracts.Include(c => c.Extensions).SingleAsync(c => c.Id == id));
        (contract.Title, contract.Extensions.Count(e => e.Taken), contract.TotalValue).ShouldBe(("Lunch clubs for older people", 1, 45_000m));
    }

    [Fact]
    public async Task Councillors_read_the_register_and_its_reminders_but_change_nothing_and_providers_cannot_read_it()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        using var provider = await app.ApiAsAsync("hello@brightside.example");

        var register = await (await councillor.GetPathAsync("/api/v1/orgs/anytown/contracts?supplierType=Vcse")).ReadJsonAsync();
        var vcse = register.GetProperty("items").EnumerateArray().ToList();
        vcse.Select(c => c.GetProperty("reference").GetString()).ShouldContain("ANYTOWN-2025-021");
        vcse.Select(c => c.GetProperty("reference").GetString()).ShouldContain("ANYTOWN-2025-034");
        vcse.Select(c => c.GetProperty("reference").GetString()).ShouldNotContain("ANYTOWN-2023-007", "Northgate Facilities is a large company");
        vcse.ShouldAllBe(c => c.GetProperty("supplier").GetProperty("isVcse").GetBoolean());
        register.GetProperty("totalValue").GetDecimal().ShouldBe(vcse.Sum(c => c.GetProperty("totalValue").GetDecimal()));
        var reminders = await (await councillor.GetPathAsync("/api/v1/orgs/anytown/contracts/reminders?days=60")).ReadJsonAsync();
        var decision = reminders.EnumerateArray().Single(r => r.GetProperty("reference").GetString() == "ANYTOWN-2023-007" && r.GetProperty("kind").GetString() == "ExtensionDecision");
        decision.GetProperty("overdue").GetBoolean().ShouldBeTrue("the demo facilities contract expires in five months; the decision was due six months before");
        (await councillor.PostJsonAsync("/api/v1/orgs/anytown/contracts", new { reference = "X" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await provider.GetPathAsync("/api/v1/orgs/anytown/contracts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_provider_sees_only_the_contracts_where_it_is_the_supplier()
    {
        app.RequireDatabase();
        using var brightside = await app.ApiAsAsync("hello@brightside.example");
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");

        var mine = await (await brightside.GetPathAsync("/api/v1/orgs/anytown/portal/contracts")).ReadJsonAsync();

        mine.EnumerateArray().Select(c => c.GetProperty("supplier").GetProperty("name").GetString()).Distinct().ShouldBe(["Brightside Family Support"]);
        mine.EnumerateArray().Select(c => c.GetProperty("reference").GetString()).ShouldContain("ANYTOWN-2025-021");
        (await officer.GetPathAsync("/api/v1/orgs/anytown/portal/contracts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var browser = await app.SignInAsync("hello@brightside.example");
        var page = await browser.GetHtmlAsync("/o/anytown/portal/contracts");
        page.ShouldContain("Family support for families facing several disadvantages");
        page.ShouldNotContain("Cleaning and maintenance of council buildings");
    }

    [Fact]
    public async Task Salford_s_real_register_imports_whole_once_matching_suppliers_exactly_and_naming_every_warning()
    {
        app.RequireDatabase();
        using var police = await app.ApiAsAsync("commissioner@anytown-police.example");
        // Two suppliers in the register: one matched by company number, one by name; a near likeness is never matched.
        (await police.PostJsonAsync("/api/v1/orgs/anytown-police/providers", new { name = "Underwater Diving Services Limited", legalForm = "Company", companyNumber = "02535986" })).EnsureSuccessStatusCode();
        (await police.PostJsonAsync("/api/v1/orgs/anytown-police/providers", new { name = "Salford Community Leisure Ltd", legalForm = "Company" })).EnsureSuccessStatusCode();
        (await police.PostJsonAsync("/api/v1/orgs/anytown-police/providers", new { name = "Keolis Amey Metro Ltd", legalForm = "Company" })).EnsureSuccessStatusCode();
        var content = await File.ReadAllBytesAsync(TransparencyRegisterTests.Salford());

        var first = await ImportAsync(police, "anytown-police", "salford_2022-07.csv", content);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.ReadJsonAsync();
        (report.GetProperty("read").GetInt32(), report.GetProperty("added").GetInt32(), report.GetProperty("unchanged").GetInt32(), report.GetProperty("leftOut").GetArrayLength())
            .ShouldBe((360, 360, 0, 0));
        var warnings = report.GetProperty("warnings").EnumerateArray().ToList();
        warnings.ShouldContain(w => w.GetProperty("line").GetInt32() == 219 && w.GetProperty("column").GetString() == "End Date" && w.GetProperty("reason").GetString() == "'22/04/222' is not a date: left empty");
        warnings.ShouldContain(w => w.GetProperty("line").GetInt32() == 27 && w.GetProperty("column").GetString() == "Start Date");
        warnings.ShouldAllBe(w => w.GetProperty("file").GetString() == "salford_2022-07.csv");

        var again = await (await ImportAsync(police, "anytown-police", "salford_2022-07.csv", content)).ReadJsonAsync();
        (again.GetProperty("added").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 360));
        var register = await RegisterAsync(police, "anytown-police");
        register.Count(c => c.GetProperty("reference").GetString()!.StartsWith("S1024", StringComparison.Ordinal)).ShouldBe(4);
        register.Select(c => c.GetProperty("reference").GetString()).ShouldContain("S1024/4");
        register.Single(c => c.GetProperty("title").GetString() == "3No. Underwater Dive Surveys for Principal Inspections").GetProperty("supplier").GetProperty("providerId").ValueKind.ShouldBe(JsonValueKind.String);
        register.First(c => c.GetProperty("supplier").GetProperty("name").GetString() == "Salford Community Leisure Ltd").GetProperty("supplier").GetProperty("providerId").ValueKind.ShouldBe(JsonValueKind.String);
        register.Where(c => c.GetProperty("supplier").GetProperty("name").GetString() == "Keolis Amey Metrolink Limited").ShouldAllBe(c => c.GetProperty("supplier").GetProperty("providerId").ValueKind == JsonValueKind.Null);
        var matched = register.Single(c => c.GetProperty("reference").GetString() == "S1417").GetProperty("supplier");
        matched.GetProperty("isSme").ValueKind.ShouldBe(JsonValueKind.Null, "the file says Yes, but a matched supplier's size comes from the provider register, which does not know it");
        matched.GetProperty("statusSource").GetString().ShouldBe("From Underwater Diving Services Limited in the provider register");
        register.Single(c => c.GetProperty("reference").GetString() == "S1465" && c.GetProperty("title").GetString()!.EndsWith("Work", StringComparison.Ordinal))
            .GetProperty("supplier").GetProperty("isSme").GetBoolean().ShouldBeFalse("an unmatched supplier's SME status is the file's own");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "contracts-imported"))).ShouldBeGreaterThanOrEqualTo(2);
        // An imported contract with no value (a concession) can still be changed without inventing one.
        var concession = register.First(c => c.GetProperty("reference").GetString() == "S1024");
        var put = await police.PutJsonAsync($"/api/v1/orgs/anytown-police/contracts/{concession.GetProperty("id").GetString()}", new
        {
            reference = "S1024",
            title = concession.GetProperty("title").GetString(),
            supplierName = concession.GetProperty("supplier").GetProperty("name").GetString(),
            reviewDate = "2023-04-01",
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await put.ReadJsonAsync()).GetProperty("totalValue").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_file_with_a_bad_amount_is_refused_whole_naming_file_line_and_column()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var header = string.Join(',', TransparencyRegister.Columns);
        var csv = header + "\n" +
                  "Place,RFQ,Council,GOOD-1,Good contract,,Acme Ltd,M1 1AA,100.00,100.00,No,2022-01-01,2022-12-31,12,0,0,N/A,N/A,2022-12-31,Yes,1,Roads,,Public\n" +
                  "Place,RFQ,Council,BAD-1,Bad contract,,Acme Ltd,M1 1AA,£12.345.00,100.00,No,2022-01-01,2022-12-31,12,0,0,N/A,N/A,2022-12-31,Yes,1,Roads,,Public\n" +
                  "Place,RFQ,Council,BAD-2,,,,M1 1AA,1.00,1.00,No,2022-01-01,2022-12-31,12,0,0,N/A,N/A,2022-12-31,Yes,1,Roads,,Public\n";
        var before = await app.WithDbAsync(db => db.Contracts.CountAsync());

        var refused = await (await ImportAsync(api, "anytown", "bad.csv", Encoding.UTF8.GetBytes(csv))).ShouldBeProblemAsync(422);

        refused.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("file").GetString(), p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString()))
            .ShouldBe([("bad.csv", 3, "Annual Value"), ("bad.csv", 4, "Contract Title"), ("bad.csv", 4, "Supplier Company Name")]);
        (await app.WithDbAsync(db => db.Contracts.CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.Contracts.AnyAsync(c => c.Reference == "GOOD-1"))).ShouldBeFalse("a refused file adds nothing, not even its good rows");
        var notARegister = await (await ImportAsync(api, "anytown", "wrong.csv", Encoding.UTF8.GetBytes("name,legal_form\nAcme,Company\n"))).ShouldBeProblemAsync(422);
        notARegister.GetProperty("problems")[0].GetProperty("reason").GetString()!.ShouldContain("Contract Reference, Contract Title, Supplier Company Name");
    }

    [Fact]
    public async Task The_register_downloads_in_the_Transparency_Code_layout_and_imports_back_unchanged_as_CSV_and_as_Excel()
    {
        app.RequireDatabase();
        using var icb = await app.ApiAsAsync("commissioner@anytown-icb.example");
        var salford = await File.ReadAllBytesAsync(TransparencyRegisterTests.Salford());
        (await ImportAsync(icb, "anytown-icb", "salford_2022-07.csv", salford)).EnsureSuccessStatusCode();
        var before = await RegisterAsync(icb, "anytown-icb");

        using var download = await icb.GetPathAsync("/api/v1/orgs/anytown-icb/contracts/transparency-code.csv");
        var csv = await download.Content.ReadAsByteArrayAsync();
        var exported = ImportTable.Read(csv, "export.csv");
        exported.Headers.ShouldBe(TransparencyRegister.Columns);
        exported.Rows.Count.ShouldBe(before.Count);
        var again = await (await ImportAsync(icb, "anytown-icb", "export.csv", csv)).ReadJsonAsync();
        (again.GetProperty("added").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, before.Count));

        using var browser = await app.SignInAsync("commissioner@anytown-icb.example");
        var xlsx = await (await browser.GetAsync("/o/anytown-icb/contracts?handler=Download&format=xlsx")).Content.ReadAsByteArrayAsync();
        var fromExcel = await (await ImportAsync(icb, "anytown-icb", "export.xlsx", xlsx)).ReadJsonAsync();
        (fromExcel.GetProperty("added").GetInt32(), fromExcel.GetProperty("unchanged").GetInt32()).ShouldBe((0, before.Count));

        // What the file said survives the trip. Salford moved GMSHIP's end date on with its two extensions: the initial
        // term is the expiry less them, so the download's end date is two years before its current expiry.
        var gmship = exported.Rows.Single(r => r[TransparencyRegister.Reference] == "S1075" && r[TransparencyRegister.AnnualValue] == "1041914.67");
        (gmship[TransparencyRegister.ExtensionMonths], gmship[TransparencyRegister.ExtensionCount], gmship[TransparencyRegister.Extension1Taken], gmship[TransparencyRegister.Extension2Taken],
            gmship[TransparencyRegister.StartDate], gmship[TransparencyRegister.EndDate], gmship[TransparencyRegister.CurrentExpiry], gmship[TransparencyRegister.Advertised], gmship[TransparencyRegister.Sme])
            .ShouldBe(("36", "3", "Yes", "Yes", "2016-07-01", "2022-06-30", "2024-06-30", "Yes", "Yes"));
        exported.Rows.Count(r => r[TransparencyRegister.Reference] is null).ShouldBe(28, "rows without a reference download without one");
    }

    [Fact]
    public async Task Awarding_a_contract_after_the_standstill_makes_it_in_the_register_from_the_winning_bid_and_the_specification()
    {
        app.RequireDatabase();
        var (tenderId, decisionId, specificationId) = await app.WithDbAsync(async db =>
        {
            var tender = await db.Tenders.SingleAsync(t => t.Reference == "ANYTOWN-2026-009");
            var decision = await db.AwardDecisions.SingleAsync(a => a.TenderId == tender.Id);
            var specification = await db.Specifications.SingleAsync(s => s.Title == "Home care that helps people live at home");
            // The demo transport tender has no specification: lend it the home care one, and end its standstill.
            await db.Tenders.Where(t => t.Id == tender.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.SpecificationId, specification.Id));
            await db.AwardDecisions.Where(a => a.Id == decision.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.StandstillEndsOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3))));
            return (tender.Id, decision.Id, specification.Id);
        });
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");

        var award = $"/api/v1/orgs/anytown/tenders/{tenderId}/evaluation/award-decisions/{decisionId}/award";
        (await procurement.PostAsync(new Uri(award, UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = (await RegisterAsync(procurement, "anytown", "q=ANYTOWN-2026-009")).Single();
        var contract = await (await procurement.GetPathAsync($"/api/v1/orgs/anytown/contracts/{listed.GetProperty("id").GetString()}")).ReadJsonAsync();
        var today = Placeshaper.Common.UkTime.UkDate(DateTime.UtcNow);
        contract.GetProperty("supplier").GetProperty("name").GetString().ShouldBe("Brightside Family Support");
        contract.GetProperty("supplier").GetProperty("providerId").ValueKind.ShouldBe(JsonValueKind.String);
        contract.GetProperty("totalValue").GetDecimal().ShouldBe(152_000m);
        contract.GetProperty("annualValue").GetDecimal().ShouldBe(30_400m, "£152,000 over the specification's 60 months");
        contract.GetProperty("startDate").GetString().ShouldBe(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        contract.GetProperty("endDate").GetString().ShouldBe(today.AddMonths(60).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        contract.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("months").GetInt32()).ShouldBe([12, 12]);
        contract.GetProperty("kpis").GetArrayLength().ShouldBe(4);
        contract.GetProperty("paymentMechanism").GetString().ShouldBe("PaymentByResults");
        (contract.GetProperty("tenderId").GetString(), contract.GetProperty("awardDecisionId").GetString(), contract.GetProperty("specificationId").GetString())
            .ShouldBe((tenderId.ToString(), decisionId.ToString(), specificationId.ToString()));
        contract.GetProperty("outcomeIds").GetArrayLength().ShouldBeGreaterThan(0);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "contract-created-from-award" && e.EntityId == listed.GetProperty("id").GetString()))).ShouldBe(1);
        (await procurement.PostAsync(new Uri(award, UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Contracts.CountAsync(c => c.AwardDecisionId == decisionId))).ShouldBe(1);
    }
}

public sealed class ContractsTestsOnSqlite(SqliteApp app) : ContractsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ContractsTestsOnPostgres(PostgresApp app) : ContractsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
