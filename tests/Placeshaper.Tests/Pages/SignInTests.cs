using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Data;
using Placeshaper.People;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Pages;

public abstract class SignInTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task Signing_in_takes_a_person_to_their_organisation()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");

        using var home = await browser.GetAsync("/");
        var overview = await browser.GetHtmlAsync(home.Headers.Location!.ToString());

        home.Headers.Location!.ToString().ShouldBe("/o/anytown");
        overview.ShouldContain("<h1 class=\"govuk-heading-l\">Anytown Borough Council</h1>");
        overview.ShouldContain("Signed in as <strong>Chris Commissioner</strong>");
        overview.ShouldContain("href=\"/o/anytown-icb\"", customMessage: "the organisation switcher lists the other organisation");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_without_saying_which_part_was_wrong()
    {
        app.RequireDatabase();
        using var browser = new BrowserClient(app.BaseAddress);

        using var response = await browser.PostFormAsync("/sign-in", "/sign-in", new() { ["email"] = "commissioner@anytown.example", ["password"] = "not the password" });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<title>Error: Sign in");
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("<a href=\"#email\">Enter a correct email address and password</a>");
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        app.RequireDatabase();
        using var browser = new BrowserClient(app.BaseAddress);

        using var response = await browser.PostFormAsync("/sign-in", "/sign-in", new() { ["email"] = "", ["password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("<a href=\"#email\">Enter your email address</a>");
        html.ShouldContain("<a href=\"#password\">Enter your password</a>");
        html.ShouldContain("aria-describedby=email-error");
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_are_audited()
    {
        app.RequireDatabase();
        var email = $"lockout.{Guid.NewGuid():N}@anytown.example";
        await using (var scope = app.OperatorScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<Person>>()
                .CreateAsync(new Person { UserName = email, Email = email, DisplayName = "Lou Lockout" }, "correct horse battery");
            created.Succeeded.ShouldBeTrue();
        }

        using var browser = new BrowserClient(app.BaseAddress);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await browser.PostFormAsync("/sign-in", "/sign-in", new() { ["email"] = email, ["password"] = "wrong password " + attempt });
        }

        using var right = await browser.PostFormAsync("/sign-in", "/sign-in", new() { ["email"] = email, ["password"] = "correct horse battery" });
        var html = await right.Content.ReadAsStringAsync();

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("locked for 15 minutes");
        var personId = await app.PersonIdAsync(email);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == personId.ToString() && e.EntityType == "Person").Select(e => e.Action).ToListAsync());
        // The fifth wrong password locks the account; the right one after it is refused all the same.
        actions.Count(a => a == "sign-in-failed").ShouldBe(4);
        actions.Count(a => a == "sign-in-locked-out").ShouldBe(2);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        app.RequireDatabase();
        using var browser = new BrowserClient(app.BaseAddress);

        using var response = await browser.PostFormWithoutTokenAsync("/sign-in", new() { ["email"] = "commissioner@anytown.example", ["password"] = Placeshaper.Demo.DemoData.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Pages_need_a_signed_in_person()
    {
        app.RequireDatabase();
        using var client = app.Anonymous();

        using var response = await client.GetPathAsync("/o/anytown");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/sign-in?ReturnUrl=%2Fo%2Fanytown");
    }

    [Fact]
    public async Task A_page_the_role_does_not_allow_is_403_with_a_plain_explanation()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("councillor@anytown.example");

        using var response = await browser.GetAsync("/o/anytown/people");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain("You cannot see this page");
        (await browser.GetHtmlAsync("/o/anytown")).ShouldNotContain("href=\"/o/anytown/people\"", customMessage: "navigation shows only what the role may open");
    }

    [Fact]
    public async Task An_unknown_page_is_the_GOV_UK_page_not_found()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");

        using var response = await browser.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("Page not found");
        html.ShouldContain("If you typed the web address, check it is correct.");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("evaluator@anytown.example");

        using var signOut = await browser.PostFormAsync("/o/anytown", "/sign-out", []);
        using var after = await browser.GetAsync("/o/anytown");

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/sign-in");
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_no_inline_script()
    {
        app.RequireDatabase();
        using var client = app.Anonymous();

        using var response = await client.GetPathAsync("/sign-in");
        var html = await response.Content.ReadAsStringAsync();

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        System.Text.RegularExpressions.Regex.Count(html, "<script(?![^>]*\\bsrc=)").ShouldBe(0);
        html.ShouldContain("<html lang=\"en-GB\"");
        html.ShouldContain("class=\"govuk-skip-link\"");
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>An installation that is not in demo mode, seeded with the demo people all the same.</summary>
public sealed class ProductionModeApp() : TestApp(DatabaseProvider.Sqlite, demoMode: false);

public sealed class ProductionModeTests(ProductionModeApp app) : IClassFixture<ProductionModeApp>
{
    [Fact]
    public async Task Demo_people_cannot_sign_in_outside_demo_mode()
    {
        app.RequireDatabase();
        using var browser = new BrowserClient(app.BaseAddress);

        using var response = await browser.PostFormAsync("/sign-in", "/sign-in", new() { ["email"] = "administrator@anytown.example", ["password"] = Placeshaper.Demo.DemoData.Password });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Demo accounts cannot sign in");
        html.ShouldNotContain(Placeshaper.Demo.DemoData.Password, customMessage: "the demo password is not shown outside demo mode");
    }

    [Fact]
    public async Task Demo_peoples_tokens_do_not_work_outside_demo_mode()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("administrator@anytown.example");

        await (await api.GetPathAsync("/api/v1/me")).ShouldBeProblemAsync(401);
    }
}
