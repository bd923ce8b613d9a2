using System.Globalization;

namespace Placeshaper.Shared;

/// <summary>The GOV.UK date input: day, month and year typed separately, read together.</summary>
public sealed class DateInput
{
    /// <summary>The years a date may be in, here and in the API (<see cref="Api.RequestBodyChecks"/>).</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2200;

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public DateOnly? Value =>
        int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y is >= FirstYear and <= LastYear && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    public static DateInput From(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>What <c>_DateField.cshtml</c> renders.</summary>
public sealed record DateField(string Id, string Name, string Legend, DateInput Input, string? Error, string? Hint = null);
