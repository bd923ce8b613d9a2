using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Demo;
using Placeshaper.Hosting;
using Placeshaper.People;

namespace Placeshaper.Tests.Infrastructure;

/// <summary>
/// The real application on Kestrel at a free loopback port, over a fresh database with the Anytown demo data:
/// requests go through the whole HTTP pipeline exactly as in production.
/// </summary>
public abstract partial class TestApp(DatabaseProvider provider, bool demoMode = true) : IAsyncLifetime
{
    private TestDatabase? database;
    private WebApplication? app;

    public DatabaseProvider Provider => provider;

    public bool IsAvailable => TestDatabase.IsAvailable(provider);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string ConnectionString => database?.ConnectionString ?? throw new InvalidOperationException("The database was not created.");

    /// <summary>This app's own sealing keys, created on first use and deleted with the app.</summary>
    public string SealingKeyFile { get; } = Path.Combine(Path.GetTempPath(), $"placeshaper-sealing-keys-{Guid.NewGuid():N}");

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The app did not start.");

    /// <summary>Call first in every test: skips (or, in CI, fails) when this provider's database is not available.</summary>
    public void RequireDatabase() => TestEnvironment.SkipUnless(IsAvailable, TestDatabase.UnavailableReason(provider));

    public async ValueTask InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        await BeforeStartAsync();
        database = await TestDatabase.CreateAsync(provider);
        app = WebApp.Build(new PlaceshaperSettings(provider, database.ConnectionString, demoMode), ["--urls", "http://127.0.0.1:0", "--environment", "Testing"], ConfigureBuilder);
        await using (var scope = OperatorScope("test setup"))
        {
            await Migrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlaceshaperDb>());
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    protected virtual ValueTask AfterStopAsync() => ValueTask.CompletedTask;

    /// <summary>Subclasses start what the app depends on, e.g. a fake identity provider.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Subclasses add configuration, e.g. single sign-on against a fake provider.</summary>
    protected virtual void ConfigureBuilder(WebApplicationBuilder builder)
    {
        builder.Configuration[Placeshaper.Bids.SealingKeys.ConfigurationKey] = SealingKeyFile;

        // Tests read confirmation links from the outbox table, so nothing sends them away.
        builder.Configuration[Placeshaper.Email.EmailSettings.Section + ":Delivery"] = nameof(Placeshaper.Email.EmailDelivery.None);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
    }

    /// <summary>The server's warnings and errors, for assertion messages.</summary>
    public CapturedLogs Logs { get; } = new();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        File.Delete(SealingKeyFile);
        await AfterStopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A service scope acting as the operator (sees every organisation), for arranging and inspecting data.</summary>
    public AsyncServiceScope OperatorScope(string what = "test")
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsOperator(what);
        return scope;
    }

    public async Task<T> WithDbAsync<T>(Func<PlaceshaperDb, Task<T>> work)
    {
        await using var scope = OperatorScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlaceshaperDb>());
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>An API client acting as <paramref name="email"/> through a freshly issued bearer token.</summary>
    public async Task<HttpClient> ApiAsAsync(string email, string? onlyOrganisation = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync(email, onlyOrganisation));
        return client;
    }

    public async Task<string> IssueTokenAsync(string email, string? onlyOrganisation = null, int days = 1)
    {
        await using var scope = OperatorScope("issue test token");
        var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
        var person = await scope.ServiceProvider.GetRequiredService<UserManager<Person>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException("No person " + email);
        var viewer = new Viewer();
        await ViewerLoader.LoadAsync(db, viewer, person.Id, null, null, CancellationToken.None);
        var issued = await scope.ServiceProvider.GetRequiredService<IssueToken>().HandleAsync(viewer, "test", onlyOrganisation, days, CancellationToken.None);
        return issued.Value.Secret;
    }

    /// <summary>A browser-like client (cookies, antiforgery tokens from forms) signed in through the sign-in page.</summary>
    public async Task<BrowserClient> SignInAsync(string email, string password = DemoData.Password)
    {
        var browser = new BrowserClient(BaseAddress);
        var response = await browser.PostFormAsync("/sign-in", "/sign-in", new() { ["email"] = email, ["password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return browser;
    }

    public async Task<Guid> PersonIdAsync(string email) =>
        await WithDbAsync(db => db.Users.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    public async Task<Guid> OrganisationIdAsync(string slug) =>
        await WithDbAsync(db => db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());
}

/// <summary>An HTTP client that keeps cookies and fills in antiforgery tokens the way a browser submitting a form does.</summary>
public sealed partial class BrowserClient(Uri baseAddress) : IDisposable
{
    private readonly CookieContainer cookies = new();
    private HttpClient? client;

    public HttpClient Http => client ??= new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetHtmlAsync(string path)
    {
        using var response = await GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var html = await GetHtmlAsync(formPage);
        var token = AntiforgeryField().Match(html);
        if (token.Success)
        {
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        return await Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then uploads a file with <paramref name="fields"/> as multipart form data.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string formPage, string action, string fileName, byte[] file, Dictionary<string, string>? fields = null)
    {
        var html = await GetHtmlAsync(formPage);
        using var form = new MultipartFormDataContent();
        var token = AntiforgeryField().Match(html);
        if (token.Success)
        {
            form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        }

        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(file), "upload", fileName);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    public Task<HttpResponseMessage> PostFormWithoutTokenAsync(string action, Dictionary<string, string> fields) =>
        Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

    public void Dispose() => client?.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class SqliteApp() : TestApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : TestApp(DatabaseProvider.Postgres);
