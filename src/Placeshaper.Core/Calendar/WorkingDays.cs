using System.Globalization;

namespace Placeshaper.Calendar;

/// <summary>A bank holiday as the working-day rules need it: the part of the UK it is in, and its date.</summary>
public sealed record HolidayDate(string Division, DateOnly Date);

/// <summary>
/// Working days as the Procurement Act 2023 counts them. Section 123 defines a "working day" as a day other than a
/// Saturday or Sunday, Christmas Day, Good Friday, or a bank holiday under the Banking and Financial Dealings Act 1971
/// in <em>any</em> part of the United Kingdom: so a Scottish or Northern Irish bank holiday stops the count for an
/// English council too, and the holidays used are the union of every division's. Christmas Day and Good Friday are
/// named by the Act itself (in England and Wales they are common-law holidays, not 1971 Act bank holidays), so they
/// are never working days whether or not any bank holidays are loaded; Good Friday comes from the date of Easter.
/// Pure: no database, no clock.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<(string Division, int Year)> loaded;

    public WorkingDays(IEnumerable<HolidayDate> bankHolidays)
    {
        var all = bankHolidays.ToList();
        holidays = all.Select(h => h.Date).ToHashSet();
        loaded = all.Select(h => (h.Division, h.Date.Year)).ToHashSet();
    }

    /// <summary>No bank holidays at all: weekends, Christmas Day and Good Friday only.</summary>
    public static WorkingDays WithoutBankHolidays { get; } = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !(day.Month == 12 && day.Day == 25)
        && day != GoodFriday(day.Year)
        && !holidays.Contains(day);

    /// <summary>
    /// The <paramref name="n"/>th working day of a period "beginning with" <paramref name="first"/>: the first day
    /// counts as day 1 when it is a working day; when it is not, day 1 is the next working day.
    /// </summary>
    public DateOnly NthWorkingDayBeginningWith(DateOnly first, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var day = first;
        var counted = 0;
        while (true)
        {
            if (IsWorkingDay(day) && ++counted == n)
            {
                return day;
            }

            day = day.AddDays(1);
        }
    }

    /// <summary>Working days after <paramref name="from"/>, up to and including <paramref name="to"/> (0 when to is not later).</summary>
    public int CountAfter(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// The years from <paramref name="from"/> to <paramref name="to"/> for which some part of the UK has no bank
    /// holidays loaded, each with the divisions missing. A count across such a year may come out too short.
    /// </summary>
    public IReadOnlyList<(int Year, IReadOnlyList<string> Divisions)> MissingYears(DateOnly from, DateOnly to)
    {
        var missing = new List<(int, IReadOnlyList<string>)>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            var divisions = Divisions.All.Where(d => !loaded.Contains((d, year))).ToList();
            if (divisions.Count > 0)
            {
                missing.Add((year, divisions));
            }
        }

        return missing;
    }

    /// <summary>
    /// What to tell people before they rely on a count from <paramref name="from"/> to <paramref name="to"/>: one
    /// sentence for each year with bank holidays missing, or none.
    /// </summary>
    public IReadOnlyList<string> Warnings(DateOnly from, DateOnly to) =>
        MissingYears(from, to).Select(m => string.Create(
            CultureInfo.InvariantCulture,
            $"No bank holidays {(m.Divisions.Count == Divisions.All.Count ? "" : $"for {string.Join(" or ", m.Divisions.Select(Divisions.Name))} ")}are loaded for {m.Year}: import GOV.UK's bank-holidays.json (placeshaper import bank-holidays FILE), or working days that year are counted as if there were none.")).ToList();

    public static DateOnly GoodFriday(int year) => EasterSunday(year).AddDays(-2);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
