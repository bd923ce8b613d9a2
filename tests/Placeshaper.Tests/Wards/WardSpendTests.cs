using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Wards;

/// <summary>
/// Spend in the ward view: a contract's provider's spend over the 12 months to today, shown whole in every ward its
/// contracts cover ("across N wards"), never split; and spend with suppliers whose postcode is in the ward.
/// </summary>
public abstract class WardSpendTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Root = "/api/v1/orgs/anytown";
    private const string Westmoor = "E05999006";
    private const string Eastbrook = "E05999005";

    [Fact]
    public async Task A_providers_spend_shows_whole_in_each_ward_its_contract_covers_and_suppliers_based_in_the_ward_show_by_postcode()
    {
        app.RequireDatabase();
        using var admin = await app.ApiAsAsync("administrator@anytown.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var companyNumber = "97" + Random.Shared.Next(0, 999_999).ToString("000000", CultureInfo.InvariantCulture);

        // A provider trading in Eastbrook, with one contract delivered across Westmoor and Eastbrook, and a contract with a supplier not in the register.
        var created = await admin.PostJsonAsync($"{Root}/providers", new { name = $"Wardspend Care {tag} Ltd", legalForm = "Company", companyNumber, tradingPostcode = "AT5 7EB" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var providerId = (await created.ReadJsonAsync()).GetProperty("provider").GetProperty("id").GetString();
        var shared = await ContractAsync(admin, $"WS-{tag}-1", new { providerId }, [Westmoor, Eastbrook]);
        var unmatched = await ContractAsync(admin, $"WS-{tag}-2", new { supplierName = $"Unregistered Gardens {tag}" }, [Westmoor]);

        // Spend: two payments to the provider in the last 12 months and one older; a supplier based in Westmoor; a redacted payment with a Westmoor postcode.
        var today = Placeshaper.Common.UkTime.UkDate(DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("Body Name,Date,Transaction Number,Amount,Supplier Name,Supplier Company Number,VAT Reg No,Supplier Postcode,Service Area,Expense Type\n")
            .Append(CultureInfo.InvariantCulture, $"Anytown Borough Council,{Day(today.AddDays(-20))},{tag}-1,\"1,000.10\",WARDSPEND CARE {tag} LIMITED,{companyNumber},,,Adult Social Care,Home care\n")
            .Append(CultureInfo.InvariantCulture, $"Anytown Borough Council,{Day(today.AddMonths(-6))},{tag}-2,2500.05,WARDSPEND CARE {tag} LIMITED,{companyNumber},,,Adult Social Care,Home care\n")
            .Append(CultureInfo.InvariantCulture, $"Anytown Borough Council,{Day(today.AddMonths(-13))},{tag}-3,9999.00,WARDSPEND CARE {tag} LIMITED,{companyNumber},,,Adult Social Care,Home care\n")
            .Append(CultureInfo.InvariantCulture, $"Anytown Borough Council,{Day(today.AddDays(-40))},{tag}-4,640.00,WESTMOOR BAKERY {tag},,,at46wc,Catering,Food\n")
            .Append(CultureInfo.InvariantCulture, $"Anytown Borough Council,{Day(today.AddDays(-40))},{tag}-5,700.00,REDACTED UNDER DP ACT,,,AT4 6WC,Adult Social Care,Direct payments\n");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", $"ward-spend-{tag}.csv");
        var import = await admin.PostAsync(new Uri($"{Root}/spend/imports", UriKind.Relative), form);
        import.StatusCode.ShouldBe(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());

        // Westmoor: the provider's spend in the period (3,500.15, not the older payment), whole, across 2 wards.
        var westmoor = (await (await councillor.GetPathAsync($"{Root}/wards/{Westmoor}")).ReadJsonAsync()).GetProperty("spend");
        westmoor.GetProperty("from").GetString().ShouldBe(today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var providers = westmoor.GetProperty("providers").EnumerateArray().ToList();
        var provider = providers.Single(p => p.GetProperty("providerId").ValueKind == JsonValueKind.String && p.GetProperty("providerId").GetString() == providerId);
        (provider.GetProperty("spend").GetDecimal(), provider.GetProperty("payments").GetInt32(), provider.GetProperty("wards").GetInt32()).ShouldBe((3_500.15m, 2, 2));
        provider.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe([shared]);
        var none = providers.Single(p => p.GetProperty("contracts").EnumerateArray().Any(c => c.GetProperty("id").GetString() == unmatched));
        (none.GetProperty("spend").ValueKind, none.GetProperty("wards").GetInt32()).ShouldBe((JsonValueKind.Null, 1), "a supplier not matched in spend has no spend, not a guess");

        var suppliers = westmoor.GetProperty("suppliers").EnumerateArray().ToList();
        var bakery = suppliers.Single(s => s.GetProperty("supplier").GetString() == $"WESTMOOR BAKERY {tag}");
        (bakery.GetProperty("postcode").GetString(), bakery.GetProperty("postcodeFrom").GetString(), bakery.GetProperty("spend").GetDecimal()).ShouldBe(("AT4 6WC", "spend file", 640m));
        suppliers.ShouldNotContain(s => s.GetProperty("supplier").GetString()!.Contains("REDACTED", StringComparison.OrdinalIgnoreCase), "redacted payments are never placed in a ward");
        suppliers.ShouldNotContain(s => s.GetProperty("supplier").GetString()!.StartsWith("WARDSPEND", StringComparison.Ordinal));

        // Eastbrook shows the same whole figure (not half of it), and the provider as based there by its register postcode.
        var eastbrook = (await (await councillor.GetPathAsync($"{Root}/wards/{Eastbrook}")).ReadJsonAsync()).GetProperty("spend");
        var there = eastbrook.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("providerId").ValueKind == JsonValueKind.String && p.GetProperty("providerId").GetString() == providerId);
        (there.GetProperty("spend").GetDecimal(), there.GetProperty("wards").GetInt32()).ShouldBe((3_500.15m, 2));
        var based = eastbrook.GetProperty("suppliers").EnumerateArray().Single(s => s.GetProperty("supplier").GetString() == $"WARDSPEND CARE {tag} LIMITED");
        (based.GetProperty("postcode").GetString(), based.GetProperty("postcodeFrom").GetString(), based.GetProperty("providerId").GetString(), based.GetProperty("spend").GetDecimal())
            .ShouldBe(("AT5 7EB", "provider register", providerId, 3_500.15m));
        eastbrook.GetProperty("suppliers").EnumerateArray().ShouldNotContain(s => s.GetProperty("supplier").GetString() == $"WESTMOOR BAKERY {tag}");

        // The page says how spend is attributed.
        using var browser = await app.SignInAsync("councillor@anytown.example");
        var page = await browser.GetHtmlAsync($"/o/anytown/wards/{Westmoor}");
        page.ShouldContain("Spend in the ward");
        page.ShouldContain("never divided between wards");
        page.ShouldContain("Across 2 wards");
        page.ShouldContain("3,500.15 (2 payments)");
        page.ShouldContain("Not matched in spend");
        page.ShouldContain($"WESTMOOR BAKERY {tag}");
    }

    private static async Task<string> ContractAsync(HttpClient admin, string reference, object supplier, string[] wards)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);
        var body = JsonSerializer.SerializeToElement(supplier).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.GetString());
        body["reference"] = reference;
        body["title"] = "Ward spend " + reference;
        body["totalValue"] = 120_000m;
        body["startDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["endDate"] = start.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await admin.PostJsonAsync($"{Root}/contracts", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        (await admin.PutJsonAsync($"{Root}/contracts/{id}/wards", new { areaCodes = wards })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }
}

public sealed class WardSpendTestsOnSqlite(SqliteApp app) : WardSpendTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class WardSpendTestsOnPostgres(PostgresApp app) : WardSpendTests<PostgresApp>(app), IClassFixture<PostgresApp>;
