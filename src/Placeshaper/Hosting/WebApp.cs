using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Demo;
using Placeshaper.Organisations;
using Placeshaper.People;

namespace Placeshaper.Hosting;

/// <summary>Builds the web application: the UI and the JSON API over one database. Used by <c>serve</c> and by the tests.</summary>
public static class WebApp
{
    public const string ApiScheme = "Placeshaper";

    /// <summary>Shared by every instance and the CLI so that they can read each other's protected data (cookies, tokens).</summary>
    public const string ApplicationName = "Placeshaper";

    public static WebApplication Build(PlaceshaperSettings settings, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The ceiling for any endpoint; RequestSizeLimit applies each endpoint's own, lower, limit.
            kestrel.Limits.MaxRequestBodySize = RequestSizeLimit.Ceiling;
        });

        // First, so that what a caller (a test) configures is seen by the registrations below.
        configure?.Invoke(builder);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (builder.Configuration["Placeshaper:KeysDirectory"] is { Length: > 0 } keys)
        {
            // Several instances behind a load balancer must share their keys, or cookies and forms fail between them.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddPlaceshaperDb(settings.ConnectionString);
        services.AddScoped<Viewer>();
        services.AddScoped<OrganisationContext>();
        services.AddScoped<DemoData>();
        services.AddScoped<AddMember>();
        services.AddScoped<IssueToken>();
        services.AddScoped<Programmes.StartProgramme>();
        services.AddScoped<Programmes.MoveProgramme>();
        services.AddScoped<Appraisals.DecideAppraisal>();
        services.AddScoped<Budgets.SetUpPooledBudget>();
        services.AddScoped<Areas.ImportAreas>();
        services.AddScoped<Areas.ImportPostcodes>();
        services.AddScoped<Calendar.ImportBankHolidays>();
        services.AddScoped<Calendar.WorkingCalendar>();
        services.AddScoped<Tenders.Timetable.ImportMinimumPeriods>();
        services.AddScoped<Tenders.Timetable.TimetableCheck>();
        services.AddScoped<Specifications.AgreeSpecification>();
        services.AddScoped<Needs.ImportIndicatorValues>();
        services.AddScoped<Needs.RecordIndicatorValue>();
        services.AddScoped<Intelligence.EraseContactEmails>();
        services.AddSingleton(Intelligence.ContactEmailRetentionSettings.From(builder.Configuration[Intelligence.ContactEmailRetentionSettings.Key]));
        services.AddHostedService<Intelligence.ContactEmailRetention>();
        services.AddSingleton(Tenders.Publication.OcdsSettings.From(builder.Configuration));
        services.AddScoped<Providers.SaveProvider>();
        services.AddScoped<Providers.ImportProviders>();
        services.AddScoped<SocialValue.ImportSocialValueMeasures>();
        services.AddSingleton(provider => Bids.SealingKeys.LoadOrCreate(
            builder.Configuration[Bids.SealingKeys.ConfigurationKey] is { Length: > 0 } file ? file : Bids.SealingKeys.DefaultFile, provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<Bids.SubmitBid>();
        services.AddScoped<Bids.SealedBids>();
        services.AddScoped<Evaluation.DecideAward>();
        services.AddScoped<Evaluation.CheckSuppliers>();
        services.AddScoped<Providers.RegisterSupplier>();
        services.AddScoped<Reviews.WriteReview>();
        services.AddScoped<Scrutiny.AskQuestion>();
        services.AddSingleton(Email.EmailSettings.Read(builder.Configuration));
        services.AddHostedService<Email.EmailSender>();
        services.AddScoped<Contracts.SaveContract>();
        services.AddScoped<Contracts.Delivery.ContractDelivery>();
        services.AddScoped<Contracts.Delivery.ImportObservations>();
        services.AddScoped<Contracts.ImportContracts>();
        services.AddScoped<Contracts.VaryContract>();
        services.AddScoped<Contracts.ManageContractRisks>();
        services.AddScoped<Spend.ImportSpend>();
        services.AddScoped<Clarifications.Clarify>();
        services.AddScoped<Benchmarks.ShareBenchmarks>();
        services.AddScoped<Benchmarks.ImportBenchmarks>();
        services.AddScoped<Areas.SetContractAreas>();
        services.AddScoped<Programmes.ReviewProgramme>();
        services.AddScoped<Spend.ResolveSuppliers>();
        services.AddScoped<Spend.DecideSupplier>();
        services.AddScoped<SocialValue.Delivery.SocialValueDelivery>();
        services.AddScoped<Spend.MapSpendCategories>();
        services.AddScoped<Spend.AcceptSpendCategorySuggestions>();

        AddAuthentication(builder);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiScheme, policy => policy.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "placeshaper.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/";
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToFolder("/Public");
            });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;

            // JSON responses are never embedded in HTML, so "£" and "−" can be written as themselves.
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddOpenApi("v1", OpenApiSetup.Configure);
        services.AddPlaceshaperRateLimits();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void AddAuthentication(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPlaceshaperIdentity().AddSignInManager();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        var authentication = services.AddAuthentication(options =>
            {
                // API calls carrying an Authorization header use a bearer token; everything else, pages included, the session cookie.
                options.DefaultScheme = ApiScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(ApiScheme, "Bearer token or session", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie?.Configure(options =>
            {
                options.Cookie.Name = CrossSiteApiCalls.SessionCookie;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/sign-out";
                options.AccessDeniedPath = "/errors/403";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            });
        });
        OpenIdConnectSignIn.AddIfConfigured(authentication, builder.Configuration);
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static void Configure(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<PlaceshaperSettings>();
        var enGb = new CultureInfo("en-GB");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(enGb),
            SupportedCultures = [enGb],
            SupportedUICultures = [enGb],
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/errors/other",
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeLimit>(settings.MaxRequestBodyBytes);
        app.UseMiddleware<CrossSiteApiCalls>();
        app.UseAuthentication();
        app.UseMiddleware<ViewerMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<OrganisationGate>();
        app.UseAntiforgery();

        app.MapRazorPages();
        ApiEndpoints.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.SwaggerEndpoint("/openapi/v1.json", "Placeshaper API v1");
            options.DocumentTitle = "Placeshaper API reference";
        });
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}
