using System.Threading.RateLimiting;

namespace Placeshaper.Hosting;

/// <summary>Abuse protection for forms anyone can use without an account.</summary>
public static class RateLimits
{
    public const string PublicForms = "public-forms";

    /// <summary>Submissions per address in each window: enough for a person, too few for a script.</summary>
    public const int PublicSubmissions = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public const string Calculators = "calculators";

    /// <summary>Calculations per address per minute: generous for people and scripts modelling what-ifs, a cap on abuse.</summary>
    public const int CalculationsPerMinute = 300;

    public static IServiceCollection AddPlaceshaperRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicForms, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = PublicSubmissions, Window = Window, QueueLimit = 0 }));
            options.AddPolicy(Calculators, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = CalculationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}
