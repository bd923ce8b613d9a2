using System.Globalization;
using Placeshaper.Calendar;

namespace Placeshaper.Tenders.Timetable;

/// <summary>
/// Warnings, never errors, about a tender's timetable against the minimum periods loaded: the officer may have a lawful
/// reason for a shorter period (GOV.UK "Guidance: Time Periods", para 6: the minimums are reduced in a state of urgency
/// or after a qualifying planned procurement notice, which Placeshaper does not record). Pure.
/// </summary>
public static class TimetableWarnings
{
    public const string NoneLoaded =
        "No minimum periods are loaded, so Placeshaper cannot check this timetable against the Procurement Act 2023 (s.54). An administrator can import them from legislation.gov.uk with `placeshaper import minimum-periods FILE`.";

    /// <summary>
    /// The tendering period runs from the day the tender is published (today, for a draft) to the day bids close,
    /// the day of publication not counted; both are UK dates.
    /// </summary>
    public static IReadOnlyList<string> For(
        Route route, ContractKind kind, DateOnly startsOn, bool draft, DateOnly? closesOn, IReadOnlyList<MinimumPeriod> periods, WorkingDays days)
    {
        // s.54's minimums are for competitive tendering procedures; below-threshold routes have none to check.
        if (route is not (Route.OpenProcedure or Route.CompetitiveFlexible) || closesOn is not { } closes)
        {
            return [];
        }

        if (periods.Count == 0)
        {
            return [NoneLoaded];
        }

        var wanted = kind == ContractKind.LightTouchServices ? MinimumPeriod.LightTouch : MinimumPeriod.Standard;
        var inForce = periods.Where(p => p.Route == route && p.Period == MinimumPeriod.Tendering && p.AppliesFrom <= startsOn && (p.AppliesTo is null || p.AppliesTo >= startsOn)).ToList();
        var row = inForce.Where(p => p.CaseCode == wanted).OrderByDescending(p => p.AppliesFrom).FirstOrDefault()
            ?? inForce.Where(p => p.CaseCode == MinimumPeriod.Standard).OrderByDescending(p => p.AppliesFrom).FirstOrDefault();
        var procedure = route == Route.OpenProcedure ? "an open procedure" : "a competitive flexible procedure";
        if (row is null)
        {
            return [string.Create(CultureInfo.InvariantCulture, $"No minimum tendering period is loaded for {procedure} commenced on {startsOn:d MMMM yyyy}, so Placeshaper cannot check this timetable. An administrator can import it with `placeshaper import minimum-periods FILE`.")];
        }

        var warnings = new List<string>();
        var working = row.Counting == MinimumPeriod.Working;
        var length = working ? days.CountAfter(startsOn, closes) : closes.DayNumber - startsOn.DayNumber;
        if (working)
        {
            warnings.AddRange(days.Warnings(startsOn, closes < startsOn ? startsOn : closes));
        }

        if (length < row.MinimumDays)
        {
            var unit = working ? "working days" : "days";
            var from = draft ? "today, if it were published today" : "the day the tender was published";
            var which = row.CaseCode == MinimumPeriod.Standard ? "" : $" ({row.CaseCode})";
            warnings.Insert(0, string.Create(
                CultureInfo.InvariantCulture,
                $"Bids close {length} {unit} after {from}; the minimum tendering period for {procedure}{which} is {row.MinimumDays} {unit} ({row.Source}). A shorter period is only lawful where s.54 allows it, for example after a qualifying planned procurement notice or in a state of urgency: record why."));
        }

        return warnings;
    }
}
