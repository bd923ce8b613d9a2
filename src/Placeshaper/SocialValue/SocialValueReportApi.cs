using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Calculators;
using Placeshaper.Common;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.SocialValue;

/// <summary>
/// The organisation's social value report for a financial year through the API: committed against delivered by theme
/// and measure, and the SROI of chosen programmes. Pounds to the penny, half away from zero; ratios to 4 places.
/// </summary>
public static class SocialValueReportApi
{
    public sealed record MeasureView(
        string? Code, string Name, string Unit, int Obligations, decimal Committed, decimal DeliveredInYear, decimal DeliveredToDate, decimal PendingInYear,
        decimal CommittedValue, decimal DeliveredValueInYear, decimal DeliveredValueToDate, decimal PendingValueInYear);

    public sealed record ThemeView(string Theme, decimal CommittedValue, decimal DeliveredValueInYear, decimal DeliveredValueToDate, decimal PendingValueInYear, IReadOnlyList<MeasureView> Measures);

    public sealed record OutcomeView(string Id, decimal AnnualValue, decimal FirstYearImpact, decimal PresentValue, IReadOnlyList<string> Working);

    public sealed record ProgrammeView(
        Guid ProgrammeId, string Name, decimal Investment, decimal? PresentValue, decimal? NetPresentValue, decimal? Ratio, IReadOnlyList<OutcomeView> Outcomes, string? Missing);

    public sealed record ReportView(
        int Year, DateOnly From, DateOnly To, int Contracts, decimal CommittedValue, decimal DeliveredValueInYear, decimal DeliveredValueToDate, decimal PendingValueInYear,
        IReadOnlyList<ThemeView> Themes, IReadOnlyList<ProgrammeView> Programmes);

    public static void Map(RouteGroupBuilder organisation) =>
        organisation.MapGet("/social-value/report", ReportAsync).WithTags("Social value delivery").WithName("SocialValueReport")
            .WithSummary("The social value report of a financial year (year=2025: 1 April 2025 to 31 March 2026): committed against delivered by theme and measure, and with programmeId (repeatable) the SROI of each programme, from the delivered value and the assumptions given (investment, discountRate, years, deadweight, attribution, displacement, dropOff)")
            .WithMetadata(new RequiresRoleAttribute(ContractAccess.Readers));

    /// <summary>Reads the year: the current financial year when absent; an error when outside the years Placeshaper knows.</summary>
    public static Common.Result<int> Year(string? year, DateOnly today) =>
        string.IsNullOrWhiteSpace(year) ? YearReport.YearOf(today)
        : int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= YearReport.FirstYear and <= YearReport.LastYear ? y
        : Common.Errors.For("year", $"Give the financial year by the calendar year it starts in, from {YearReport.FirstYear} to {YearReport.LastYear}: 2025 is April 2025 to March 2026");

    public static ReportView View(YearReport.Report r) => new(
        r.Year, r.From, r.To, r.Contracts, Rounding.ToTwoPlaces(r.CommittedValue), Rounding.ToTwoPlaces(r.DeliveredValueInYear), Rounding.ToTwoPlaces(r.DeliveredValueToDate), Rounding.ToTwoPlaces(r.PendingValueInYear),
        r.Themes.Select(t => new ThemeView(t.Name, Rounding.ToTwoPlaces(t.CommittedValue), Rounding.ToTwoPlaces(t.DeliveredValueInYear), Rounding.ToTwoPlaces(t.DeliveredValueToDate), Rounding.ToTwoPlaces(t.PendingValueInYear),
            t.Measures.Select(m => new MeasureView(m.Code, m.Name, m.Unit, m.Obligations, m.Committed, m.DeliveredInYear, m.DeliveredToDate, m.PendingInYear,
                Rounding.ToTwoPlaces(m.CommittedValue), Rounding.ToTwoPlaces(m.DeliveredValueInYear), Rounding.ToTwoPlaces(m.DeliveredValueToDate), Rounding.ToTwoPlaces(m.PendingValueInYear))).ToList())).ToList(),
        r.Programmes.Select(p => new ProgrammeView(
            p.ProgrammeId, p.Name, Rounding.ToTwoPlaces(p.Investment), Rounding.ToTwoPlaces(p.Result?.PresentValue), Rounding.ToTwoPlaces(p.Result?.NetPresentValue),
            p.Result is { } result ? Rounding.Ratio(result.Ratio) : null,
            p.Result?.Outcomes.Select(o => new OutcomeView(o.Id, Rounding.ToTwoPlaces(p.Inputs.Single(i => i.Id == o.Id).AnnualValue!.Value), Rounding.ToTwoPlaces(o.FirstYearImpact), Rounding.ToTwoPlaces(o.PresentValue), o.Working)).ToList() ?? [],
            p.Missing)).ToList());

    /// <summary>The calculator's errors named by the report's inputs: "outcomes[0].deadweight" is the "deadweight" the user gave.</summary>
    public static Common.Errors Assumption(Common.Errors errors)
    {
        var named = new Common.Errors();
        foreach (var (field, messages) in errors.ByField)
        {
            foreach (var message in messages.Distinct())
            {
                named.Add(field[(field.LastIndexOf('.') + 1)..], message);
            }
        }

        return named;
    }

    private static async Task<Results<Ok<ReportView>, ValidationProblem>> ReportAsync(
        string? year, Guid[]? programmeId, decimal? investment, decimal? discountRate, int? years, decimal? deadweight, decimal? attribution, decimal? displacement, decimal? dropOff,
        PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var chosen = Year(year, db.Clock.GetUtcNow().UtcDateTime.UkDate());
        if (!chosen.Succeeded)
        {
            return Problems.Validation(chosen.Errors!);
        }

        var d = YearReport.Assumptions.Default;
        var assumptions = new YearReport.Assumptions(investment, discountRate ?? d.DiscountRate, years ?? d.Years, deadweight ?? d.Deadweight, attribution ?? d.Attribution, displacement ?? d.Displacement, dropOff ?? d.DropOff);
        var report = await YearReport.ForAsync(db, organisation.Id, chosen.Value, programmeId ?? [], assumptions, cancellationToken);
        if (report.Programmes.FirstOrDefault(p => p.Errors is not null) is { } wrong)
        {
            return Problems.Validation(Assumption(wrong.Errors!));
        }

        return TypedResults.Ok(View(report));
    }
}
