using System.CommandLine;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Intelligence;

/// <summary><c>placeshaper intelligence …</c>: housekeeping of what residents report, for operators to schedule.</summary>
public static class IntelligenceCommands
{
    public static Command Create()
    {
        var days = new Option<int?>("--days")
        {
            Description = $"Erase contact emails of reports moderated more than this many days ago. Default: ${ContactEmailRetentionSettings.EnvironmentVariable}, else {EraseContactEmails.DefaultRetentionDays}",
        };
        var eraseExpired = new Command("erase-expired", "Erase residents' contact emails kept past the retention period, in every organisation; schedule it daily (cron, a systemd timer).")
        {
            days,
        };
        eraseExpired.SetAction(async (parse, cancellationToken) =>
        {
            ContactEmailRetentionSettings retention;
            try
            {
                retention = parse.GetValue(days) is { } given
                    ? ContactEmailRetentionSettings.From(given.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    : ContactEmailRetentionSettings.From(Environment.GetEnvironmentVariable(ContactEmailRetentionSettings.EnvironmentVariable));
            }
            catch (InvalidOperationException problem)
            {
                await Console.Error.WriteLineAsync($"error: --days: {problem.Message}");
                return 2;
            }

            await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
            await using (var scope = services.OperatorScope("intelligence erase-expired"))
            {
                if (await OperatorServices.EnsureCurrentSchemaAsync(scope.ServiceProvider.GetRequiredService<PlaceshaperDb>(), cancellationToken) is { } schemaProblem)
                {
                    await Console.Error.WriteLineAsync(schemaProblem);
                    return 1;
                }
            }

            var erased = await ContactEmailRetention.RunOnceAsync(services.GetRequiredService<IServiceScopeFactory>(), retention.Days, cancellationToken);
            Console.WriteLine($"Erased the contact email from {erased} report(s) moderated more than {retention.Days} days ago.");
            return 0;
        });
        return new Command("intelligence", "What residents, councillors and providers report.") { eraseExpired };
    }
}
