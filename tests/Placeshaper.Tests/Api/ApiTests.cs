using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Api;

public abstract class ApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Admin = "administrator@anytown.example";

    [Fact]
    public async Task The_caller_sees_their_own_organisations_with_slug_name_and_kind()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");

        var body = await (await api.GetPathAsync("/api/v1/orgs")).ReadJsonAsync();

        body.GetProperty("totalItems").GetInt32().ShouldBe(2);
        body.GetProperty("items").EnumerateArray().Select(o => (o.GetProperty("slug").GetString(), o.GetProperty("kind").GetString()))
            .ShouldBe([("anytown", "Council"), ("anytown-icb", "NhsBody")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_token_narrowed_to_one_organisation_reaches_only_that_one()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example", onlyOrganisation: "anytown-icb");

        var body = await (await api.GetPathAsync("/api/v1/orgs")).ReadJsonAsync();
        var council = await api.GetPathAsync("/api/v1/orgs/anytown");

        body.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("slug").GetString()).ShouldBe(["anytown-icb"]);
        await council.ShouldBeProblemAsync(404);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ps_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    public async Task Missing_malformed_or_unknown_tokens_get_401_without_detail(string? authorization)
    {
        app.RequireDatabase();
        using var api = app.Anonymous();
        if (authorization is not null)
        {
            api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await api.GetPathAsync("/api/v1/orgs");

        var problem = await response.ShouldBeProblemAsync(401);
        problem.TryGetProperty("detail", out _).ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("token", Case.Insensitive);
    }

    [Fact]
    public async Task Expired_and_revoked_tokens_stop_working()
    {
        app.RequireDatabase();
        using var session = await app.SignInAsync(Admin);
        var created = await (await session.Http.PostJsonAsync("/api/v1/tokens", new { name = "short-lived", days = 1 })).ReadJsonAsync();
        var secret = created.GetProperty("token").GetString()!;
        using var other = app.Anonymous();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await other.GetPathAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoke = await session.Http.DeletePathAsync("/api/v1/tokens/" + created.GetProperty("id").GetString());

        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await other.GetPathAsync("/api/v1/me")).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Token_secrets_are_shown_once_and_never_listed()
    {
        app.RequireDatabase();
        using var session = await app.SignInAsync(Admin);
        var created = await (await session.Http.PostJsonAsync("/api/v1/tokens", new { name = "listing check" })).ReadJsonAsync();

        var listing = await (await session.Http.GetPathAsync("/api/v1/tokens")).Content.ReadAsStringAsync();

        listing.ShouldContain("listing check");
        listing.ShouldNotContain(created.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task A_token_cannot_create_another_token()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin, onlyOrganisation: "anytown");

        var response = await api.PostJsonAsync("/api/v1/tokens", new { name = "wider", days = 366 });

        await response.ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task An_invalid_payload_gets_400_naming_each_field()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        var response = await api.PostJsonAsync("/api/v1/orgs/anytown/members", new { email = "not an email", roles = new[] { "Mayor" } });

        var problem = await response.ShouldBeProblemAsync(400);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("email").EnumerateArray().Single().GetString()!.ShouldContain("email address");
        errors.GetProperty("roles").EnumerateArray().Single().GetString()!.ShouldContain("Mayor");
    }

    [Theory]
    [InlineData("{\"email\": 42}", "email")]
    [InlineData("{\"roles\": \"Commissioner\"}", "roles")]
    [InlineData("{\"email\": \"a@b.org\", \"colour\": \"blue\"}", "colour")]
    [InlineData("{\"email\": ", "email")]
    [InlineData("not json at all", "body")]
    public async Task Unreadable_JSON_gets_400_naming_the_field_not_500(string json, string field)
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        var response = await api.PostRawJsonAsync("/api/v1/orgs/anytown/members", json);

        var problem = await response.ShouldBeProblemAsync(400);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(name => name.Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orgs/anytown/members")
        {
            Content = new StringContent("{\"email\": \"" + new string('a', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        };

        // As curl and browsers do for large bodies: ask first, so the server can refuse before the upload.
        request.Headers.ExpectContinue = true;
        var response = await api.SendAsync(request);

        await response.ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_too()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"email\": \"" + new string('a', 2 * 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orgs/anytown/members") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await api.SendAsync(request);

        await response.ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task An_unknown_organisation_gets_404()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        await (await api.GetPathAsync("/api/v1/orgs/nowhere")).ShouldBeProblemAsync(404);
        await (await api.GetPathAsync("/api/v1/orgs/nowhere/audit")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task A_role_without_the_permission_gets_403()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("councillor@anytown.example");

        await (await api.GetPathAsync("/api/v1/orgs/anytown/audit")).ShouldBeProblemAsync(403);
        await (await api.PostJsonAsync("/api/v1/orgs/anytown/members", new { email = "x@anytown.example", roles = new[] { "Commissioner" } })).ShouldBeProblemAsync(403);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    [InlineData("page=abc")]
    public async Task Bad_paging_gets_400(string query)
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        await (await api.GetPathAsync("/api/v1/orgs/anytown/audit?" + query)).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task Lists_are_paged()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        var first = await (await api.GetPathAsync("/api/v1/orgs/anytown/members?pageSize=3")).ReadJsonAsync();
        var second = await (await api.GetPathAsync("/api/v1/orgs/anytown/members?pageSize=3&page=2")).ReadJsonAsync();

        first.GetProperty("items").GetArrayLength().ShouldBe(3);
        first.GetProperty("totalItems").GetInt32().ShouldBeGreaterThan(6);
        first.GetProperty("totalPages").GetInt32().ShouldBe((first.GetProperty("totalItems").GetInt32() + 2) / 3);
        var emails = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(m => m.GetProperty("email").GetString()).ToList();
        emails.Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public async Task An_administrator_adds_a_person_with_roles_and_it_is_audited()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);
        var email = $"new.{Guid.NewGuid():N}@anytown.example";

        var response = await api.PostJsonAsync("/api/v1/orgs/anytown/members", new { email, displayName = "New Starter", roles = new[] { "Commissioner", "Evaluator" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var outcome = await response.ReadJsonAsync();
        outcome.GetProperty("accountCreated").GetBoolean().ShouldBeTrue();
        outcome.GetProperty("initialPassword").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(12);
        var audit = await (await api.GetPathAsync("/api/v1/orgs/anytown/audit?entityType=Membership&pageSize=5")).ReadJsonAsync();
        var latest = audit.GetProperty("items").EnumerateArray().First();
        latest.GetProperty("actor").GetString().ShouldBe(Admin);
        latest.GetProperty("action").GetString().ShouldBe("created");
        latest.GetProperty("after").GetProperty("Role").GetString().ShouldBeOneOf("Commissioner", "Evaluator");
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_removed()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("administrator@anytown-police.example");
        var personId = await app.PersonIdAsync("administrator@anytown-police.example");

        var response = await api.DeletePathAsync($"/api/v1/orgs/anytown-police/members/{personId}/roles/Administrator");

        await response.ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Enums_and_dates_are_written_as_names_and_ISO_8601()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        var audit = await (await api.GetPathAsync("/api/v1/orgs/anytown/audit?pageSize=1")).ReadJsonAsync();

        var at = audit.GetProperty("items")[0].GetProperty("at").GetString()!;
        DateTime.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed).ShouldBeTrue();
        parsed.Kind.ShouldBe(DateTimeKind.Utc);
        at.ShouldEndWith("Z");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_API_route()
    {
        app.RequireDatabase();
        using var client = app.Anonymous();

        var document = await (await client.GetPathAsync("/openapi/v1.json")).ReadJsonAsync();
        var docs = await client.GetPathAsync("/api/docs/index.html");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/orgs");
        paths.ShouldContain("/api/v1/orgs/{org}/audit");
        paths.ShouldContain("/api/v1/orgs/{org}/members");
        paths.ShouldContain("/api/v1/tokens/{id}");
        paths.ShouldContain("/api/v1/orgs/{org}/outcomes/measures/{measureId}/retire");
        paths.ShouldContain("/api/v1/orgs/{org}/needs-assessments/{assessmentId}/archive");
        document.GetProperty("paths").GetProperty("/api/v1/orgs/{org}/outcomes/{outcomeId}").TryGetProperty("put", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _).ShouldBeTrue();
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        app.RequireDatabase();
        using var client = app.Anonymous();

        (await client.GetPathAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetPathAsync("/health/ready")).Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task An_unknown_API_path_gets_a_problem_404()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        await (await api.GetPathAsync("/api/v1/nothing-here")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task The_API_refuses_form_posts_so_a_session_cookie_cannot_be_used_cross_site()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync(Admin);

        var response = await browser.PostFormWithoutTokenAsync("/api/v1/orgs/anytown/members", new() { ["email"] = "csrf@example.org", ["roles"] = "Administrator" });

        await response.ShouldBeProblemAsync(415);
        (await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, p => p.Email == "csrf@example.org"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Problem_details_carry_a_trace_id()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Admin);

        var problem = await (await api.GetPathAsync("/api/v1/orgs/nowhere")).ShouldBeProblemAsync(404);

        problem.GetProperty("traceId").ValueKind.ShouldBe(JsonValueKind.String);
    }
}

public sealed class ApiTestsOnSqlite(SqliteApp app) : ApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ApiTestsOnPostgres(PostgresApp app) : ApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
