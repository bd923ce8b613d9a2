using System.Net;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Pages;

public abstract class PeoplePageTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task An_administrator_adds_a_person_and_sees_their_one_time_password()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("administrator@anytown.example");
        var email = $"page.{Guid.NewGuid():N}@anytown.example";

        using var posted = await browser.PostFormAsync("/o/anytown/people", "/o/anytown/people", new() { ["Input.Email"] = email, ["Input.DisplayName"] = "Pat Page", ["Input.Roles"] = "FinanceOfficer" });
        var html = await browser.GetHtmlAsync(posted.Headers.Location!.ToString());
        var again = await browser.GetHtmlAsync("/o/anytown/people");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html.ShouldContain($"{email} now has the role FinanceOfficer");
        html.ShouldContain("Their initial password, shown only now");
        again.ShouldContain("Pat Page");
        again.ShouldNotContain("shown only now");
    }

    [Fact]
    public async Task Missing_answers_are_listed_and_linked_to_their_fields()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("administrator@anytown.example");

        using var posted = await browser.PostFormAsync("/o/anytown/people", "/o/anytown/people", new() { ["Input.Email"] = "nope" });
        var html = await posted.Content.ReadAsStringAsync();

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<a href=\"#email\">Enter an email address in the correct format, like name@example.org</a>");
        html.ShouldContain("<a href=\"#roles\">Choose at least one role</a>");
        html.ShouldContain("id=\"roles\"", customMessage: "the first checkbox carries the id the summary links to");
        html.ShouldContain("value=\"nope\"", customMessage: "what was typed is kept");
    }
}

public sealed class PeoplePageTestsOnSqlite(SqliteApp app) : PeoplePageTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PeoplePageTestsOnPostgres(PostgresApp app) : PeoplePageTests<PostgresApp>(app), IClassFixture<PostgresApp>;
