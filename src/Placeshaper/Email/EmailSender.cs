using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Email;

/// <summary>
/// Sends what is in the outbox every few seconds and deletes each email once it has gone, so that addresses are not
/// kept. An email that fails is tried again up to <see cref="MaxAttempts"/> times, then left for an operator to see.
/// </summary>
public sealed partial class EmailSender(IServiceScopeFactory scopes, EmailSettings settings, TimeProvider clock, ILogger<EmailSender> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private const int Batch = 50;

    /// <summary>Sends what is waiting, as the operator; returns how many were sent.</summary>
    public static async Task<int> SendWaitingAsync(IServiceScopeFactory scopes, EmailSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        if (settings.Delivery == EmailDelivery.None)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsOperator("email delivery");
        var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
        var waiting = await db.OutboundEmails.Where(e => e.Attempts < MaxAttempts).OrderBy(e => e.CreatedAt).Take(Batch).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        if (settings.Delivery == EmailDelivery.Pickup)
        {
            Directory.CreateDirectory(settings.PickupDirectory);
        }

        using var client = settings.Delivery == EmailDelivery.Smtp
            ? new SmtpClient(settings.SmtpHost, settings.SmtpPort) { DeliveryMethod = SmtpDeliveryMethod.Network, EnableSsl = settings.SmtpPort != 25 }
            : new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Path.GetFullPath(settings.PickupDirectory) };
        var sent = 0;
        foreach (var email in waiting)
        {
            try
            {
                using var message = new MailMessage(settings.From, email.To, email.Subject, email.Body);
                await client.SendMailAsync(message, cancellationToken);
                db.OutboundEmails.Remove(email);
                sent++;
            }
            catch (Exception e) when (e is SmtpException or IOException or FormatException or InvalidOperationException)
            {
                email.Failed();
                SendFailed(logger, email.Id, email.Attempts, e);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Delivery == EmailDelivery.None)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendWaitingAsync(scopes, settings, logger, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; serving pages must not stop because mail is down.
                Failed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {EmailId} failed (attempt {Attempts})")]
    private static partial void SendFailed(ILogger logger, Guid emailId, int attempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the outbox failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
