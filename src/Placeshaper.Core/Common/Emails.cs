using System.Net.Mail;

namespace Placeshaper.Common;

/// <summary>What Placeshaper accepts as a person's email address: one plain address, with a dot in its domain.</summary>
public static class Emails
{
    public static bool IsValid(string email) =>
        email.Length is > 3 and <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);
}
