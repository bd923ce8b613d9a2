using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;

namespace Placeshaper.Calendar;

/// <summary>
/// The installation's working-day calendar: the bank holidays loaded from GOV.UK's bank-holidays.json, and the
/// standstill period (Procurement Act 2023 s.51) they give. Reference data shared by every organisation.
/// </summary>
public static class CalendarApi
{
    public sealed record BankHolidayView(string Division, DateOnly Date, string Title, string Notes, string Source, DateTime ImportedAt);

    public sealed record StandstillView(DateOnly PublishedOn, DateOnly EndsOn, int WorkingDays, IReadOnlyList<string> Warnings);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/bank-holidays", ListAsync).WithTags("Working days").WithName("ListBankHolidays")
            .WithSummary("The bank holidays loaded on the installation, by part of the UK, each with its source");
        api.MapGet("/standstill", StandstillAsync).WithTags("Working days").WithName("StandstillEnds")
            .WithSummary("The last day of the 8-working-day standstill beginning with the day a contract award notice is published (?published=yyyy-mm-dd), with warnings when bank holidays are missing");
    }

    private static async Task<Ok<IReadOnlyList<BankHolidayView>>> ListAsync(PlaceshaperDb db, CancellationToken cancellationToken)
    {
        var holidays = await WorkingCalendar.ListAsync(db, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BankHolidayView>>(holidays.Select(h => new BankHolidayView(h.Division, h.Date, h.Title, h.Notes, h.Source, h.ImportedAt)).ToList());
    }

    private static async Task<Results<Ok<StandstillView>, ValidationProblem>> StandstillAsync(string? published, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2200)
        {
            return Problems.Validation(Common.Errors.For("published", "Give the day the contract award notice is published, like 2026-12-18"));
        }

        var period = await calendar.StandstillEndsAsync(day, cancellationToken);
        return TypedResults.Ok(new StandstillView(period.PublishedOn, period.EndsOn, Standstill.LengthInWorkingDays, period.Warnings));
    }
}
