using Microsoft.EntityFrameworkCore;
using Placeshaper.Calendar;
using Placeshaper.Data;

namespace Placeshaper.Tenders.Timetable;

/// <summary>A tender's timetable warnings, from the minimum periods and bank holidays loaded on the installation.</summary>
public sealed class TimetableCheck(PlaceshaperDb db, WorkingCalendar calendar)
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private IReadOnlyList<MinimumPeriod>? periods;

    public async Task<IReadOnlyList<string>> WarningsAsync(Tender tender, DateTime now, CancellationToken cancellationToken)
    {
        periods ??= await db.MinimumPeriods.AsNoTracking().ToListAsync(cancellationToken);
        var startsOn = UkDate(tender.PublishedAt ?? now);
        var closesOn = tender.SubmissionDeadline is { } deadline ? UkDate(deadline) : (DateOnly?)null;
        return TimetableWarnings.For(tender.Route, tender.Kind, startsOn, tender.IsDraft, closesOn, periods, await calendar.DaysAsync(cancellationToken));
    }

    /// <summary>Deadlines are stored in UTC but bidders read them, and periods are counted, in UK dates.</summary>
    public static DateOnly UkDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime));
}
