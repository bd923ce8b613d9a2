namespace Placeshaper.Tenders.Timetable;

/// <summary>
/// One of the Procurement Act 2023's minimum time limits (s.54, tables in subsections (3) and (4)), as an administrator
/// imported it, with its source. Placeshaper ships none: the day counts could not be checked against
/// legislation.gov.uk when this was built (see docs/adr/0017-working-days-and-bank-holidays.md), and official figures
/// are cited, never typed from memory. Shared by every organisation on the installation.
/// </summary>
public sealed class MinimumPeriod
{
    public const string Tendering = "tendering";
    public const string Participation = "participation";
    public const string Calendar = "calendar";
    public const string Working = "working";

    /// <summary>The case applied when nothing reduces or lengthens the period.</summary>
    public const string Standard = "standard";

    /// <summary>The case applied to light touch contracts, when one is loaded.</summary>
    public const string LightTouch = "light-touch";

    public Guid Id { get; set; }

    public Route Route { get; set; }

    /// <summary>Which row of the Act's table: "standard", "light-touch", "qppn", "urgency"… (lower case, hyphens).</summary>
    public string CaseCode { get; set; } = "";

    /// <summary><see cref="Tendering"/> or <see cref="Participation"/>.</summary>
    public string Period { get; set; } = "";

    public int MinimumDays { get; set; }

    /// <summary><see cref="Calendar"/> or <see cref="Working"/> days, as the source counts them.</summary>
    public string Counting { get; set; } = Calendar;

    /// <summary>Procurements commenced from this day (inclusive) use the row.</summary>
    public DateOnly AppliesFrom { get; set; }

    public DateOnly? AppliesTo { get; set; }

    public string Source { get; set; } = "";

    public DateTime ImportedAt { get; set; }
}
