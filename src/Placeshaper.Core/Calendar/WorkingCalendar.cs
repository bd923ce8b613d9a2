using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Calendar;

/// <summary>
/// Working days and standstill dates for other features to ask about, from the bank holidays loaded on the
/// installation. Scoped: the holidays are read from the database once per request (or CLI verb) and reused.
/// </summary>
public sealed class WorkingCalendar(PlaceshaperDb db)
{
    private WorkingDays? days;

    public async Task<WorkingDays> DaysAsync(CancellationToken cancellationToken) =>
        days ??= new WorkingDays(await db.BankHolidays.AsNoTracking().Select(h => new HolidayDate(h.Division, h.Date)).ToListAsync(cancellationToken));

    /// <summary>When a standstill beginning with <paramref name="published"/> ends, and any warning about missing bank holidays.</summary>
    public async Task<Standstill.Period> StandstillEndsAsync(DateOnly published, CancellationToken cancellationToken) =>
        Standstill.For(published, await DaysAsync(cancellationToken));

    /// <summary>The loaded bank holidays, by division and date, for people to check.</summary>
    public static async Task<IReadOnlyList<BankHoliday>> ListAsync(PlaceshaperDb db, CancellationToken cancellationToken)
    {
        var rows = await db.BankHolidays.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(h => Divisions.All.ToList().IndexOf(h.Division)).ThenBy(h => h.Date).ToList();
    }
}
