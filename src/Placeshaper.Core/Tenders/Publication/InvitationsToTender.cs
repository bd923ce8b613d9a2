using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Tenders.Publication;

/// <summary>
/// The list of invitations to tender that the Local Government Transparency Code 2015 (DCLG, February 2015), Part 2,
/// "Procurement information", asks councils to publish every quarter: each invitation to tender for goods and/or
/// services with a value over £5,000, with its reference number, title, description of the goods and/or services
/// sought, start, end and review dates, and the department responsible. The same list is restated in MHCLG's
/// "Guidance for reconciling publication requirements of the Procurement Act 2023 and the Local Government
/// Transparency Code 2015" (updated 29 January 2025).
/// </summary>
public static class InvitationsToTender
{
    /// <summary>The Code's threshold: invitations with a value that exceeds £5,000 (Placeshaper's values include VAT).</summary>
    public const decimal Threshold = 5_000m;

    /// <summary>
    /// One invitation. The Code does not define its dates: Placeshaper takes the start as the day the invitation was
    /// published and the end as the deadline for bids, and records no review date or department for a tender yet, so
    /// those stay empty rather than guessed.
    /// </summary>
    public sealed record Row(
        Guid TenderId, string Reference, string Title, string Description, DateOnly StartDate, DateOnly? EndDate, DateOnly? ReviewDate,
        string DepartmentResponsible, decimal EstimatedValue, Route Route, string? Programme);

    /// <summary>Only invitations that went out: published tenders over the threshold, oldest first.</summary>
    public static bool Listed(TenderStatus status, decimal estimatedValue) => status == TenderStatus.Published && estimatedValue > Threshold;

    public static async Task<IReadOnlyList<Row>> ListAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var published = await db.Tenders.AsNoTracking()
            .Where(t => t.OrganisationId == organisationId && t.Status == TenderStatus.Published)
            .Select(t => new
            {
                t.Id,
                t.Reference,
                t.Title,
                t.Description,
                t.Status,
                t.EstimatedValue,
                t.Route,
                t.PublishedAt,
                t.SubmissionDeadline,
                Programme = db.Programmes.Where(p => p.Id == t.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Money is stored as pence, so the threshold is applied here rather than in SQL.
        return published.Where(t => Listed(t.Status, t.EstimatedValue))
            .OrderBy(t => t.PublishedAt)
            .Select(t => new Row(
                t.Id, t.Reference, t.Title, t.Description, UkDate(t.PublishedAt!.Value), t.SubmissionDeadline is { } end ? UkDate(end) : null, null,
                "", t.EstimatedValue, t.Route, t.Programme))
            .ToList();
    }

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The day in the UK: a deadline at 00:30 BST is on the day bidders see, not the UTC day before.</summary>
    private static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime));
}
