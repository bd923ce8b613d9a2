using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Intelligence;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Intelligence;

public abstract class IntelligenceTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static Dictionary<string, string> Report(string body, string website = "") => new()
    {
        ["Kind"] = "Need",
        ["Body"] = body,
        ["Area"] = "E05999002",
        ["ContactEmail"] = "resident@example.org",
        ["Website"] = website,
    };

    /// <summary>
    /// A resident's report written straight to the database, as the public form would, so that tests do not use up
    /// the form's rate limit; optionally submitted and moderated in the past.
    /// </summary>
    private async Task<IntelligenceItem> ResidentReportAsync(string body, string email, DateTime? submitted = null, DateTime? moderated = null)
    {
        var anytown = await app.OrganisationIdAsync("anytown");
        var item = IntelligenceItem.Submit(anytown, IntelligenceKind.Need, body, null, null, "Resident", null, email, submitted ?? DateTime.UtcNow).Value!;
        if (moderated is { } at)
        {
            item.Moderate(true, null, at);
        }

        return await app.WithDbAsync(async db =>
        {
            db.IntelligenceItems.Add(item);
            await db.SaveChangesAsync();
            return item;
        });
    }

    private Task<string?> ContactEmailAsync(Guid itemId) =>
        app.WithDbAsync(db => db.IntelligenceItems.Where(i => i.Id == itemId).Select(i => i.ContactEmail).SingleAsync());

    [Fact]
    public async Task A_resident_reports_without_an_account_and_a_commissioner_moderates_before_anyone_relies_on_it()
    {
        app.RequireDatabase();
        var body = $"No bus to the day centre from Riverside after 3pm {Guid.NewGuid():N}";
        using var resident = new BrowserClient(app.BaseAddress);

        using var sent = await resident.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", Report(body));
        var item = await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Body == body));
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var beforeModeration = await (await councillor.GetPathAsync("/api/v1/orgs/anytown/intelligence")).Content.ReadAsStringAsync();
        var queueForCouncillor = await councillor.GetPathAsync("/api/v1/orgs/anytown/intelligence?status=AwaitingModeration");
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var publish = await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/intelligence/{item.Id}/moderation", new { publish = true });
        var published = await (await councillor.GetPathAsync("/api/v1/orgs/anytown/intelligence")).Content.ReadAsStringAsync();

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sent.Content.ReadAsStringAsync()).ShouldContain("Thank you");
        item.Status.ShouldBe(IntelligenceStatus.AwaitingModeration);
        item.SubmitterRole.ShouldBe("Resident");
        beforeModeration.ShouldNotContain(body);
        await queueForCouncillor.ShouldBeProblemAsync(403);
        publish.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        published.ShouldContain(body);
        published.ShouldContain("Riverside");
        published.ShouldNotContain("resident@example.org");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.After!.Contains("resident@example.org")))).ShouldBeFalse("personal data stays out of the permanent trail");
    }

    [Fact]
    public async Task Rejecting_needs_the_house_rule_on_the_record()
    {
        app.RequireDatabase();
        var body = $"Abusive report {Guid.NewGuid():N} naming a member of staff";
        using var resident = new BrowserClient(app.BaseAddress);
        using var sent = await resident.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", Report(body));
        var item = await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Body == body));
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");

        var withoutNote = await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/intelligence/{item.Id}/moderation", new { publish = false });
        var withNote = await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/intelligence/{item.Id}/moderation", new { publish = false, note = "Identifies a member of staff" });

        (await withoutNote.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("note", out _).ShouldBeTrue();
        withNote.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Id == item.Id))).Status.ShouldBe(IntelligenceStatus.Rejected);
    }

    [Fact]
    public async Task Scripts_that_fill_the_honeypot_are_thanked_and_ignored()
    {
        app.RequireDatabase();
        var body = $"Buy cheap watches {Guid.NewGuid():N}";
        using var bot = new BrowserClient(app.BaseAddress);

        using var sent = await bot.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", Report(body, website: "http://spam.example"));

        (await sent.Content.ReadAsStringAsync()).ShouldContain("Thank you");
        (await app.WithDbAsync(db => db.IntelligenceItems.AnyAsync(i => i.Body == body))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_councillor_reports_with_an_area_and_a_needs_indicator_chosen_from_lists_and_it_shows_on_the_indicators_page()
    {
        app.RequireDatabase();
        var body = $"Older people in Castle ward tell me they feel cut off since the library closed {Guid.NewGuid():N}";
        using var councillor = await app.SignInAsync("councillor@anytown.example");

        var form = await councillor.GetHtmlAsync("/o/anytown/intelligence");
        using var unknown = await councillor.PostFormAsync("/o/anytown/intelligence", "/o/anytown/intelligence", new() { ["Kind"] = "Need", ["Body"] = body, ["Indicator"] = "no-such-indicator" });
        using var sent = await councillor.PostFormAsync("/o/anytown/intelligence", "/o/anytown/intelligence", new() { ["Kind"] = "Need", ["Body"] = body, ["Area"] = "E05999001", ["Indicator"] = "lonely-adults" });
        var indicatorPage = await councillor.GetHtmlAsync("/o/anytown/needs/lonely-adults");
        var otherIndicator = await councillor.GetHtmlAsync("/o/anytown/needs/falls-65");

        form.ShouldContain("<option value=\"lonely-adults\">");
        form.ShouldContain("<option value=\"E05999001\">");
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#indicator\">Choose one of the needs indicators in the list</a>");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Body == body));
        (item.Status, item.SubmitterRole, item.IndicatorId is null, item.AreaId is null).ShouldBe((IntelligenceStatus.Published, "Councillor", false, false));
        indicatorPage.ShouldContain("What people tell us");
        indicatorPage.ShouldContain(body);
        otherIndicator.ShouldNotContain(body);
    }

    [Fact]
    public async Task A_commissioner_tags_a_residents_report_which_reaches_the_indicators_page_once_published()
    {
        app.RequireDatabase();
        var body = $"Nobody checks on my neighbour since the falls service stopped visiting {Guid.NewGuid():N}";
        var item = await ResidentReportAsync(body, "neighbour@example.org");
        using var commissioner = await app.SignInAsync("commissioner@anytown.example");
        using var councillor = await app.SignInAsync("councillor@anytown.example");
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        using var councillorApi = await app.ApiAsAsync("councillor@anytown.example");
        var tagPath = $"/o/anytown/intelligence/{item.Id}/tags";

        var tagPage = await commissioner.GetHtmlAsync(tagPath);
        using var tagged = await commissioner.PostFormAsync(tagPath, tagPath, new() { ["Area"] = "E05999002", ["Indicator"] = "falls-65" });
        var beforePublishing = await councillor.GetHtmlAsync("/o/anytown/needs/falls-65");
        await api.PostJsonAsync($"/api/v1/orgs/anytown/intelligence/{item.Id}/moderation", new { publish = true });
        var published = await councillor.GetHtmlAsync("/o/anytown/needs/falls-65");
        var retag = await api.PutAsJsonAsync(new Uri($"/api/v1/orgs/anytown/intelligence/{item.Id}/tags", UriKind.Relative), new { area = "E05999002", indicator = "lonely-adults" });
        var badTag = await api.PutAsJsonAsync(new Uri($"/api/v1/orgs/anytown/intelligence/{item.Id}/tags", UriKind.Relative), new { area = "E92000001", indicator = "nothing" });
        var byCouncillor = await councillorApi.PutAsJsonAsync(new Uri($"/api/v1/orgs/anytown/intelligence/{item.Id}/tags", UriKind.Relative), new { indicator = "falls-65" });
        using var councillorTagPage = await councillor.GetAsync(tagPath);

        tagPage.ShouldContain(body);
        tagged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        beforePublishing.ShouldNotContain(body, customMessage: "unmoderated reports stay off the indicator page");
        published.ShouldContain(body);
        published.ShouldNotContain("neighbour@example.org");
        retag.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await councillor.GetHtmlAsync("/o/anytown/needs/falls-65")).ShouldNotContain(body);
        (await councillor.GetHtmlAsync("/o/anytown/needs/lonely-adults")).ShouldContain(body);
        var errors = (await badTag.ShouldBeProblemAsync(400)).GetProperty("errors");
        (errors.TryGetProperty("area", out _), errors.TryGetProperty("indicator", out _)).ShouldBe((true, true), "England is a comparator, not one of the council's areas");
        await byCouncillor.ShouldBeProblemAsync(403);
        councillorTagPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_administrator_erases_a_residents_contact_email_from_all_their_reports_and_the_trail_records_only_how_many()
    {
        app.RequireDatabase();
        var address = $"erase.me.{Guid.NewGuid():N}@example.org";
        var first = await ResidentReportAsync($"First report from a resident about the park {Guid.NewGuid():N}", address);
        var second = await ResidentReportAsync($"Second report from a resident about the park {Guid.NewGuid():N}", address.ToUpperInvariant());
        var someoneElse = await ResidentReportAsync($"A report from someone else about the park {Guid.NewGuid():N}", "keep.me@example.org");
        using var administrator = await app.SignInAsync("administrator@anytown.example");
        using var commissioner = await app.SignInAsync("commissioner@anytown.example");

        using var found = await administrator.PostFormAsync("/o/anytown/intelligence/erasure", "/o/anytown/intelligence/erasure?handler=Find", new() { ["Email"] = " " + address.Replace("erase", "ERASE", StringComparison.Ordinal) });
        var foundHtml = await found.Content.ReadAsStringAsync();
        using var erased = await administrator.PostFormAsync("/o/anytown/intelligence/erasure", "/o/anytown/intelligence/erasure?handler=Erase", new() { ["Email"] = address });
        var confirmation = await administrator.GetHtmlAsync(erased.Headers.Location!.ToString());
        using var asCommissioner = await commissioner.GetAsync("/o/anytown/intelligence/erasure");
        using var api = await app.ApiAsAsync("administrator@anytown.example");
        var none = await api.PostJsonAsync("/api/v1/orgs/anytown/intelligence/contact-email-erasures", new { email = "nobody@example.org" });
        var invalid = await api.PostJsonAsync("/api/v1/orgs/anytown/intelligence/contact-email-erasures", new { email = "not an address" });

        foundHtml.ShouldContain("2 reports have this address");
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmation.ShouldContain("The email address was erased from 2 reports");
        (await ContactEmailAsync(first.Id)).ShouldBeNull();
        (await ContactEmailAsync(second.Id)).ShouldBeNull();
        (await ContactEmailAsync(someoneElse.Id)).ShouldBe("keep.me@example.org");
        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "contact-email-erased").Select(e => new { e.EntityId, e.After }).ToListAsync());
        trail.ShouldContain(e => e.EntityId == "on request" && e.After!.Contains("\"items\":2", StringComparison.Ordinal));
        var everything = await app.WithDbAsync(db => db.AuditEntries.Select(e => e.EntityId + e.Before + e.After).ToListAsync());
        everything.ShouldNotContain(e => e.Contains("erase.me", StringComparison.OrdinalIgnoreCase), "the trail can never be edited, so the address must never be in it");
        asCommissioner.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "erasure is an administrator's task");
        (await none.ReadJsonAsync()).GetProperty("erased").GetInt32().ShouldBe(0);
        (await invalid.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Contact_emails_are_erased_a_configurable_number_of_days_after_the_report_is_dealt_with()
    {
        app.RequireDatabase();
        var now = DateTime.UtcNow;
        var longAgo = await ResidentReportAsync($"Moderated long ago {Guid.NewGuid():N}", "old@example.org", submitted: now.AddDays(-200), moderated: now.AddDays(-190));
        var recently = await ResidentReportAsync($"Moderated ten days ago {Guid.NewGuid():N}", "recent@example.org", submitted: now.AddDays(-12), moderated: now.AddDays(-10));
        var waiting = await ResidentReportAsync($"Still waiting for a moderator {Guid.NewGuid():N}", "waiting@example.org", submitted: now.AddDays(-400));

        var refused = await Infrastructure.Cli.RunAsync("intelligence", "erase-expired", "--days", "0", "--database", app.ConnectionString);
        var byDefault = await Infrastructure.Cli.RunAsync("intelligence", "erase-expired", "--database", app.ConnectionString);
        var afterDefault = (await ContactEmailAsync(longAgo.Id), await ContactEmailAsync(recently.Id));
        var configured = await Infrastructure.Cli.RunAsync(
            new Dictionary<string, string> { ["Placeshaper__ContactEmailRetentionDays"] = "7" }, "intelligence", "erase-expired", "--database", app.ConnectionString);

        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("--days");
        byDefault.ExitCode.ShouldBe(0, byDefault.Error);
        byDefault.Output.ShouldContain("Erased the contact email from 1 report(s) moderated more than 180 days ago.");
        afterDefault.ShouldBe((null, "recent@example.org"));
        configured.Output.ShouldContain("Erased the contact email from 1 report(s) moderated more than 7 days ago.");
        (await ContactEmailAsync(recently.Id)).ShouldBeNull();
        (await ContactEmailAsync(waiting.Id)).ShouldBe("waiting@example.org", "a report not yet dealt with keeps its address");
        var decisions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "contact-email-erased" && e.EntityId == "retention").Select(e => e.After!).ToListAsync());
        decisions.ShouldContain("{\"basis\":\"retention\",\"days\":180,\"items\":1}");
        decisions.ShouldContain("{\"basis\":\"retention\",\"days\":7,\"items\":1}");
    }

    [Fact]
    public async Task The_public_form_says_how_long_an_email_address_is_kept()
    {
        app.RequireDatabase();
        using var client = app.Anonymous();

        var html = await (await client.GetPathAsync("/tell-us/anytown")).Content.ReadAsStringAsync();

        html.ShouldContain("We delete it 180 days after we have published or turned down your report");
        html.ShouldContain("How we use your email address");
    }

    [Fact]
    public async Task An_unknown_organisation_has_no_public_form()
    {
        app.RequireDatabase();
        using var client = app.Anonymous();

        (await client.GetPathAsync("/tell-us/nowhere")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ContactEmailRetentionSettingsTests
{
    [Theory]
    [InlineData(null, 180)]
    [InlineData("", 180)]
    [InlineData("30", 30)]
    [InlineData("3650", 3650)]
    public void The_retention_period_defaults_to_180_days(string? configured, int days) =>
        Placeshaper.Intelligence.ContactEmailRetentionSettings.From(configured).Days.ShouldBe(days);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("3651")]
    [InlineData("six months")]
    public void A_retention_period_that_is_not_1_to_3650_days_stops_the_program_naming_the_setting(string configured) =>
        Should.Throw<InvalidOperationException>(() => Placeshaper.Intelligence.ContactEmailRetentionSettings.From(configured))
            .Message.ShouldContain("Placeshaper:ContactEmailRetentionDays");
}

public sealed class IntelligenceTestsOnSqlite(SqliteApp app) : IntelligenceTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class IntelligenceTestsOnPostgres(PostgresApp app) : IntelligenceTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>Its own app, so that its flood of posts does not use up other tests' allowance.</summary>
public sealed class RateLimitApp() : TestApp(Placeshaper.Data.DatabaseProvider.Sqlite);

public sealed class PublicFormRateLimitTests(RateLimitApp app) : IClassFixture<RateLimitApp>
{
    [Fact]
    public async Task A_flood_of_reports_from_one_address_is_stopped_with_429_and_a_plain_page()
    {
        app.RequireDatabase();
        using var resident = new BrowserClient(app.BaseAddress);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= Placeshaper.Hosting.RateLimits.PublicSubmissions; i++)
        {
            using var sent = await resident.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", new() { ["Kind"] = "Need", ["Body"] = $"Report number {i} about a need" });
            statuses.Add(sent.StatusCode);
            if (sent.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (await sent.Content.ReadAsStringAsync()).ShouldContain("You have sent too many in a short time");
            }
        }

        statuses.Take(Placeshaper.Hosting.RateLimits.PublicSubmissions).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        (await resident.GetAsync("/tell-us/anytown")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the form is never limited");
    }
}
