using System.Globalization;

namespace Placeshaper.Email;

public enum EmailDelivery
{
    /// <summary>Each email is written as an .eml file to a folder, for a mail server's pickup service or for reading in demos.</summary>
    Pickup,

    /// <summary>Each email is sent to an SMTP relay.</summary>
    Smtp,

    /// <summary>Emails stay in the outbox table, e.g. for tests that read them there.</summary>
    None,
}

/// <summary>
/// How Placeshaper sends email (<c>Placeshaper:Email:*</c>): by default as .eml files in <c>data/outbox</c>, so the
/// demo works without a mail server; production sets <c>Delivery=Smtp</c> with a relay's host and port.
/// </summary>
public sealed record EmailSettings(EmailDelivery Delivery, string PickupDirectory, string? SmtpHost, int SmtpPort, string From)
{
    public const string Section = "Placeshaper:Email";
    public const string DefaultPickupDirectory = "data/outbox";

    public static EmailSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var delivery = section["Delivery"] is { Length: > 0 } text
            ? Enum.TryParse<EmailDelivery>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:Delivery must be Pickup, Smtp or None, not '{text}'.")
            : EmailDelivery.Pickup;
        var port = section["SmtpPort"] is { Length: > 0 } portText
            ? int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                ? p
                : throw new InvalidOperationException($"{Section}:SmtpPort must be a port number, not '{portText}'.")
            : 25;
        var host = section["SmtpHost"];
        if (delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(host))
        {
            throw new InvalidOperationException($"{Section}:SmtpHost is needed when {Section}:Delivery is Smtp.");
        }

        return new EmailSettings(delivery, section["PickupDirectory"] is { Length: > 0 } folder ? folder : DefaultPickupDirectory, host, port,
            section["From"] is { Length: > 0 } from ? from : "no-reply@placeshaper.invalid");
    }
}
