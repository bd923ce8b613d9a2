using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Intelligence;

/// <summary>
/// Erases residents' contact emails from their reports: on request, by the email address, everywhere in one
/// organisation (UK GDPR Article 17, right to erasure); and once they have been kept long enough, in every organisation
/// (Article 5(1)(e), storage limitation). The audit trail records that an erasure happened and how many reports it
/// touched, never the address: the trail can never be edited, so an address written there could never be erased.
/// </summary>
public sealed class EraseContactEmails(PlaceshaperDb db)
{
    /// <summary>How long a contact email is kept after its report is dealt with (moderated), unless configured otherwise.</summary>
    public const int DefaultRetentionDays = 180;

    public const int MaxRetentionDays = 3650;

    public sealed record Found(Guid Id, IntelligenceKind Kind, IntelligenceStatus Status, DateTime SubmittedAt, string Body);

    /// <summary>The organisation's reports that carry this contact email, matched without regard to case, newest first.</summary>
    public async Task<Result<IReadOnlyList<Found>>> FindAsync(Guid organisationId, string? email, CancellationToken cancellationToken)
    {
        if (Normalise(email) is not { } address)
        {
            return Errors.For("email", "Enter an email address in the correct format, like name@example.com");
        }

        var found = await MatchingAsync(organisationId, address, cancellationToken);
        return found.OrderByDescending(i => i.SubmittedAt).Select(i => new Found(i.Id, i.Kind, i.Status, i.SubmittedAt, i.Body)).ToList();
    }

    /// <summary>Erases the address from every report of the organisation that has it, and records how many: zero is recorded too, as the answer to the request.</summary>
    public async Task<Result<int>> OnRequestAsync(Guid organisationId, string? email, CancellationToken cancellationToken)
    {
        if (Normalise(email) is not { } address)
        {
            return Errors.For("email", "Enter an email address in the correct format, like name@example.com");
        }

        var items = await MatchingAsync(organisationId, address, cancellationToken);
        var erased = items.Count(i => i.EraseContactEmail());
        db.RecordDecision(new AuditDecision(organisationId, "contact-email-erased", nameof(IntelligenceItem), "on request", After: $"{{\"basis\":\"request\",\"items\":{erased}}}"));
        await db.SaveChangesAsync(cancellationToken);
        return erased;
    }

    /// <summary>
    /// Erases every contact email kept longer than <paramref name="days"/> after its report was moderated, in every
    /// organisation the caller may see (the operator sees all), with one audit decision per organisation. Reports still
    /// waiting for a moderator keep theirs: the resident may yet be asked about it.
    /// </summary>
    public async Task<int> ExpiredAsync(int days, CancellationToken cancellationToken)
    {
        var cutOff = db.Clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var items = await db.IntelligenceItems
            .Where(i => i.ContactEmail != null && i.ModeratedAt != null && i.ModeratedAt < cutOff)
            .ToListAsync(cancellationToken);
        foreach (var organisation in items.GroupBy(i => i.OrganisationId))
        {
            var erased = organisation.Count(i => i.EraseContactEmail());
            db.RecordDecision(new AuditDecision(
                organisation.Key,
                "contact-email-erased",
                nameof(IntelligenceItem),
                "retention",
                After: string.Create(CultureInfo.InvariantCulture, $"{{\"basis\":\"retention\",\"days\":{days},\"items\":{erased}}}")));
        }

        if (items.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return items.Count;
    }

    /// <summary>
    /// Compared here rather than in SQL, without regard to case as mail systems do, because SQLite's lower() knows only
    /// ASCII. Few reports carry an address at any time, since the retention rule erases them.
    /// </summary>
    private async Task<List<IntelligenceItem>> MatchingAsync(Guid organisationId, string address, CancellationToken cancellationToken) =>
        (await db.IntelligenceItems.Where(i => i.OrganisationId == organisationId && i.ContactEmail != null).ToListAsync(cancellationToken))
            .Where(i => string.Equals(i.ContactEmail!.Trim(), address, StringComparison.OrdinalIgnoreCase))
            .ToList();

    private static string? Normalise(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Trim().Length <= 256 && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)
            ? email.Trim()
            : null;
}
