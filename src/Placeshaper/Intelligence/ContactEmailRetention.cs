using System.Globalization;
using Placeshaper.Data;

namespace Placeshaper.Intelligence;

/// <summary>
/// How many days a resident's contact email is kept after their report is moderated
/// (<c>Placeshaper:ContactEmailRetentionDays</c>, default 180). Shown on the public form, and applied by
/// <see cref="ContactEmailRetention"/>, by <c>serve</c> as it starts and by <c>placeshaper intelligence erase-expired</c>.
/// </summary>
public sealed record ContactEmailRetentionSettings(int Days)
{
    public const string Key = "Placeshaper:ContactEmailRetentionDays";

    /// <summary>The same setting as an environment variable, which the command-line verb reads too.</summary>
    public const string EnvironmentVariable = "Placeshaper__ContactEmailRetentionDays";

    /// <summary>Reads the setting; a value that is not a whole number of days from 1 to 3650 stops the program with a message naming it.</summary>
    public static ContactEmailRetentionSettings From(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new(EraseContactEmails.DefaultRetentionDays);
        }

        return int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= EraseContactEmails.MaxRetentionDays
            ? new(days)
            : throw new InvalidOperationException($"{Key} must be a whole number of days from 1 to {EraseContactEmails.MaxRetentionDays}, not '{configured}'.");
    }
}

/// <summary>
/// Erases contact emails kept past the retention period once a day while Placeshaper runs, and what residents'
/// reviews keep of who wrote them once the review rules no longer need it (<see cref="Reviews.ForgetReviewers"/>); <c>serve</c> also does it
/// as it starts (<see cref="RunOnceAsync"/>), and operators may schedule <c>placeshaper intelligence erase-expired</c>.
/// Every instance may run it: a second run finds nothing left to erase.
/// </summary>
public sealed partial class ContactEmailRetention(IServiceScopeFactory scopes, ContactEmailRetentionSettings settings, TimeProvider clock, ILogger<ContactEmailRetention> logger)
    : BackgroundService
{
    /// <summary>Erases what has expired, as the operator (every organisation), and returns how many reports it changed.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, int days, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsOperator("contact email retention");
        var erased = await scope.ServiceProvider.GetRequiredService<EraseContactEmails>().ExpiredAsync(days, cancellationToken);

        // Residents' reviews keep hashes of who wrote them only while the review rules need them (ForgetReviewers).
        await Reviews.ForgetReviewers.ExpiredAsync(scope.ServiceProvider.GetRequiredService<PlaceshaperDb>(), cancellationToken);
        return erased;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var daily = new PeriodicTimer(TimeSpan.FromDays(1), clock);
        while (await daily.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var erased = await RunOnceAsync(scopes, settings.Days, stoppingToken);
                if (erased > 0)
                {
                    Erased(logger, erased, settings.Days);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next day's run tries again; serving pages must not stop because of it.
                Failed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the contact email from {Count} report(s) moderated more than {Days} days ago")]
    private static partial void Erased(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasing expired contact emails failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
