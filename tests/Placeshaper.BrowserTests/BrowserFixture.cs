using Microsoft.Playwright;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.BrowserTests;

/// <summary>
/// The real application (SQLite, demo data) and a real headless Chromium from the operating system's packages,
/// driven by Playwright; nothing is downloaded.
/// </summary>
public sealed partial class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "PLACESHAPER_TEST_CHROMIUM";

    private IPlaywright? playwright;

    public SqliteApp App { get; } = new();

    public IBrowser? Browser { get; private set; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public async ValueTask InitializeAsync()
    {
        if (!ChromiumAvailable)
        {
            return;
        }

        await App.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) on the app; CSP is bypassed only so that axe-core can be injected.</summary>
    public async Task<IPage> NewPageAsync()
    {
        TestEnvironment.SkipUnless(ChromiumAvailable, $"Browser tests need Chromium at {ChromiumPath} (apt-get install chromium, or set {ChromiumVariable})");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        // Generous: CI runs both test assemblies at once on two cores.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in through the sign-in form as a demo person, landed on their organisation.</summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Placeshaper.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForPageAsync(OrganisationPage());
        return page;
    }

    [System.Text.RegularExpressions.GeneratedRegex("/o/[^/?#]+")]
    private static partial System.Text.RegularExpressions.Regex OrganisationPage();

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
