using Placeshaper.Specifications;

namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// The reporting periods of a KPI, named by their first day: a calendar month, a quarter of the UK financial year
/// (April, July, October, January) or a financial year from 1 April. Payment schedules use the same periods.
/// </summary>
public static class KpiPeriods
{
    /// <summary>The first day of the period that contains <paramref name="date"/>.</summary>
    public static DateOnly StartOf(KpiFrequency frequency, DateOnly date) => frequency switch
    {
        KpiFrequency.Monthly => new DateOnly(date.Year, date.Month, 1),
        KpiFrequency.Quarterly => new DateOnly(date.Year, date.Month - ((date.Month - 1) % 3), 1),
        _ => date.Month >= 4 ? new DateOnly(date.Year, 4, 1) : new DateOnly(date.Year - 1, 4, 1),
    };

    public static int Months(KpiFrequency frequency) => frequency switch
    {
        KpiFrequency.Monthly => 1,
        KpiFrequency.Quarterly => 3,
        _ => 12,
    };

    /// <summary>The last day of the period that starts on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(KpiFrequency frequency, DateOnly start) => start.AddMonths(Months(frequency)).AddDays(-1);

    public static bool IsStart(KpiFrequency frequency, DateOnly date) => StartOf(frequency, date) == date;

    /// <summary>Every period that starts from <paramref name="from"/>'s period to <paramref name="to"/>'s, in order.</summary>
    public static IReadOnlyList<DateOnly> Between(KpiFrequency frequency, DateOnly from, DateOnly to)
    {
        var periods = new List<DateOnly>();
        for (var start = StartOf(frequency, from); start <= to && periods.Count < 1200; start = start.AddMonths(Months(frequency)))
        {
            periods.Add(start);
        }

        return periods;
    }

    /// <summary>"April 2026", "Q1 2026/27 (April to June 2026)", "2026/27".</summary>
    public static string Name(KpiFrequency frequency, DateOnly start) => frequency switch
    {
        KpiFrequency.Monthly => start.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
        KpiFrequency.Quarterly => $"{start.ToString("MMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} to {EndOf(frequency, start).ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}",
        _ => $"{start.Year}/{(start.Year + 1) % 100:00}",
    };

    /// <summary>Checks that <paramref name="date"/> starts a period, with a message that names the right date.</summary>
    public static string? Check(KpiFrequency frequency, DateOnly date) =>
        IsStart(frequency, date)
            ? null
            : $"{date:yyyy-MM-dd} does not start a {frequency.ToString().ToLowerInvariant()} period: give {StartOf(frequency, date):yyyy-MM-dd}, the first day of the period it falls in";
}
