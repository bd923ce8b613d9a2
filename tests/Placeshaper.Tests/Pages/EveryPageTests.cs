using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Pages;

/// <summary>Every page is reachable: each organisation page answers a member who holds every officer role.</summary>
public sealed class EveryPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_organisation_page_without_further_parameters_opens_for_a_member()
    {
        app.RequireDatabase();
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("o/{org}", StringComparison.Ordinal) && p.Count(c => c == '{') == 1)
            .Distinct()
            .ToList();
        using var api = await app.ApiAsAsync("administrator@anytown.example");
        // Councillors alone ask scrutiny questions.
        foreach (var role in new[] { "Commissioner", "FinanceOfficer", "Councillor" })
        {
            await api.PostJsonAsync("/api/v1/orgs/anytown/members", new { email = "administrator@anytown.example", roles = new[] { role } });
        }

        using var browser = await app.SignInAsync("administrator@anytown.example");
        // The supplier portal is for providers' users alone; officers are refused it.
        using var provider = await app.SignInAsync("care@anytown-community-care.example");

        pages.ShouldContain("o/{org}/areas");
        pages.ShouldContain("o/{org}/portal");
        pages.ShouldContain("o/{org}/contracts/payments");
        foreach (var page in pages)
        {
            var path = "/" + page.Replace("{org}", "anytown", StringComparison.Ordinal);
            var forProviders = page.StartsWith("o/{org}/portal", StringComparison.Ordinal);
            using var response = await (forProviders ? provider : browser).GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            if (forProviders)
            {
                (await browser.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, page);
            }
        }
    }
}
