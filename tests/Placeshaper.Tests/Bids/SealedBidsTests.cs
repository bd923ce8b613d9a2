using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Bids;

/// <summary>
/// The sealed-bid rule through every route that could show a bid: before the deadline nobody reads one, whatever
/// their role, and each attempt is recorded; late bids are refused; bidders see only their own.
/// </summary>
public abstract class SealedBidsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Secret = "Our neighbourhood teams answer within 7 minutes";
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];
    private static readonly string[] Officers =
        ["administrator@anytown.example", "commissioner@anytown.example", "procurement@anytown.example", "evaluator@anytown.example", "finance@anytown.example", "councillor@anytown.example"];

    private sealed record Published(string Id, string Root, JsonElement Tender);

    private async Task<Published> PublishAsync()
    {
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var reference = "SB-" + Guid.NewGuid().ToString("N")[..8];
        var drafted = await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference, title = "Day opportunities", kind = "LightTouchServices", estimatedValue = 900_000m })).ReadJsonAsync();
        var root = $"/api/v1/orgs/anytown/tenders/{drafted.GetProperty("id").GetString()}";
        (await api.PutJsonAsync(root + "/award-criteria", new
        {
            weights = new { price = 40, quality = 50, socialValue = 10 },
            questions = new object[]
            {
                new { kind = "Quality", text = "How will you keep people safe?", weight = 100, descriptors = Descriptors },
                new { kind = "SocialValue", text = "How many local people will you employ?", weight = 100, descriptors = Descriptors },
            },
        })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/lots", new { lots = new[] { new { title = "North", estimatedValue = 450_000m }, new { title = "South", estimatedValue = 450_000m } }, suitableForSme = true, suitableForVcse = true })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/timetable", new { clarificationDeadline = DateTime.UtcNow.AddDays(5), submissionDeadline = DateTime.UtcNow.AddDays(10) })).EnsureSuccessStatusCode();
        var published = await (await api.PostAsync(new Uri(root + "/publish", UriKind.Relative), null)).ReadJsonAsync();
        published.GetProperty("status").GetString().ShouldBe("Published");
        return new Published(drafted.GetProperty("id").GetString()!, root, published);
    }

    private static object Bid(JsonElement tender, decimal price, string answer = Secret, string? document = null)
    {
        var questions = tender.GetProperty("questions").EnumerateArray().ToList();
        return new
        {
            prices = new[] { new { lotId = tender.GetProperty("lots")[0].GetProperty("id").GetString(), price } },
            answers = questions.Select(q => new { questionId = q.GetProperty("id").GetString(), text = answer }).ToArray(),
            commitments = new[] { new { questionId = questions[1].GetProperty("id").GetString(), measure = "Apprenticeships for Anytown residents", quantity = 6m, unit = "people" } },
            documents = document is null ? [] : new[] { new { fileName = "method-statement.txt", content = Convert.ToBase64String(Encoding.UTF8.GetBytes(document)) } },
        };
    }

    private async Task<string> SubmitAsync(string email, Published tender, decimal price, string? document = null)
    {
        using var provider = await app.ApiAsAsync(email);
        var response = await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{tender.Id}/bids", Bid(tender.Tender, price, document: document));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var receipt = JsonDocument.Parse(body).RootElement;
        receipt.GetProperty("receipt").GetString()!.Length.ShouldBe(64);
        return receipt.GetProperty("id").GetString()!;
    }

    private Task<int> PassTheDeadlineAsync(Published tender) => app.WithDbAsync(db =>
        db.Tenders.Where(t => t.Id == Guid.Parse(tender.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.SubmissionDeadline, DateTime.UtcNow.AddMinutes(-1))));

    private Task<int> RefusalsAsync(string entityId) => app.WithDbAsync(db =>
        db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "sealed-bid-read-refused" && e.EntityId == entityId));

    /// <summary>
    /// Every GET route of the API and every page that takes a tender or a bid, found from the app's own endpoints so a
    /// route added later is covered too, asked by every role (and both bidders) before the deadline: none shows a word
    /// or the price of the bid, downloads included.
    /// </summary>
    [Fact]
    public async Task No_route_or_page_shows_any_part_of_a_sealed_bid_to_anyone_before_the_deadline()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        using (var provider = await app.ApiAsAsync("care@anytown-community-care.example"))
        {
            var body = Bid(tender.Tender, 412_345.67m, document: Secret);
            (await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{tender.Id}/bids", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var bidId = await app.WithDbAsync(db => db.Bids.Where(b => b.TenderId == Guid.Parse(tender.Id)).Select(b => b.Id).SingleAsync());
        var paths = ReadRoutes().Select(r => Fill(r, tender.Id, bidId)).OfType<string>().Distinct().ToList();
        paths.ShouldContain($"/api/v1/orgs/anytown/tenders/{tender.Id}/bids/{bidId}");
        paths.ShouldContain($"/api/v1/orgs/anytown/tenders/{tender.Id}/evaluation/supplier-checks/{bidId}");
        paths.ShouldContain($"/o/anytown/tenders/{tender.Id}/evaluation/bids/{bidId}/standing");
        paths.ShouldContain($"/api/v1/orgs/anytown/portal/bids/{bidId}/content");
        string[] giveaways = [Secret, "412345.67", "412,345.67", "Apprenticeships for Anytown residents"];

        foreach (var email in Officers.Append("care@anytown-community-care.example").Append("hello@brightside.example"))
        {
            using var api = await app.ApiAsAsync(email);
            using var browser = await app.SignInAsync(email);
            foreach (var path in paths)
            {
                var client = path.StartsWith("/api/", StringComparison.Ordinal) ? api : browser.Http;
                foreach (var asked in path.StartsWith("/o/", StringComparison.Ordinal) ? [path, path + "?handler=Download&format=csv"] : new[] { path })
                {
                    using var response = await client.GetAsync(new Uri(asked, UriKind.Relative));
                    var text = await response.Content.ReadAsStringAsync();
                    giveaways.Where(g => text.Contains(g, StringComparison.Ordinal)).ShouldBeEmpty($"{email} GET {asked} answered {(int)response.StatusCode}");
                }
            }
        }
    }

    /// <summary>GET routes and pages of an organisation that name a tender or a bid.</summary>
    private IEnumerable<string> ReadRoutes() =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
                || e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => p.Contains("{org}", StringComparison.Ordinal) && (p.Contains("{tenderId", StringComparison.Ordinal) || p.Contains("{bidId", StringComparison.Ordinal)));

    /// <summary>The route with the tender, the bid and a first document filled in; null when it needs anything else.</summary>
    private static string? Fill(string pattern, string tenderId, Guid bidId)
    {
        var path = System.Text.RegularExpressions.Regex.Replace("/" + pattern.TrimStart('/'), @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
        {
            "org" => "anytown",
            "tenderId" => tenderId,
            "bidId" => bidId.ToString(),
            "number" => "1",
            _ => "{unknown}",
        });
        return path.Contains("{unknown}", StringComparison.Ordinal) ? null : path;
    }

    [Fact]
    public async Task Before_the_deadline_nobody_reads_a_bid_through_any_route_and_every_attempt_is_recorded()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var bidId = await SubmitAsync("care@anytown-community-care.example", tender, 400_000m, document: Secret);
        var routes = new[] { tender.Root + "/bids", $"{tender.Root}/bids/{bidId}", $"{tender.Root}/bids/{bidId}/documents/1" };

        foreach (var email in Officers)
        {
            using var officer = await app.ApiAsAsync(email);
            foreach (var route in routes)
            {
                var response = await officer.GetPathAsync(route);
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{email} GET {route}");
                (await response.Content.ReadAsStringAsync()).ShouldNotContain(Secret);
            }

            var open = await officer.PostAsync(new Uri(tender.Root + "/bids/open", UriKind.Relative), null);
            open.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{email} opening early");
        }

        // The readers' attempts (not councillors' or finance's, refused by role first) are in the audit trail.
        (await RefusalsAsync(bidId)).ShouldBe(4 * 2);
        (await RefusalsAsync(tender.Id)).ShouldBe(4 + 3);
        using var bidder = await app.ApiAsAsync("care@anytown-community-care.example");
        (await bidder.GetPathAsync($"/api/v1/orgs/anytown/portal/bids/{bidId}/content")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RefusalsAsync(bidId)).ShouldBe(8, "the bidder's own attempt is recorded apart, as it names the bidder");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "own-bid-read-refused" && e.EntityId == bidId))).ShouldBe(1);
        var received = await (await (await app.ApiAsAsync("councillor@anytown.example")).GetPathAsync(tender.Root + "/bids/received")).ReadJsonAsync();
        (received.GetProperty("bids").GetInt32(), received.GetProperty("sealed").GetBoolean()).ShouldBe((1, true));
    }

    [Fact]
    public async Task Sealed_content_is_not_in_the_database_or_the_audit_trail_in_any_readable_form()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var bidId = await SubmitAsync("hello@brightside.example", tender, 380_000m, document: Secret);

        var envelope = await app.WithDbAsync(db => db.Bids.Where(b => b.Id == Guid.Parse(bidId)).Select(b => b.Envelope).SingleAsync());
        Encoding.UTF8.GetString(envelope).ShouldNotContain("neighbourhood teams");
        Encoding.UTF8.GetString(envelope).ShouldNotContain("380000");
        var trail = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityId == bidId).Select(e => e.After ?? "").ToListAsync());
        trail.ShouldNotBeEmpty();
        trail.ShouldAllBe(t => !t.Contains("neighbourhood teams") && !t.Contains("380000") && !t.Contains("Envelope"));
    }

    [Fact]
    public async Task After_the_deadline_late_bids_are_refused_and_a_buyer_opens_the_bids_which_is_recorded()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var care = await SubmitAsync("care@anytown-community-care.example", tender, 400_000m, document: "Method statement");
        await SubmitAsync("hello@brightside.example", tender, 380_000m);
        await PassTheDeadlineAsync(tender);
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        using var evaluator = await app.ApiAsAsync("evaluator@anytown.example");

        using var late = await app.ApiAsAsync("bids@northgate-facilities.example");
        var refused = await late.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{tender.Id}/bids", Bid(tender.Tender, 300_000m));
        (await refused.ShouldBeProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain("late bids cannot be accepted");
        await (await evaluator.GetPathAsync(tender.Root + "/bids")).ShouldBeProblemAsync(409);
        (await evaluator.PostAsync(new Uri(tender.Root + "/bids/open", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var opened = await procurement.PostAsync(new Uri(tender.Root + "/bids/open", UriKind.Relative), null);
        (await opened.ReadJsonAsync()).GetProperty("bids").GetInt32().ShouldBe(2);
        (await evaluator.GetPathAsync(tender.Root + "/bids")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "nobody reads bids before declaring conflicts");
        (await evaluator.PostJsonAsync(tender.Root + "/evaluation/declaration", new { conflict = false })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var bids = await (await evaluator.GetPathAsync(tender.Root + "/bids")).ReadJsonAsync();

        bids.EnumerateArray().Select(b => (b.GetProperty("bidder").GetString(), b.GetProperty("totalPrice").GetDecimal()))
            .ShouldBe([("Anytown Community Care CIC", 400_000m), ("Brightside Family Support", 380_000m)], ignoreOrder: true);
        bids[0].GetProperty("content").GetProperty("answers")[0].GetProperty("text").GetString().ShouldBe(Secret);
        var document = await evaluator.GetPathAsync($"{tender.Root}/bids/{care}/documents/1");
        (await document.Content.ReadAsStringAsync()).ShouldBe("Method statement");
        document.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "bids-opened" && e.EntityId == tender.Id))).ShouldBe(1);
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        (await councillor.GetPathAsync(tender.Root + "/bids")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var bidder = await app.ApiAsAsync("care@anytown-community-care.example");
        (await (await bidder.GetPathAsync($"/api/v1/orgs/anytown/portal/bids/{care}/content")).ReadJsonAsync()).GetProperty("prices")[0].GetProperty("price").GetDecimal().ShouldBe(400_000m);
    }

    /// <summary>
    /// The audit trail records who bid (the actor, and the provider in what changed); read before the deadline, by
    /// the API, the page or its download, those entries name nobody; after it they read in full.
    /// </summary>
    [Fact]
    public async Task Before_the_deadline_the_audit_trail_does_not_say_who_has_bid()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var bid = await SubmitAsync("care@anytown-community-care.example", tender, 400_000m);
        using (var care = await app.ApiAsAsync("care@anytown-community-care.example"))
        {
            // The bidder's own early attempt to read its bid names the bidder too.
            (await care.GetPathAsync($"/api/v1/orgs/anytown/portal/bids/{bid}/content")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await care.PostAsync(new Uri($"/api/v1/orgs/anytown/portal/bids/{bid}/withdraw", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }

        var provider = (await app.WithDbAsync(db => db.Bids.IgnoreQueryFilters().Where(b => b.Id == Guid.Parse(bid)).Select(b => b.ProviderId).SingleAsync())).ToString();
        string[] giveaways = ["care@anytown-community-care.example", "Anytown Community Care", provider];
        using var administrator = await app.ApiAsAsync("administrator@anytown.example");
        using var browser = await app.SignInAsync("administrator@anytown.example");

        var entries = await (await administrator.GetPathAsync("/api/v1/orgs/anytown/audit?entityType=Bid&pageSize=500")).ReadJsonAsync();
        var ofTheBid = entries.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("entityId").GetString() == bid).ToList();
        ofTheBid.Select(e => e.GetProperty("action").GetString()).ShouldBe(["updated", "bid-withdrawn", "own-bid-read-refused", "created", "bid-submitted"], ignoreOrder: true);
        ofTheBid.ShouldAllBe(e => e.GetProperty("actor").GetString() == Placeshaper.Audit.AuditQueries.SealedActor && e.GetProperty("hash").GetString() == "");
        giveaways.Where(g => string.Join("\n", ofTheBid).Contains(g, StringComparison.Ordinal)).ShouldBeEmpty("the API");

        // The demo's earlier tenders, past their deadlines, name their bidders: only this bid's rows are looked at.
        var page = await (await browser.Http.GetAsync(new Uri("/o/anytown/audit?entityType=Bid", UriKind.Relative))).Content.ReadAsStringAsync();
        var rows = page.Split("<tr", StringSplitOptions.None).Where(r => r.Contains(Placeshaper.Audit.AuditQueries.SealedActor, StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBeGreaterThanOrEqualTo(5);
        giveaways.Where(g => rows.Any(r => r.Contains(g, StringComparison.Ordinal))).ShouldBeEmpty("the page");
        var download = await (await browser.Http.GetAsync(new Uri("/o/anytown/audit?handler=Download&format=csv&entityType=Bid", UriKind.Relative))).Content.ReadAsStringAsync();
        var lines = download.Split('\n').Where(l => l.Contains(bid, StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(5);
        giveaways.Where(g => lines.Any(l => l.Contains(g, StringComparison.Ordinal))).ShouldBeEmpty("the download");

        await PassTheDeadlineAsync(tender);
        var opened = await (await administrator.GetPathAsync("/api/v1/orgs/anytown/audit?entityType=Bid&action=bid-submitted&pageSize=500")).ReadJsonAsync();
        var submitted = opened.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("entityId").GetString() == bid);
        submitted.GetProperty("actor").GetString().ShouldNotBe(Placeshaper.Audit.AuditQueries.SealedActor);
        submitted.GetProperty("after").GetProperty("provider").GetString().ShouldBe(provider);
    }

    [Fact]
    public async Task Bidders_replace_and_withdraw_their_own_bids_before_the_deadline_and_never_see_anyone_elses()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var first = await SubmitAsync("care@anytown-community-care.example", tender, 400_000m);
        var second = await SubmitAsync("care@anytown-community-care.example", tender, 390_000m);
        var other = await SubmitAsync("hello@brightside.example", tender, 380_000m);
        using var care = await app.ApiAsAsync("care@anytown-community-care.example");

        var mine = await (await care.GetPathAsync("/api/v1/orgs/anytown/portal/bids")).ReadJsonAsync();
        mine.EnumerateArray().Where(b => b.GetProperty("tenderId").GetString() == tender.Id).Select(b => (b.GetProperty("id").GetString(), b.GetProperty("status").GetString())).ShouldBe([(second, "Submitted"), (first, "Replaced")], ignoreOrder: true);
        (await care.GetPathAsync($"/api/v1/orgs/anytown/portal/bids/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await care.GetPathAsync($"/api/v1/orgs/anytown/portal/bids/{other}/content")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await care.PostAsync(new Uri($"/api/v1/orgs/anytown/portal/bids/{other}/withdraw", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await care.GetPathAsync($"{tender.Root}/bids/received")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var withdrawn = await (await care.PostAsync(new Uri($"/api/v1/orgs/anytown/portal/bids/{second}/withdraw", UriKind.Relative), null)).ReadJsonAsync();
        withdrawn.GetProperty("status").GetString().ShouldBe("Withdrawn");
        await (await care.PostAsync(new Uri($"/api/v1/orgs/anytown/portal/bids/{second}/withdraw", UriKind.Relative), null)).ShouldBeProblemAsync(409);
        (await app.WithDbAsync(db => db.Bids.Where(b => b.Id == Guid.Parse(first) || b.Id == Guid.Parse(second)).Select(b => b.Envelope.Length).ToListAsync())).ShouldAllBe(l => l == 0);
        await PassTheDeadlineAsync(tender);
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        (await procurement.PostAsync(new Uri(tender.Root + "/bids/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await procurement.PostJsonAsync(tender.Root + "/evaluation/declaration", new { conflict = false })).EnsureSuccessStatusCode();
        var bids = await (await procurement.GetPathAsync(tender.Root + "/bids")).ReadJsonAsync();
        bids.EnumerateArray().Select(b => b.GetProperty("id").GetString()).ShouldBe([other]);
        await (await procurement.GetPathAsync($"{tender.Root}/bids/{second}")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Bids_from_one_provider_arriving_at_once_leave_one_live_bid_and_never_a_server_error()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        using var provider = await app.ApiAsAsync("care@anytown-community-care.example");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{tender.Id}/bids", Bid(tender.Tender, 400_000m + i))));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Bids.CountAsync(b => b.TenderId == Guid.Parse(tender.Id) && b.Status == Placeshaper.Bids.BidStatus.Submitted))).ShouldBe(1);

        // The unique index is what settles a race, on either database, and is recognised as such.
        var live = await app.WithDbAsync(db => db.Bids.SingleAsync(b => b.TenderId == Guid.Parse(tender.Id) && b.Status == Placeshaper.Bids.BidStatus.Submitted));
        var refused = await app.WithDbAsync(async db =>
        {
            var keys = app.Services.GetRequiredService<Placeshaper.Bids.SealingKeys>();
            db.Bids.Add(Placeshaper.Bids.Bid.Seal(live.OrganisationId, live.TenderId, live.ProviderId, live.SubmittedBy, [1, 2, 3], keys, DateTime.UtcNow));
            try
            {
                await db.SaveChangesAsync();
                return false;
            }
            catch (DbUpdateException exception)
            {
                return Placeshaper.Data.UniqueViolations.Is(exception);
            }
        });
        refused.ShouldBeTrue();
    }

    [Fact]
    public async Task A_bid_with_mistakes_is_refused_naming_each_field()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        using var provider = await app.ApiAsAsync("care@anytown-community-care.example");
        var questions = tender.Tender.GetProperty("questions");

        var response = await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{tender.Id}/bids", new
        {
            prices = new object[] { new { lotId = Guid.NewGuid(), price = 0m }, new { lotId = tender.Tender.GetProperty("lots")[1].GetProperty("id").GetString(), price = 10.001m } },
            answers = new[] { new { questionId = questions[0].GetProperty("id").GetString(), text = "" } },
            documents = new[] { new { fileName = "virus.exe", content = "AAAA" } },
        });

        var errors = (await response.ShouldBeProblemAsync(400)).GetProperty("errors");
        foreach (var field in new[] { "prices[0].lotId", "prices[0].price", "prices[1].price", "answers[0].text", $"answers.{questions[1].GetProperty("id").GetString()}", "documents[0].fileName" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        (await app.WithDbAsync(db => db.Bids.CountAsync(b => b.TenderId == Guid.Parse(tender.Id)))).ShouldBe(0);
    }

    [Fact]
    public async Task Drafts_do_not_exist_for_bidders()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var drafted = await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference = "D-" + Guid.NewGuid().ToString("N")[..8], title = "Draft", kind = "GoodsAndServices", estimatedValue = 10_000m })).ReadJsonAsync();
        using var provider = await app.ApiAsAsync("care@anytown-community-care.example");

        (await provider.GetPathAsync($"/api/v1/orgs/anytown/portal/tenders/{drafted.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{drafted.GetProperty("id").GetString()}/bids", new { prices = new[] { new { price = 1m } } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await provider.GetPathAsync("/api/v1/orgs/anytown/portal/tenders")).ReadJsonAsync();
        list.EnumerateArray().ShouldAllBe(t => t.GetProperty("id").GetString() != drafted.GetProperty("id").GetString());
    }
}

public sealed class SealedBidsTestsOnSqlite(SqliteApp app) : SealedBidsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SealedBidsTestsOnPostgres(PostgresApp app) : SealedBidsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
