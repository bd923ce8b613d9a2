using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Calendar;

namespace Placeshaper.Tests.Calendar;

/// <summary>
/// Procurement Act 2023 s.123 working days and the s.51 standstill. The bank holidays here are a hand-built test
/// fixture in GOV.UK's shape (<see cref="BankHolidayFixture"/>), not product data.
/// </summary>
public sealed class WorkingDaysTests
{
    private static readonly Config ThousandCases = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static readonly WorkingDays Uk = new(BankHolidayFixture.Dates);

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_Sunday_is_computed_for_any_year(int year, int month, int day) =>
        WorkingDays.EasterSunday(year).ShouldBe(Day(year, month, day));

    [Fact]
    public void Weekends_Christmas_Day_and_Good_Friday_are_never_working_days_even_with_no_bank_holidays_loaded()
    {
        var none = WorkingDays.WithoutBankHolidays;

        none.IsWorkingDay(Day(2026, 11, 21)).ShouldBeFalse("a Saturday");
        none.IsWorkingDay(Day(2026, 11, 22)).ShouldBeFalse("a Sunday");
        none.IsWorkingDay(Day(2026, 12, 25)).ShouldBeFalse("Christmas Day, named by s.123 itself");
        none.IsWorkingDay(Day(2026, 4, 3)).ShouldBeFalse("Good Friday, named by s.123 itself");
        none.IsWorkingDay(Day(2026, 4, 6)).ShouldBeTrue("Easter Monday is a bank holiday only once one is loaded");
        none.IsWorkingDay(Day(2026, 11, 23)).ShouldBeTrue("an ordinary Monday");
    }

    [Fact]
    public void A_bank_holiday_in_any_part_of_the_UK_is_not_a_working_day()
    {
        Uk.IsWorkingDay(Day(2026, 1, 2)).ShouldBeFalse("2 January is a bank holiday in Scotland");
        Uk.IsWorkingDay(Day(2026, 3, 17)).ShouldBeFalse("St Patrick's Day is a bank holiday in Northern Ireland");
        Uk.IsWorkingDay(Day(2026, 8, 3)).ShouldBeFalse("the first Monday in August is Scotland's summer bank holiday");
        Uk.IsWorkingDay(Day(2026, 8, 31)).ShouldBeFalse("England and Wales' summer bank holiday");
        Uk.IsWorkingDay(Day(2026, 12, 28)).ShouldBeFalse("the substitute day for Boxing Day");

        var englandOnly = new WorkingDays(BankHolidayFixture.Dates.Where(h => h.Division == Divisions.EnglandAndWales));
        englandOnly.IsWorkingDay(Day(2026, 1, 2)).ShouldBeTrue();
    }

    [Fact]
    public void The_standstill_counts_the_day_of_publication_as_day_1_when_it_is_a_working_day()
    {
        // Monday 9 February 2026: days 1 to 5 that week, 6 to 8 the next.
        Standstill.EndsOn(Day(2026, 2, 9), Uk).ShouldBe(Day(2026, 2, 18));
    }

    [Fact]
    public void A_notice_published_on_a_weekend_starts_the_count_on_the_next_working_day()
    {
        Standstill.EndsOn(Day(2026, 2, 7), Uk).ShouldBe(Day(2026, 2, 18), "Saturday: Monday 9th is day 1");
        Standstill.EndsOn(Day(2026, 2, 8), Uk).ShouldBe(Day(2026, 2, 18), "Sunday: Monday 9th is day 1");
    }

    [Fact]
    public void Scottish_and_Northern_Irish_bank_holidays_lengthen_an_English_councils_standstill()
    {
        // 29, 30, 31 December; 1 January (everywhere) and 2 January (Scotland) skipped; 5 to 9 January.
        Standstill.EndsOn(Day(2025, 12, 29), Uk).ShouldBe(Day(2026, 1, 9));
        Standstill.EndsOn(Day(2025, 12, 29), new WorkingDays(BankHolidayFixture.Dates.Where(h => h.Division == Divisions.EnglandAndWales)))
            .ShouldBe(Day(2026, 1, 8), "counting England's holidays alone would end a day too soon");

        // 11, 12, 13, 16; 17 March skipped (Northern Ireland); 18, 19, 20, 23.
        Standstill.EndsOn(Day(2026, 3, 11), Uk).ShouldBe(Day(2026, 3, 23));
    }

    [Fact]
    public void Christmas_can_stretch_the_standstill_to_three_weeks()
    {
        // 18, 21, 22, 23, 24 December 2026; 25 (Christmas) and 28 (Boxing Day substitute) skipped; 29, 30, 31.
        Standstill.EndsOn(Day(2026, 12, 18), Uk).ShouldBe(Day(2026, 12, 31));
        Standstill.For(Day(2026, 12, 18), Uk).Warnings.ShouldBeEmpty("every part of the UK has holidays loaded for 2026");
    }

    [Fact]
    public void A_standstill_crossing_into_a_year_without_bank_holidays_says_so_rather_than_counting_wrong_silently()
    {
        var period = Standstill.For(Day(2026, 12, 24), Uk);

        period.EndsOn.ShouldBe(Day(2027, 1, 6), "24, 29, 30, 31 December, then 1, 4, 5, 6 January: New Year's Day 2027 counts, as 2027's holidays are not loaded");
        period.Warnings.ShouldHaveSingleItem().ShouldBe(
            "No bank holidays are loaded for 2027: import GOV.UK's bank-holidays.json (placeshaper import bank-holidays FILE), or working days that year are counted as if there were none.");
    }

    [Fact]
    public void A_year_with_only_some_parts_of_the_UK_loaded_names_the_parts_missing()
    {
        var englandOnly = new WorkingDays(BankHolidayFixture.Dates.Where(h => h.Division == Divisions.EnglandAndWales));

        englandOnly.Warnings(Day(2026, 5, 1), Day(2026, 5, 31)).ShouldHaveSingleItem()
            .ShouldStartWith("No bank holidays for Scotland or Northern Ireland are loaded for 2026");
        englandOnly.MissingYears(Day(2026, 1, 1), Day(2027, 1, 1)).Select(m => m.Year).ShouldBe([2026, 2027]);
    }

    [Fact]
    public void Working_days_after_a_day_do_not_count_the_day_itself()
    {
        Uk.CountAfter(Day(2026, 2, 6), Day(2026, 2, 13)).ShouldBe(5, "Friday to Friday: Monday to Friday");
        Uk.CountAfter(Day(2026, 2, 13), Day(2026, 2, 6)).ShouldBe(0);
        Uk.CountAfter(Day(2026, 3, 13), Day(2026, 3, 20)).ShouldBe(4, "17 March is a holiday in Northern Ireland");
    }

    [Fact]
    public void The_standstill_is_always_eight_working_days_ending_on_a_working_day()
    {
        var published = Gen.Choose(0, 3650).Select(n => Day(2025, 1, 1).AddDays(n));
        Prop.ForAll(published.ToArbitrary(), day =>
        {
            var end = Standstill.EndsOn(day, Uk);
            var counted = Enumerable.Range(0, end.DayNumber - day.DayNumber + 1).Count(i => Uk.IsWorkingDay(day.AddDays(i)));
            return end >= day && Uk.IsWorkingDay(end) && counted == Standstill.LengthInWorkingDays;
        }).Check(ThousandCases);
    }

    [Fact]
    public void More_bank_holidays_never_end_a_standstill_sooner()
    {
        var cases = from start in Gen.Choose(0, 730)
                    from extra in Gen.Choose(0, 60).ListOf()
                    select (Day(2026, 1, 1).AddDays(start), extra.Select(e => new HolidayDate(Divisions.Scotland, Day(2026, 1, 1).AddDays(start + e))).ToList());
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (published, extra) = c;
            var more = new WorkingDays(BankHolidayFixture.Dates.Concat(extra));
            return Standstill.EndsOn(published, more) >= Standstill.EndsOn(published, Uk);
        }).Check(ThousandCases);
    }

    [Fact]
    public void Without_bank_holidays_a_standstill_spans_ten_to_thirteen_calendar_days()
    {
        var published = Gen.Choose(0, 36500).Select(n => Day(2000, 1, 1).AddDays(n));
        Prop.ForAll(published.ToArbitrary(), day =>
        {
            var span = Standstill.EndsOn(day, WorkingDays.WithoutBankHolidays).DayNumber - day.DayNumber + 1;
            return span is >= 10 and <= 13;
        }).Check(ThousandCases);
    }

    [Fact]
    public void Good_Friday_is_always_a_Friday_between_20_March_and_23_April()
    {
        Prop.ForAll(Gen.Choose(1900, 2400).ToArbitrary(), year =>
        {
            var goodFriday = WorkingDays.GoodFriday(year);
            return goodFriday.DayOfWeek == DayOfWeek.Friday && goodFriday >= Day(year, 3, 20) && goodFriday <= Day(year, 4, 23);
        }).Check(ThousandCases);
    }
}
