using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders.Timetable;

namespace Placeshaper.Calendar;

/// <summary>
/// The installation's working-day calendar for administrators to check: the bank holidays loaded (by part of the UK
/// and year, with their source), the years missing, and the minimum periods tender timetables are checked against.
/// </summary>
[RequiresRole(Role.Administrator)]
public sealed class WorkingDaysModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string Slug => context.Slug;

    public IReadOnlyList<BankHoliday> Holidays { get; private set; } = [];

    public IReadOnlyList<MinimumPeriod> Periods { get; private set; } = [];

    /// <summary>Warnings for this year and next, when some part of the UK has no bank holidays loaded for them.</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Holidays = await WorkingCalendar.ListAsync(db, cancellationToken);
        Periods = (await db.MinimumPeriods.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(p => p.Route).ThenBy(p => p.Period).ThenBy(p => p.CaseCode, StringComparer.Ordinal).ThenBy(p => p.AppliesFrom).ToList();
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        Missing = new WorkingDays(Holidays.Select(h => new HolidayDate(h.Division, h.Date))).Warnings(today, today.AddYears(1));
    }

    /// <summary>The bank holidays loaded, as they are stored, with their source.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var holidays = await WorkingCalendar.ListAsync(db, cancellationToken);
        return new Exports.Table("bank holidays", ["division", "date", "title", "notes", "source", "imported_at"],
            holidays.Select(h => (IReadOnlyList<object?>)[h.Division, h.Date, h.Title, h.Notes, h.Source, h.ImportedAt]).ToList()).ToFile(format);
    }
}
