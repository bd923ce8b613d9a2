using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

public abstract class SuppliersTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Administrator = "administrator@anytown.example";

    /// <summary>Devon County Council, April 2025: 237 payments to 122 suppliers (shared data, OGL).</summary>
    private const string DevonFile = "/work/shared/data/spend-devon/DCCSpendingOver500_202504.csv";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string path)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path));
        return await api.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports", UriKind.Relative), form);
    }

    private static async Task<JsonElement> SupplierAsync(HttpClient api, string name)
    {
        var all = await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/suppliers")).ReadJsonAsync();
        return all.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
    }

    private static async Task<string> ProviderAsync(HttpClient api, object body)
    {
        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync()).GetProperty("provider").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_real_file_resolves_by_number_and_name_similar_names_wait_for_review_and_decisions_are_reused()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Administrator);
        var prospero = await ProviderAsync(api, new { name = "Prospero Recruitment Ltd", legalForm = "Company" });
        var essential = await ProviderAsync(api, new { name = "E6 Group", legalForm = "Company", vatNumber = "GB941534529" });
        var blossoming = await ProviderAsync(api, new { name = "Blossoming Mind", legalForm = "Company" });
        var norse = await ProviderAsync(api, new { name = "Norse South West Services", legalForm = "Company" });

        var import = await UploadAsync(api, DevonFile);
        import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());

        var exact = await SupplierAsync(api, "PROSPERO RECRUITMENT LIMITED");
        (exact.GetProperty("status").GetString(), exact.GetProperty("method").GetString(), exact.GetProperty("providerId").GetString()).ShouldBe(("Resolved", "exact name", prospero));
        exact.GetProperty("transactions").GetInt32().ShouldBe(22);
        var byVat = await SupplierAsync(api, "ESSENTIAL 6 LIMITED");
        (byVat.GetProperty("status").GetString(), byVat.GetProperty("method").GetString(), byVat.GetProperty("providerId").GetString()).ShouldBe(("Resolved", "VAT number", essential));

        var similar = await SupplierAsync(api, "BLOSSOMING MINDS");
        similar.GetProperty("status").GetString().ShouldBe("ToReview");
        similar.GetProperty("providerId").ValueKind.ShouldBe(JsonValueKind.Null, "a similar name is never a match on its own");
        similar.GetProperty("candidateId").GetString().ShouldBe(blossoming);
        (await SupplierAsync(api, "NORSE SOUTH WEST LIMITED")).GetProperty("status").GetString().ShouldBe("Unresolved", "'Norse South West' and 'Norse South West Services' are not similar enough to suggest");
        var nhs = await SupplierAsync(api, "PLYMOUTH HOSPITALS NHS TRUST");
        (nhs.GetProperty("isPublicSector").GetBoolean(), nhs.GetProperty("status").GetString()).ShouldBe((true, "Unresolved"));
        (await SupplierAsync(api, "MIME HEURISTICS COMMUNITY INTEREST COMPANY")).GetProperty("isVcse").GetBoolean().ShouldBeTrue();

        // The officer accepts the suggestion, and says another is a new supplier.
        var accepted = await api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = similar.GetProperty("supplierKey").GetString(), decision = "accept" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var norseKey = (await SupplierAsync(api, "NORSE SOUTH WEST LIMITED")).GetProperty("supplierKey").GetString();
        (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = norseKey, decision = "new" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = "NO SUCH SUPPLIER", decision = "accept" })).ShouldBeProblemAsync(400);
        await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = norseKey, decision = "maybe" })).ShouldBeProblemAsync(400);

        // The next import (the same file again: every payment a duplicate) resolves again and reuses the decisions.
        var again = await (await UploadAsync(api, DevonFile)).ReadJsonAsync();
        again.GetProperty("imported").GetInt32().ShouldBe(0);
        var reused = await SupplierAsync(api, "BLOSSOMING MINDS");
        (reused.GetProperty("status").GetString(), reused.GetProperty("method").GetString(), reused.GetProperty("providerId").GetString()).ShouldBe(("Resolved", "officer", blossoming));
        (await SupplierAsync(api, "NORSE SOUTH WEST LIMITED")).GetProperty("status").GetString().ShouldBe("NewSupplier");
        (await api.GetPathAsync("/api/v1/orgs/anytown/spend/suppliers?status=ToReview")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = new[] { similar.GetProperty("supplierKey").GetString(), norseKey };
        (await app.WithDbAsync(db => db.SupplierDecisions.IgnoreQueryFilters().CountAsync(d => keys.Contains(d.SupplierKey)))).ShouldBe(2);
        norse.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_demo_spend_shows_each_way_a_supplier_resolves_and_is_classified()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("councillor@anytown.example");
        (string?, string?) Of(JsonElement s) => (s.GetProperty("status").GetString(), s.GetProperty("method").GetString());
        Of(await SupplierAsync(api, "ANYTOWN COMMUNITY CARE CIC")).ShouldBe(("Resolved", "company number"));
        Of(await SupplierAsync(api, "BRIGHTSIDE FAMILY SUPPORT")).ShouldBe(("Resolved", "charity number"));
        Of(await SupplierAsync(api, "NORTHGATE FACILITIES LTD")).ShouldBe(("Resolved", "VAT number"));
        Of(await SupplierAsync(api, "The Westmoor Community Transport")).ShouldBe(("Resolved", "exact name"));
        Of(await SupplierAsync(api, "RIVERSIDE HOME CARERS LTD")).ShouldBe(("ToReview", "similar name"));
        var castle = await SupplierAsync(api, "CASTLE STATIONERS LTD");
        (castle.GetProperty("status").GetString(), castle.GetProperty("isLocal").GetBoolean()).ShouldBe(("Unresolved", true));
        var othertown = await SupplierAsync(api, "OTHERTOWN BOROUGH COUNCIL");
        (othertown.GetProperty("isPublicSector").GetBoolean(), othertown.GetProperty("isLocal").GetBoolean(), othertown.GetProperty("isSme").GetBoolean()).ShouldBe((true, false, false));
        var care = await SupplierAsync(api, "ANYTOWN COMMUNITY CARE CIC");
        (care.GetProperty("isLocal").GetBoolean(), care.GetProperty("isSme").GetBoolean(), care.GetProperty("isVcse").GetBoolean(), care.GetProperty("total").GetDecimal()).ShouldBe((true, true, true, 37_350m));
        var organisation = await app.OrganisationIdAsync("anytown");
        var parts = await app.WithDbAsync(db => Placeshaper.Spend.SupplierShares.OfAsync(db, organisation, new Dictionary<string, long>
        {
            [care.GetProperty("supplierKey").GetString()!] = 100,
            [othertown.GetProperty("supplierKey").GetString()!] = 50,
            ["NOT A SUPPLIER"] = 7,
        }, CancellationToken.None));
        parts.ShouldBe(new Placeshaper.Spend.SupplierShares.Parts(100, 100, 100, 50), "Othertown Borough Council is public sector");
        var redacted = await SupplierAsync(api, "Redacted or not given");
        (redacted.GetProperty("status").GetString(), redacted.GetProperty("isIndividual").GetBoolean()).ShouldBe(("Redacted", true));
        await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/resolve", new { })).ShouldBeProblemAsync(403);

        // The LM3 calculator starts from the same classified spend: the demo's financial year 2026-27 totals £206,161.95.
        using var finance = await app.SignInAsync("finance@anytown.example");
        var lm3 = await finance.GetHtmlAsync("/o/anytown/calculators/lm3");
        lm3.ShouldContain("value=\"206161.95\"");
        var calculated = await finance.PostFormAsync("/o/anytown/calculators/lm3", "/o/anytown/calculators/lm3", new()
        {
            ["Round1"] = "1000",
            ["LocalSupplierSpend"] = "400",
            ["LocalRespendShare"] = "50",
        });
        (await calculated.Content.ReadAsStringAsync()).ShouldContain("LM3 = 1.6", customMessage: "(1000 + 400 + 400 × 50%) ÷ 1000");
    }

    [Fact]
    public async Task The_local_definition_can_be_a_list_of_districts_and_reclassifies_the_suppliers()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Administrator);
        await (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/local-definition", new { kind = "Districts", districts = "not-a-code" })).ShouldBeProblemAsync(400);
        await (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/local-definition", new { kind = "Radius", centrePostcode = "AT1 3CC", radiusKm = 0 })).ShouldBeProblemAsync(400);
        var saved = await api.PutJsonAsync("/api/v1/orgs/anytown/spend/local-definition", new { kind = "Districts", districts = "E07000041, e07000042" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var read = await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/local-definition")).ReadJsonAsync();
        read.GetProperty("kind").GetString().ShouldBe("Districts");
        read.GetProperty("districts").EnumerateArray().Select(d => d.GetString()).ShouldBe(["E07000041", "E07000042"]);
        (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/local-definition", new { kind = "OwnArea" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_suppliers_page_lists_the_review_queue_and_an_officer_decides_there()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Administrator);
        await ProviderAsync(api, new { name = "Lexia Educational Services", legalForm = "Company" });
        (await UploadAsync(api, DevonFile)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lexia = await SupplierAsync(api, "LEXIA EDUCATION SERVICES LIMITED");
        lexia.GetProperty("status").GetString().ShouldBe("ToReview");

        using var browser = await app.SignInAsync(Administrator);
        var page = await browser.GetHtmlAsync("/o/anytown/spend/suppliers");
        page.ShouldContain("LEXIA EDUCATION SERVICES LIMITED");
        page.ShouldContain("Lexia Educational Services");
        var posted = await browser.PostFormAsync("/o/anytown/spend/suppliers", "/o/anytown/spend/suppliers?handler=Decide", new()
        {
            ["supplierKey"] = lexia.GetProperty("supplierKey").GetString()!,
            ["decision"] = "reject",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        (await SupplierAsync(api, "LEXIA EDUCATION SERVICES LIMITED")).GetProperty("status").GetString().ShouldBe("Unresolved");

        using var councillor = await app.SignInAsync("councillor@anytown.example");
        (await councillor.GetAsync("/o/anytown/spend/suppliers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await councillor.PostFormAsync("/o/anytown/spend/suppliers", "/o/anytown/spend/suppliers?handler=Decide", new()
        {
            ["supplierKey"] = lexia.GetProperty("supplierKey").GetString()!,
            ["decision"] = "accept",
        });
        refused.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Redirect]);
        (await SupplierAsync(api, "LEXIA EDUCATION SERVICES LIMITED")).GetProperty("status").GetString().ShouldBe("Unresolved", "a councillor reads but does not decide");
    }
}

public sealed class SuppliersTestsOnSqlite(SqliteApp app) : SuppliersTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SuppliersTestsOnPostgres(PostgresApp app) : SuppliersTests<PostgresApp>(app), IClassFixture<PostgresApp>;
