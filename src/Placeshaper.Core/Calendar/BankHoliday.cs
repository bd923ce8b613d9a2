namespace Placeshaper.Calendar;

/// <summary>
/// A bank holiday in one part of the United Kingdom, shared by every organisation on the installation. Imported from
/// GOV.UK's own <c>bank-holidays.json</c> (https://www.gov.uk/bank-holidays.json) rather than typed from memory: the
/// dates are set by the Banking and Financial Dealings Act 1971 and by royal proclamation, so they change (substitute
/// days, one-off holidays) and are only known for the years GOV.UK has published.
/// </summary>
public sealed class BankHoliday
{
    /// <summary>One of <see cref="Divisions.All"/>, as GOV.UK names them.</summary>
    public string Division { get; set; } = "";

    public DateOnly Date { get; set; }

    public string Title { get; set; } = "";

    /// <summary>GOV.UK's notes, such as "Substitute day"; empty when none.</summary>
    public string Notes { get; set; } = "";

    /// <summary>Where the row came from: the file imported, in GOV.UK's format, and its checksum.</summary>
    public string Source { get; set; } = "";

    public DateTime ImportedAt { get; set; }
}

/// <summary>The parts of the United Kingdom GOV.UK publishes bank holidays for, by the keys of its JSON.</summary>
public static class Divisions
{
    public const string EnglandAndWales = "england-and-wales";
    public const string Scotland = "scotland";
    public const string NorthernIreland = "northern-ireland";

    public static readonly IReadOnlyList<string> All = [EnglandAndWales, Scotland, NorthernIreland];

    public static string Name(string division) => division switch
    {
        EnglandAndWales => "England and Wales",
        Scotland => "Scotland",
        NorthernIreland => "Northern Ireland",
        _ => division,
    };
}
