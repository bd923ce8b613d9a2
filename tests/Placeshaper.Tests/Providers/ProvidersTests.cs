using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Providers;

public abstract class ProvidersTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static readonly string Data = Path.GetFullPath(Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "data"));

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static string RealFile(params string[] path)
    {
        var file = Path.Combine([Data, .. path]);
        TestEnvironment.SkipUnless(File.Exists(file), "the shared data folder is not beside the repository");
        return file;
    }

    private static async Task<JsonElement> ProviderNamedAsync(HttpClient api, string organisation, string name)
    {
        var list = await (await api.GetPathAsync($"/api/v1/orgs/{organisation}/providers?q={Uri.EscapeDataString(name)}&pageSize=500")).ReadJsonAsync();
        return list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient api, string organisation, string file, HttpContent content) =>
        api.PostAsync(new Uri($"/api/v1/orgs/{organisation}/providers/import?file={file}", UriKind.Relative), content);

    [Fact]
    public async Task The_demo_register_has_an_SME_company_a_VCSE_charity_and_a_large_company_sized_and_placed()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("councillor@anytown.example");

        var cic = await ProviderNamedAsync(api, "anytown", "Anytown Community Care CIC");
        var charity = await ProviderNamedAsync(api, "anytown", "Brightside Family Support");
        var large = await ProviderNamedAsync(api, "anytown", "Northgate Facilities Ltd");
        var away = await ProviderNamedAsync(api, "anytown", "Othertown Cleaning Services Ltd");

        (cic.GetProperty("isSme").GetBoolean(), cic.GetProperty("size").GetString(), cic.GetProperty("isVcse").GetBoolean(), cic.GetProperty("isLocal").GetBoolean())
            .ShouldBe((true, "Small", true, true));
        (charity.GetProperty("legalForm").GetString(), charity.GetProperty("isVcse").GetBoolean(), charity.GetProperty("size").GetString()).ShouldBe(("Charity", true, "Micro"));
        (large.GetProperty("isSme").GetBoolean(), large.GetProperty("size").GetString(), large.GetProperty("isLocal").GetBoolean()).ShouldBe((false, "Large", true));
        away.GetProperty("isLocal").GetBoolean().ShouldBeFalse();
        var detail = await (await api.GetPathAsync($"/api/v1/orgs/anytown/providers/{large.GetProperty("id").GetString()}")).ReadJsonAsync();
        detail.GetProperty("locality").GetString().ShouldBe("Local: the trading postcode AT3 9NG is in Anytown");
        detail.GetProperty("sizeWorking").EnumerateArray().Select(l => l.GetString()).ShouldContain("So it is not an SME.");
    }

    [Fact]
    public async Task The_register_shows_residents_ratings_beside_each_reviewed_provider()
    {
        app.RequireDatabase();
        using var officer = await app.SignInAsync("commissioner@anytown.example");
        var register = await officer.GetHtmlAsync("/o/anytown/providers");
        register.ShouldContain("Residents' rating");
        var row = register[register.IndexOf(">Anytown Community Care CIC<", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        row.ShouldContain("4.38 out of 5 (4 reviews)", customMessage: "the demo's four published telecare reviews");
    }

    [Fact]
    public async Task Seeding_the_demo_again_changes_nothing_in_the_register()
    {
        app.RequireDatabase();
        async Task<(int, int, int, int)> CountAsync() => await app.WithDbAsync(async db => (
            await db.Providers.CountAsync(),
            await db.Providers.Where(p => p.IsConsortium).SelectMany(p => p.Members).CountAsync(),
            await db.ReferencePostcodes.CountAsync(),
            await db.AuditEntries.CountAsync(e => e.EntityType == "Provider" || e.EntityType == "ConsortiumMember")));
        var before = await CountAsync();

        await using (var scope = app.OperatorScope("seed again"))
        {
            await scope.ServiceProvider.GetRequiredService<Placeshaper.Demo.DemoData>().SeedAsync();
        }

        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_procurement_officer_adds_a_provider_and_the_register_classes_it_SME_and_local()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");

        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", new
        {
            name = "Southfields Gardening Co-operative",
            legalForm = "CooperativeOrMutual",
            registeredPostcode = "at52sf",
            staff = 9,
            turnover = 420_000m,
            balanceSheetTotal = 150_000m,
            sicCodes = new[] { "81300" },
        });
        var smeAndLocal = await (await api.GetPathAsync("/api/v1/orgs/anytown/providers?sme=true&local=true&vcse=true&pageSize=500")).ReadJsonAsync();
        var notLocal = await (await api.GetPathAsync("/api/v1/orgs/anytown/providers?local=false&pageSize=500")).ReadJsonAsync();

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var provider = (await created.ReadJsonAsync()).GetProperty("provider");
        (provider.GetProperty("registeredPostcode").GetString(), provider.GetProperty("isVcse").GetBoolean(), provider.GetProperty("size").GetString())
            .ShouldBe(("AT5 2SF", true, "Micro"), "the postcode is written as the ONS writes it and VCSE suggested by the legal form");
        smeAndLocal.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("Southfields Gardening Co-operative");
        notLocal.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldNotContain("Southfields Gardening Co-operative");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Provider" && e.Action == "created" && e.After!.Contains("Southfields Gardening")))).ShouldBe(1);
    }

    [Fact]
    public async Task A_provider_that_shares_a_number_or_a_normalised_name_is_refused_naming_the_one_already_there()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        var before = await app.WithDbAsync(db => db.Providers.CountAsync());

        var byCharity = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", new { name = "Brightside Trust", legalForm = "Charity", charityNumber = "99000201" });
        var byName = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", new { name = "THE BRIGHTSIDE FAMILY SUPPORT LIMITED", legalForm = "Company" });
        var riverside = await ProviderNamedAsync(api, "anytown", "Riverside Home Care Ltd");
        var byChange = await api.PutJsonAsync($"/api/v1/orgs/anytown/providers/{riverside.GetProperty("id").GetString()}", new { name = "Riverside Home Care Ltd", legalForm = "Company", companyNumber = "99000101" });
        var apart = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", new { name = "Brightside Family Support", legalForm = "Company", companyNumber = "99000901" });

        var problem = await byCharity.ShouldBeProblemAsync(409);
        problem.GetProperty("existingProviderName").GetString().ShouldBe("Brightside Family Support");
        problem.GetProperty("field").GetString().ShouldBe("charityNumber");
        problem.GetProperty("detail").GetString().ShouldBe("Brightside Family Support is already in the register: it has the same charity number (99000201)");
        (await byName.ShouldBeProblemAsync(409)).GetProperty("field").GetString().ShouldBe("name");
        (await byChange.ShouldBeProblemAsync(409)).GetProperty("existingProviderName").GetString().ShouldBe("Anytown Community Care CIC");
        (await apart.ShouldBeProblemAsync(409)).GetProperty("field").GetString().ShouldBe("name", "the charity has no company number, so nothing tells the two apart");
        (await app.WithDbAsync(db => db.Providers.CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.Providers.Where(p => p.Name == "Riverside Home Care Ltd").Select(p => p.CompanyNumber).SingleAsync())).ShouldBe("99000401");
    }

    [Fact]
    public async Task Details_that_are_wrong_are_refused_field_by_field()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");

        var response = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", new { name = "", companyNumber = "123456789", vatNumber = "GB12", tradingPostcode = "Anytown", staff = -3 });

        var problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)
            .ShouldBe(["companyNumber", "legalForm", "name", "staff", "tradingPostcode", "vatNumber"]);
    }

    [Fact]
    public async Task The_real_Companies_House_sample_imports_with_legal_forms_postcodes_and_SIC_codes_and_a_second_import_adds_nothing()
    {
        app.RequireDatabase();
        var file = RealFile("reference-companies-house", "BasicCompanyData-sample-31-rows.csv");
        using var api = await app.ApiAsAsync("administrator@anytown-icb.example");

        var first = await ImportAsync(api, "anytown-icb", "BasicCompanyData.csv", new ByteArrayContent(await File.ReadAllBytesAsync(file)));
        var again = await ImportAsync(api, "anytown-icb", "BasicCompanyData.csv", new ByteArrayContent(await File.ReadAllBytesAsync(file)));

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.ReadJsonAsync();
        (report.GetProperty("read").GetInt32(), report.GetProperty("added").GetInt32(), report.GetProperty("leftOut").GetArrayLength()).ShouldBe((31, 31, 0));
        var second = await again.ReadJsonAsync();
        (second.GetProperty("added").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()).ShouldBe((0, 0, 31));
        var inspired = await ProviderNamedAsync(api, "anytown-icb", "!NSPIRED LTD");
        (inspired.GetProperty("companyNumber").GetString(), inspired.GetProperty("registeredPostcode").GetString(), inspired.GetProperty("sicCodes")[0].GetString())
            .ShouldBe(("SC421617", "AB11 7SY", "70229"));
        var cio = await ProviderNamedAsync(api, "anytown-icb", "\"20-20 VOICE\" CANCER");
        (cio.GetProperty("legalForm").GetString(), cio.GetProperty("isVcse").GetBoolean(), cio.GetProperty("companyNumber").GetString()).ShouldBe(("CharitableIncorporatedOrganisation", true, "CE000952"));
        (await ProviderNamedAsync(api, "anytown-icb", "! LTD")).GetProperty("companyNumber").GetString().ShouldBe("08209948", "'! LIMITED' and '! LTD' are two companies with two numbers");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "providers-imported" && e.EntityId == "BasicCompanyData.csv"))).ShouldBe(2);
    }

    [Fact]
    public async Task The_real_charity_register_imports_leaving_out_charities_whose_company_is_already_in_and_a_second_import_adds_nothing()
    {
        app.RequireDatabase();
        var file = RealFile("reference-charities", "charity-company-numbers.csv");
        using var api = await app.ApiAsAsync("administrator@anytown-police.example");

        var first = await ImportAsync(api, "anytown-police", "charity-company-numbers.csv", new ByteArrayContent(await File.ReadAllBytesAsync(file)));
        var again = await ImportAsync(api, "anytown-police", "charity-company-numbers.csv", new ByteArrayContent(await File.ReadAllBytesAsync(file)));

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.ReadJsonAsync();
        (report.GetProperty("read").GetInt32(), report.GetProperty("added").GetInt32(), report.GetProperty("leftOut").GetArrayLength()).ShouldBe((4399, 4374, 25));
        var leftOut = report.GetProperty("leftOut").EnumerateArray().First(l => l.GetProperty("line").GetInt32() == 3144);
        leftOut.GetProperty("column").GetString().ShouldBe("org_id_b");
        leftOut.GetProperty("reason").GetString()!.ShouldContain("the same provider as line 5 (THE ENGINEERING DEVELOPMENT TRUST)");
        var second = await again.ReadJsonAsync();
        (second.GetProperty("added").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32(), second.GetProperty("leftOut").GetArrayLength())
            .ShouldBe((0, 0, 4374, 25));
        var trust = await ProviderNamedAsync(api, "anytown-police", "THE ENGINEERING DEVELOPMENT TRUST");
        (trust.GetProperty("charityNumber").GetString(), trust.GetProperty("companyNumber").GetString(), trust.GetProperty("legalForm").GetString(), trust.GetProperty("isVcse").GetBoolean())
            .ShouldBe(("1002459", "08879288", "Charity", true));
        (await ProviderNamedAsync(api, "anytown-police", "HARMONI 2019")).GetProperty("charityNumber").GetString().ShouldBe("NIC101731");
        using var browser = await app.SignInAsync("administrator@anytown-police.example");
        var secondPage = await browser.GetHtmlAsync("/o/anytown-police/providers?page=2&vcse=true");
        secondPage.ShouldContain("Page 2 of 88");
        System.Text.RegularExpressions.Regex.Match(secondPage, "<caption[^>]*>([^<]*)</caption>").Groups[1].Value.Trim().ShouldBe("4,374 providers match");
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_refused_whole_naming_line_and_column()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var before = await app.WithDbAsync(db => db.Providers.CountAsync());
        const string file = "name,legal_form,company_number,registered_postcode,staff,turnover,vcse\n"
            + "Good Provider Ltd,company,99100001,AT1 3CC,12,\"£250,000\",no\n"
            + "Bad Number Ltd,company,999999999,,,,\n"
            + "Odd Form,hedge fund,,,,,\n"
            + "Far Away Ltd,company,,Paris,,,\n"
            + "Lots Of Money Ltd,company,,,-4,a lot,maybe\n";

        var response = await ImportAsync(api, "anytown", "providers.csv", Csv(file));

        var problem = await response.ShouldBeProblemAsync(422);
        problem.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("line").GetInt32()}:{p.GetProperty("column").GetString()}")
            .ShouldBe(["3:company_number", "4:legal_form", "5:registered_postcode", "6:staff", "6:turnover", "6:vcse"]);
        problem.GetProperty("problems")[0].GetProperty("file").GetString().ShouldBe("providers.csv");
        (await app.WithDbAsync(db => db.Providers.CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.Providers.AnyAsync(p => p.Name == "Good Provider Ltd"))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_register_downloads_as_CSV_that_imports_straight_back_without_changing_anything()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        using var api = await app.ApiAsAsync("commissioner@anytown.example");

        using var download = await browser.GetAsync("/o/anytown/providers?handler=Download&format=csv");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var reimport = await ImportAsync(api, "anytown", "providers.csv", new ByteArrayContent(bytes));
        using var filtered = await browser.GetAsync("/o/anytown/providers?handler=Download&vcse=true&format=csv");

        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldStartWith("\uFEFFname,legal_form,company_number,charity_number,vat_number,registered_postcode,trading_postcode,staff,turnover,balance_sheet_total,vcse,consortium,sic_codes,sme,size,local");
        text.ShouldContain("Northgate Facilities Ltd,company,99000301,,GB999000301,OT4 1NF,AT3 9NG,1850,212000000,96000000,no,no,81210; 81100,no,large,yes");
        var report = await reimport.ReadJsonAsync();
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        (report.GetProperty("added").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32(), report.GetProperty("leftOut").GetArrayLength())
            .ShouldBe((0, 0, rows, 0));
        var vcse = await filtered.Content.ReadAsStringAsync();
        vcse.ShouldContain("Brightside Family Support");
        vcse.ShouldNotContain("Northgate Facilities Ltd");
    }

    [Fact]
    public async Task The_CLI_imports_providers_and_lists_the_rows_it_left_out_as_duplicates()
    {
        app.RequireDatabase();
        var path = Path.Combine(Path.GetTempPath(), $"providers-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "name,legal_form,company_number,charity_number\nBrightside Family Support Ltd,company,99000801,\nEastbrook Youth Club,charity,,99000701\n");
        try
        {
            var run = await Infrastructure.Cli.RunAsync("import", "providers", path, "--org", "anytown", "--database", app.ConnectionString);
            var again = await Infrastructure.Cli.RunAsync("import", "providers", path, "--org", "anytown", "--database", app.ConnectionString);

            run.ExitCode.ShouldBe(0, run.Error);
            run.Output.ShouldContain("read 2, added 1, updated 0, unchanged 0, left out 1");
            run.Output.ShouldContain(":2: name: left out: Brightside Family Support, already in the register, has the same name");
            again.Output.ShouldContain("read 2, added 0, updated 0, unchanged 1, left out 1");
            (await app.WithDbAsync(db => db.Providers.CountAsync(p => p.Name == "Eastbrook Youth Club" && p.IsVcse))).ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_consortium_lists_its_members_lead_first_and_each_member_lists_its_consortia()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var consortium = (await ProviderNamedAsync(api, "anytown", "Anytown Care Partnership")).GetProperty("id").GetString();
        var transport = (await ProviderNamedAsync(api, "anytown", "Westmoor Community Transport")).GetProperty("id").GetString();
        var cic = (await ProviderNamedAsync(api, "anytown", "Anytown Community Care CIC")).GetProperty("id").GetString();

        var members = await (await api.GetPathAsync($"/api/v1/orgs/anytown/providers/{consortium}/members")).ReadJsonAsync();
        var added = await api.PutJsonAsync($"/api/v1/orgs/anytown/providers/{consortium}/members/{transport}", new { isLead = true });
        var ofTransport = await (await api.GetPathAsync($"/api/v1/orgs/anytown/providers/{transport}")).ReadJsonAsync();
        var intoNonConsortium = await api.PutJsonAsync($"/api/v1/orgs/anytown/providers/{cic}/members/{transport}", new { isLead = false });
        var removed = await api.DeletePathAsync($"/api/v1/orgs/anytown/providers/{consortium}/members/{transport}");
        var removedAgain = await api.DeletePathAsync($"/api/v1/orgs/anytown/providers/{consortium}/members/{transport}");
        var after = await (await api.GetPathAsync($"/api/v1/orgs/anytown/providers/{consortium}/members")).ReadJsonAsync();

        members.EnumerateArray().Select(m => (m.GetProperty("name").GetString(), m.GetProperty("isLead").GetBoolean()))
            .ShouldBe([("Anytown Community Care CIC", true), ("Brightside Family Support", false), ("Riverside Home Care Ltd", false)]);
        var now = await added.ReadJsonAsync();
        now.EnumerateArray().Single(m => m.GetProperty("isLead").GetBoolean()).GetProperty("name").GetString().ShouldBe("Westmoor Community Transport", "one lead: the new one takes it");
        ofTransport.GetProperty("consortia").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("isLead").GetBoolean())).ShouldBe([("Anytown Care Partnership", true)]);
        (await intoNonConsortium.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("memberId")[0].GetString()!.ShouldContain("is not a consortium");
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await removedAgain.ShouldBeProblemAsync(404);
        after.EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldBe(["Anytown Community Care CIC", "Brightside Family Support", "Riverside Home Care Ltd"]);
        after.EnumerateArray().Count(m => m.GetProperty("isLead").GetBoolean()).ShouldBe(0, "the lead left; the consortium names another when it is ready");
    }

    [Fact]
    public async Task Members_read_the_register_those_who_buy_change_it_and_provider_users_see_none_of_it()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        using var evaluator = await app.ApiAsAsync("evaluator@anytown.example");
        using var supplier = await app.ApiAsAsync("care@anytown-community-care.example");
        var cic = (await ProviderNamedAsync(councillor, "anytown", "Anytown Community Care CIC")).GetProperty("id").GetString();

        var read = await councillor.GetPathAsync("/api/v1/orgs/anytown/providers");
        var councillorAdds = await councillor.PostJsonAsync("/api/v1/orgs/anytown/providers", new { name = "Councillor's Choice Ltd", legalForm = "Company" });
        var evaluatorChanges = await evaluator.PutJsonAsync($"/api/v1/orgs/anytown/providers/{cic}", new { name = "Renamed", legalForm = "Company" });
        var evaluatorImports = await ImportAsync(evaluator, "anytown", "x.csv", Csv("name,legal_form\nX,company\n"));
        var supplierReads = await supplier.GetPathAsync("/api/v1/orgs/anytown/providers");
        var supplierReadsOne = await supplier.GetPathAsync($"/api/v1/orgs/anytown/providers/{cic}");
        using var councillorBrowser = await app.SignInAsync("councillor@anytown.example");
        var page = await councillorBrowser.GetHtmlAsync("/o/anytown/providers");
        using var newPage = await councillorBrowser.GetAsync("/o/anytown/providers/new");
        using var supplierBrowser = await app.SignInAsync("care@anytown-community-care.example");
        using var supplierPage = await supplierBrowser.GetAsync("/o/anytown/providers");

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        await councillorAdds.ShouldBeProblemAsync(403);
        await evaluatorChanges.ShouldBeProblemAsync(403);
        await evaluatorImports.ShouldBeProblemAsync(403);
        await supplierReads.ShouldBeProblemAsync(403);
        await supplierReadsOne.ShouldBeProblemAsync(403);
        page.ShouldContain("Brightside Family Support");
        page.ShouldNotContain("Add a provider");
        newPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        supplierPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Providers.AnyAsync(p => p.Name == "Renamed" || p.Name == "Councillor's Choice Ltd"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_provider_added_on_its_page_is_shown_with_its_size_and_locality_and_a_duplicate_is_refused_with_a_link()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("procurement@anytown.example");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Eastbrook Bakery Ltd",
            ["Input.LegalForm"] = "Company",
            ["Input.CompanyNumber"] = "9100201",
            ["Input.RegisteredPostcode"] = "AT5 7EB",
            ["Input.Staff"] = "14",
            ["Input.Turnover"] = "£780,000",
            ["Input.BalanceSheetTotal"] = "310,000",
            ["Input.Vcse"] = "no",
        };

        using var added = await browser.PostFormAsync("/o/anytown/providers/new", "/o/anytown/providers/new", fields);
        var shown = await browser.GetHtmlAsync(added.Headers.Location!.OriginalString);
        fields["Input.Name"] = "EASTBROOK BAKERY LIMITED";
        fields["Input.CompanyNumber"] = "09100201";
        using var again = await browser.PostFormAsync("/o/anytown/providers/new", "/o/anytown/providers/new", fields);
        var refused = await again.Content.ReadAsStringAsync();
        fields["Input.Staff"] = "lots";
        using var notANumber = await browser.PostFormAsync("/o/anytown/providers/new", "/o/anytown/providers/new", fields);

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        shown.ShouldContain("<dd class=\"govuk-summary-list__value\" id=\"sme\">Yes</dd>");
        shown.ShouldContain("<dd class=\"govuk-summary-list__value\" id=\"band\">Micro</dd>");
        shown.ShouldContain("Local: the registered postcode AT5 7EB is in Anytown");
        shown.ShouldContain("09100201");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.ShouldContain("Eastbrook Bakery Ltd is already in the register: it has the same Companies House number (09100201)");
        refused.ShouldContain("See Eastbrook Bakery Ltd in the register");
        (await notANumber.Content.ReadAsStringAsync()).ShouldContain("Enter the number of staff as a whole number");
        (await app.WithDbAsync(db => db.Providers.CountAsync(p => p.CompanyNumber == "09100201"))).ShouldBe(1);
    }

    [Fact]
    public async Task On_a_consortium_s_page_a_member_is_made_lead_and_another_removed_and_only_those_who_buy_may()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("administrator@anytown-icb.example");
        var consortium = (await (await api.PostJsonAsync("/api/v1/orgs/anytown-icb/providers", new { name = "Health Alliance", legalForm = "Partnership", isConsortium = true })).ReadJsonAsync())
            .GetProperty("provider").GetProperty("id").GetString();
        var ids = new List<string>();
        foreach (var name in new[] { "Alpha Clinics Ltd", "Beta Therapy CIC" })
        {
            var id = (await (await api.PostJsonAsync("/api/v1/orgs/anytown-icb/providers", new { name, legalForm = "Company" })).ReadJsonAsync()).GetProperty("provider").GetProperty("id").GetString()!;
            (await api.PutJsonAsync($"/api/v1/orgs/anytown-icb/providers/{consortium}/members/{id}", new { isLead = false })).EnsureSuccessStatusCode();
            ids.Add(id);
        }

        var page = $"/o/anytown-icb/providers/{consortium}";
        using var browser = await app.SignInAsync("administrator@anytown-icb.example");
        using var lead = await browser.PostFormAsync(page, $"{page}?handler=Lead&memberId={ids[1]}", []);
        using var remove = await browser.PostFormAsync(page, $"{page}?handler=Remove&memberId={ids[0]}", []);
        using var unknown = await browser.PostFormAsync(page, $"{page}?handler=AddMember", new() { ["member"] = "Gamma Care" });
        using var commissioner = await app.SignInAsync("commissioner@anytown-icb.example");
        var html = await commissioner.GetHtmlAsync(page);
        var members = await (await api.GetPathAsync($"/api/v1/orgs/anytown-icb/providers/{consortium}/members")).ReadJsonAsync();
        using var evaluator = await app.SignInAsync("evaluator@anytown.example");
        using var anytownApi = await app.ApiAsAsync("evaluator@anytown.example");
        var partnership = (await ProviderNamedAsync(anytownApi, "anytown", "Anytown Care Partnership")).GetProperty("id").GetString();
        var riverside = (await ProviderNamedAsync(anytownApi, "anytown", "Riverside Home Care Ltd")).GetProperty("id").GetString();
        using var refused = await evaluator.PostFormAsync($"/o/anytown/providers/{partnership}", $"/o/anytown/providers/{partnership}?handler=Remove&memberId={riverside}", []);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Providers.Where(p => p.Name == "Anytown Care Partnership").SelectMany(p => p.Members).CountAsync(m => m.MemberId == Guid.Parse(riverside!)))).ShouldBe(1);
        lead.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        remove.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("No provider in the register is called &#x27;Gamma Care&#x27; or has that number");
        members.EnumerateArray().Select(m => (m.GetProperty("name").GetString(), m.GetProperty("isLead").GetBoolean())).ShouldBe([("Beta Therapy CIC", true)]);
        html.ShouldContain("Lead member");
        html.ShouldContain("Add member", customMessage: "commissioners change the register too");
    }
}

public sealed class ProvidersTestsOnSqlite(SqliteApp app) : ProvidersTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ProvidersTestsOnPostgres(PostgresApp app) : ProvidersTests<PostgresApp>(app), IClassFixture<PostgresApp>;
