using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Tenders;

public abstract class TendersApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    private static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");
        }

        var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_procurement_officer_drafts_sets_criteria_lots_and_timetable_then_publishes()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var reference = "T-" + Guid.NewGuid().ToString("N")[..8];

        var drafted = await SendAsync(api, HttpMethod.Post, "/api/v1/orgs/anytown/tenders",
            new { reference, title = "Home care, north and south", kind = "LightTouchServices", estimatedValue = 2_400_000m }, HttpStatusCode.Created);
        var root = $"/api/v1/orgs/anytown/tenders/{drafted.GetProperty("id").GetString()}";
        drafted.GetProperty("route").GetString().ShouldBe("CompetitiveFlexible");
        drafted.GetProperty("advice").GetProperty("threshold").GetDecimal().ShouldBe(663_540m);

        var refused = await api.PutAsync(new Uri(root + "/award-criteria", UriKind.Relative), new StringContent(
            """{ "weights": { "price": 50, "quality": 45, "socialValue": 5 }, "questions": [] }""", System.Text.Encoding.UTF8, "application/json"));
        (await refused.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("weights.socialValue", out _).ShouldBeTrue();
        await SendAsync(api, HttpMethod.Put, root + "/award-criteria", new
        {
            weights = new { price = 40, quality = 50, socialValue = 10 },
            questions = new object[]
            {
                new { kind = "Quality", text = "How will you keep visits on time?", weight = 60, descriptors = Descriptors },
                new { kind = "Quality", text = "How will you recruit and keep carers?", weight = 40, descriptors = Descriptors },
                new { kind = "SocialValue", text = "How many local people will you employ?", weight = 100, descriptors = Descriptors },
            },
        });
        await SendAsync(api, HttpMethod.Put, root + "/lots", new { lots = new[] { new { title = "North", estimatedValue = 1_200_000m }, new { title = "South", estimatedValue = 1_200_000m } }, suitableForSme = true, suitableForVcse = true });
        await SendAsync(api, HttpMethod.Put, root + "/timetable", new { clarificationDeadline = DateTime.UtcNow.AddDays(20), submissionDeadline = DateTime.UtcNow.AddDays(30) });
        var published = await SendAsync(api, HttpMethod.Post, root + "/publish", null);

        published.GetProperty("status").GetString().ShouldBe("Published");
        published.GetProperty("gaps").GetArrayLength().ShouldBe(0);
        published.GetProperty("lots").GetArrayLength().ShouldBe(2);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "tender-published" && e.EntityId == drafted.GetProperty("id").GetString()))).ShouldBeTrue();
        var late = await api.PutAsync(new Uri(root + "/lots", UriKind.Relative), new StringContent("""{ "lots": [], "noLotsReason": "changed my mind" }""", System.Text.Encoding.UTF8, "application/json"));
        (await late.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("tender")[0].GetString()!.ShouldContain("published");
    }

    [Fact]
    public async Task The_route_is_advised_from_the_value_and_the_thresholds_in_force()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");

        var small = await SendAsync(api, HttpMethod.Get, "/api/v1/orgs/anytown/tenders/procedure-advice?kind=GoodsAndServices&value=12000", null);
        var large = await SendAsync(api, HttpMethod.Get, "/api/v1/orgs/anytown/tenders/procedure-advice?kind=Works&value=6000000", null);

        small.GetProperty("route").GetString().ShouldBe("Quotes");
        large.GetProperty("route").GetString().ShouldBe("OpenProcedure");
        large.GetProperty("thresholdSource").GetString()!.ShouldContain("SI 2025/1200");
    }

    [Fact]
    public async Task Providers_cannot_read_the_buyers_view_and_councillors_cannot_draft()
    {
        app.RequireDatabase();
        using var provider = await app.ApiAsAsync("hello@brightside.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");

        await (await provider.GetPathAsync("/api/v1/orgs/anytown/tenders")).ShouldBeProblemAsync(403);
        (await councillor.GetPathAsync("/api/v1/orgs/anytown/tenders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await councillor.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference = "X-1", title = "x", kind = "Works", estimatedValue = 1m })).ShouldBeProblemAsync(403);
    }
}

public sealed class TendersApiTestsOnSqlite(SqliteApp app) : TendersApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class TendersApiTestsOnPostgres(PostgresApp app) : TendersApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
