using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Calculators;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.SocialValue;

/// <summary>
/// The social value report of a financial year, printable: committed against delivered by theme and measure, and the
/// SROI of the programmes the user picks, with the calculator's working.
/// </summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ReportModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public YearReport.Report? Report { get; private set; }

    /// <summary>The programmes the organisation's contracts serve, to choose from.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Programmes { get; private set; } = [];

    public int CurrentYear => YearReport.YearOf(db.Clock.GetUtcNow().UtcDateTime.UkDate());

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<Guid> ProgrammeId { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Investment { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DiscountRate { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Years { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Deadweight { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Attribution { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Displacement { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DropOff { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await BuildAsync(cancellationToken);

    /// <summary>The report's measures, or (<paramref name="table"/> = sroi) each chosen programme's outcomes and SROI.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, string? table, CancellationToken cancellationToken)
    {
        if (await BuildAsync(cancellationToken) is not { } report)
        {
            return BadRequest();
        }

        if (table == "sroi")
        {
            return new Exports.Table($"social-value-sroi-{report.Year}", ["programme", "investment_gbp", "outcome", "annual_value_gbp", "present_value_gbp", "programme_present_value_gbp", "ratio", "note"],
                report.Programmes.SelectMany(p => p.Result is { } r
                    ? r.Outcomes.Select(o => (IReadOnlyList<object?>)[p.Name, Rounding.ToTwoPlaces(p.Investment), o.Id, Rounding.ToTwoPlaces(p.Inputs.Single(i => i.Id == o.Id).AnnualValue!.Value),
                        Rounding.ToTwoPlaces(o.PresentValue), Rounding.ToTwoPlaces(r.PresentValue), Rounding.Ratio(r.Ratio), ""])
                    : [[p.Name, Rounding.ToTwoPlaces(p.Investment), null, null, null, null, null, p.Missing]]).ToList()).ToFile(format);
        }

        return new Exports.Table($"social-value-{report.Year}",
            ["theme", "measure_code", "measure", "unit", "obligations", "committed", "delivered_in_year", "delivered_to_date", "waiting_in_year", "committed_gbp", "delivered_in_year_gbp", "delivered_to_date_gbp", "waiting_in_year_gbp"],
            report.Themes.SelectMany(t => t.Measures).Select(m => (IReadOnlyList<object?>)
            [
                m.Theme, m.Code, m.Name, m.Unit, m.Obligations, m.Committed, m.DeliveredInYear, m.DeliveredToDate, m.PendingInYear,
                Rounding.ToTwoPlaces(m.CommittedValue), Rounding.ToTwoPlaces(m.DeliveredValueInYear), Rounding.ToTwoPlaces(m.DeliveredValueToDate), Rounding.ToTwoPlaces(m.PendingValueInYear),
            ]).ToList()).ToFile(format);
    }

    private async Task<YearReport.Report?> BuildAsync(CancellationToken cancellationToken)
    {
        Programmes = (await db.Contracts.AsNoTracking().Where(c => c.OrganisationId == context.Id && c.ProgrammeId != null)
                .Join(db.Programmes.AsNoTracking(), c => c.ProgrammeId, p => (Guid?)p.Id, (c, p) => new { p.Id, p.Name }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id, p.Name)).ToList();
        var year = SocialValueReportApi.Year(Year, db.Clock.GetUtcNow().UtcDateTime.UkDate());
        if (!year.Succeeded)
        {
            AddErrors(year.Errors!);
            return null;
        }

        Year ??= year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var d = YearReport.Assumptions.Default;
        var investment = Number("investment", Investment, "Enter the investment in pounds, like 250000, or leave it empty");
        var rate = Number("discountRate", DiscountRate, "Enter the discount rate as a fraction, like 0.035");
        var lasts = Number("years", Years, "Enter how many years the outcomes last, like 1 or 3");
        var deadweight = Number("deadweight", Deadweight, "Enter deadweight as a fraction from 0 to 1, like 0.2");
        var attribution = Number("attribution", Attribution, "Enter attribution as a fraction from 0 to 1, like 0.1");
        var displacement = Number("displacement", Displacement, "Enter displacement as a fraction from 0 to 1, like 0");
        var dropOff = Number("dropOff", DropOff, "Enter drop-off as a fraction from 0 to 1, like 0.1");
        if (lasts is { } l && decimal.Truncate(l) != l)
        {
            AddError("years", "Enter a whole number of years");
        }

        if (HasErrors)
        {
            return null;
        }

        var assumptions = new YearReport.Assumptions(investment, rate ?? d.DiscountRate, lasts is { } n && n is >= 0 and <= 1000 ? (int)n : lasts is null ? d.Years : -1,
            deadweight ?? d.Deadweight, attribution ?? d.Attribution, displacement ?? d.Displacement, dropOff ?? d.DropOff);
        var report = await YearReport.ForAsync(db, context.Id, year.Value, ProgrammeId, assumptions, cancellationToken);
        if (report.Programmes.FirstOrDefault(p => p.Errors is not null) is { } wrong)
        {
            AddErrors(SocialValueReportApi.Assumption(wrong.Errors!));
            return null;
        }

        return report;
    }
}
