using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Organisations;
using Placeshaper.Providers;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Providers;

/// <summary>
/// Suppliers register themselves to bid; an officer decides which provider in the register each acts for. The form is
/// rate limited to five posts per address, so this class, with its own app, posts exactly five.
/// </summary>
public abstract class SupplierRegistrationTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Form = "/suppliers/anytown/register";
    private const string Password = "lunch club volunteers";

    private static Dictionary<string, string> Fields(string email, string supplier, string companyNumber, string legalForm = nameof(LegalForm.CommunityInterestCompany)) => new()
    {
        ["ContactName"] = "Lou Lunch",
        ["Email"] = email,
        ["Password"] = Password,
        ["Input.Name"] = supplier,
        ["Input.LegalForm"] = legalForm,
        ["Input.CompanyNumber"] = companyNumber,
        ["Input.RegisteredPostcode"] = "AT1 3CC",
        ["Input.Staff"] = "9",
        ["Input.Turnover"] = "210,000",
    };

    [Fact]
    public async Task A_new_supplier_registers_waits_for_an_officer_and_bids_once_linked_to_a_provider()
    {
        app.RequireDatabase();
        using var visitor = new BrowserClient(app.BaseAddress);
        (await visitor.GetAsync("/suppliers/nowhere/register")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var invalid = await (await visitor.PostFormAsync(Form, Form, new() { ["Email"] = "not an address", ["Input.Name"] = "" })).Content.ReadAsStringAsync();
        foreach (var field in new[] { "#contactName", "#email", "#name", "#legalForm" })
        {
            invalid.ShouldContain($"href=\"{field}\"");
        }

        var email = $"lou.{Guid.NewGuid():N}@lunch-club.example";
        var sent = await (await visitor.PostFormAsync(Form, Form, Fields(email, "Anytown Lunch Club CIC", "99000991"))).Content.ReadAsStringAsync();
        sent.ShouldContain("Registration received");
        var claim = $"claim.{Guid.NewGuid():N}@northgate.example";
        (await (await visitor.PostFormAsync(Form, Form, Fields(claim, "Northgate Facilities Ltd", "99000301", nameof(LegalForm.Company)))).Content.ReadAsStringAsync())
            .ShouldContain("Registration received");

        using (var waiting = await app.SignInAsync(email, Password))
        {
            (await waiting.GetHtmlAsync("/")).ShouldContain("is waiting for an officer to check it");
            (await waiting.GetAsync("/o/anytown/portal")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        }

        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        using (var evaluator = await app.ApiAsAsync("evaluator@anytown.example"))
        {
            (await evaluator.GetPathAsync("/api/v1/orgs/anytown/providers/registrations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var listed = (await (await procurement.GetPathAsync("/api/v1/orgs/anytown/providers/registrations")).ReadJsonAsync()).EnumerateArray().ToList();
        var lunch = listed.Single(r => r.GetProperty("email").GetString() == email);
        var northgate = listed.Single(r => r.GetProperty("email").GetString() == claim);
        (lunch.GetProperty("status").GetString(), lunch.GetProperty("matches").GetArrayLength()).ShouldBe(("Pending", 0));
        var match = northgate.GetProperty("matches").EnumerateArray().ShouldHaveSingleItem();
        (match.GetProperty("name").GetString(), match.GetProperty("reason").GetString()).ShouldBe(("Northgate Facilities Ltd", "has the same Companies House number (99000301)"));

        var root = "/api/v1/orgs/anytown/providers/registrations";
        var duplicate = await (await procurement.PostJsonAsync($"{root}/{northgate.GetProperty("id").GetString()}/approve", new { })).ShouldBeProblemAsync(400);
        duplicate.GetProperty("errors").GetProperty("providerId")[0].GetString()!.ShouldContain("Northgate Facilities Ltd is already in the register");
        var linked = await (await procurement.PostJsonAsync($"{root}/{northgate.GetProperty("id").GetString()}/approve", new { providerId = match.GetProperty("providerId").GetString() })).ReadJsonAsync();
        linked.GetProperty("providerId").GetString().ShouldBe(match.GetProperty("providerId").GetString());

        var added = await (await procurement.PostJsonAsync($"{root}/{lunch.GetProperty("id").GetString()}/approve", new { })).ReadJsonAsync();
        var providerId = Guid.Parse(added.GetProperty("providerId").GetString()!);
        var provider = await app.WithDbAsync(db => db.Providers.SingleAsync(p => p.Id == providerId));
        (provider.Name, provider.CompanyNumber, provider.Turnover, provider.IsVcse).ShouldBe(("Anytown Lunch Club CIC", "99000991", 210_000m, true));
        await (await procurement.PostJsonAsync($"{root}/{lunch.GetProperty("id").GetString()}/reject", new { reason = "Too late" })).ShouldBeProblemAsync(409);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "supplier-registration-approved"))).ShouldBeGreaterThanOrEqualTo(2);

        using var approved = await app.SignInAsync(email, Password);
        (await approved.GetAsync("/o/anytown/portal")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.ProviderId == providerId).Select(m => m.Role).ToListAsync())).ShouldBe([Role.Provider]);
    }

    [Fact]
    public async Task An_existing_accounts_address_is_neither_revealed_nor_changed_and_scripts_filling_the_honeypot_are_thanked_and_ignored()
    {
        app.RequireDatabase();
        using var visitor = new BrowserClient(app.BaseAddress);
        var before = await app.WithDbAsync(db => db.SupplierRegistrations.IgnoreQueryFilters().CountAsync());

        var honeypot = Fields($"bot.{Guid.NewGuid():N}@spam.example", "Spam Ltd", "99000992");
        honeypot["Website"] = "http://spam.example";
        (await (await visitor.PostFormAsync(Form, Form, honeypot)).Content.ReadAsStringAsync()).ShouldContain("Registration received");
        (await app.WithDbAsync(db => db.SupplierRegistrations.IgnoreQueryFilters().CountAsync())).ShouldBe(before);

        var existing = Fields("councillor@anytown.example", "Councillor's Catering Ltd", "99000993", nameof(LegalForm.Company));
        existing["Password"] = "a different password entirely";
        (await (await visitor.PostFormAsync(Form, Form, existing)).Content.ReadAsStringAsync()).ShouldContain("Registration received");
        using (await app.SignInAsync("councillor@anytown.example"))
        {
            // Signing in with the demo password still works: registering did not change it.
        }

        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        var registration = (await (await procurement.GetPathAsync("/api/v1/orgs/anytown/providers/registrations")).ReadJsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("email").GetString() == "councillor@anytown.example");
        var url = $"/api/v1/orgs/anytown/providers/registrations/{registration.GetProperty("id").GetString()}/reject";
        (await (await procurement.PostJsonAsync(url, new { reason = " " })).ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var rejected = await (await procurement.PostJsonAsync(url, new { reason = "Officers of the council cannot bid for its contracts" })).ReadJsonAsync();
        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
    }
}

public sealed class SupplierRegistrationTestsOnSqlite(SqliteApp app) : SupplierRegistrationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SupplierRegistrationTestsOnPostgres(PostgresApp app) : SupplierRegistrationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
