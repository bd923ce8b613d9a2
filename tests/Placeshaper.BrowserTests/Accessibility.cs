using System.Text.Json;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Runs axe-core (vendored, see tools/frontend) against the page for WCAG 2.2 A and AA.</summary>
public static class Accessibility
{
    private static readonly string AxeScript = Path.Combine(AppContext.BaseDirectory, "Assets", "axe.min.js");

    public static async Task ShouldHaveNoViolationsAsync(this IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })");
        var violations = result.GetProperty("violations").EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target")[0].ToString()).Take(3)))
            .ToList();
        violations.ShouldBeEmpty($"axe-core found accessibility problems on {page.Url}:\n" + string.Join("\n", violations));
    }
}
