using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>
/// Waiting for the page a form or link leads to, by polling the address and then the end of the document, never a
/// load state: when the navigation has already landed, Playwright's WaitForURLAsync waits for a load state instead,
/// and in CI on two cores Chromium has been seen never to report it ("network idle" fired, "load" never did).
/// </summary>
public static class PageWaits
{
    public static Task WaitForPageAsync(this IPage page, string glob) => page.WaitForPageAsync(new Regex("^" + Glob(glob) + "$"));

    public static async Task WaitForPageAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 45_000 });
        // The footer closes every page: once it is in the DOM, the document has been parsed to the end.
        await page.Locator("footer.govuk-template__footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Playwright's URL globs: <c>**</c> is anything, <c>*</c> anything but a slash.</summary>
    private static string Glob(string glob) =>
        string.Concat(glob.Split("**").Select(part => string.Join("[^/]*", part.Split('*').Select(Regex.Escape)))
            .Select((part, i) => i == 0 ? part : ".*" + part));
}
