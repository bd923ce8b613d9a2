namespace Placeshaper.Calendar;

/// <summary>
/// The mandatory standstill period before a public contract is entered into. Procurement Act 2023 s.51, in the words
/// of GOV.UK's "Guidance: Contract Award Notices and Standstill" (paras 2 and 4, updated 3 December 2024): "the period
/// of eight working days beginning with the day the contract award notice is published". "Beginning with" means the
/// day of publication is day 1 when it is a working day (a notice published on a Monday makes Monday day 1); a notice
/// published on a Saturday, a Sunday or a bank holiday starts the count on the next working day. The contract may be
/// entered into once the 8th working day is over, that is from the day after <see cref="Period.EndsOn"/>.
/// </summary>
public static class Standstill
{
    public const int LengthInWorkingDays = 8;

    /// <summary>A standstill: when it ends, and what could make that date wrong (bank holidays not loaded).</summary>
    public sealed record Period(DateOnly PublishedOn, DateOnly EndsOn, IReadOnlyList<string> Warnings);

    /// <summary>The last day of the standstill: the 8th working day beginning with the day of publication.</summary>
    public static DateOnly EndsOn(DateOnly publishedOn, WorkingDays holidays) =>
        holidays.NthWorkingDayBeginningWith(publishedOn, LengthInWorkingDays);

    public static Period For(DateOnly publishedOn, WorkingDays holidays)
    {
        var endsOn = EndsOn(publishedOn, holidays);
        return new Period(publishedOn, endsOn, holidays.Warnings(publishedOn, endsOn));
    }
}
