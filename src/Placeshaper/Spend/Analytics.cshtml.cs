using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Shared.Charts;

namespace Placeshaper.Spend;

/// <summary>
/// Spend analytics for a date range: totals by financial year, quarter and month; the local, SME and VCSE shares by
/// quarter, drawn and tabled, with public-sector spend apart; spend by service area, expense type, spend category
/// (CPV division and code, ProClass, through the organisation's mapping) and supplier; off-contract spend and likely
/// duplicate payments. Every table downloads as CSV or Excel; the API serves the same tables.
/// </summary>
[RequiresRole(Role.Administrator, Role.FinanceOfficer, Role.Commissioner, Role.ProcurementOfficer, Role.Councillor)]
public sealed class AnalyticsModel(OrganisationContext context, PlaceshaperDb db, TimeProvider clock) : FormPage
{
    /// <summary>Rows shown on the page per table; the downloads hold every row.</summary>
    public const int Shown = 50;

    public sealed record AnalyticsTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows, int NumericFrom);

    public string Slug => context.Slug;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    public SpendAnalytics.Report? Report { get; private set; }

    public IReadOnlyList<AnalyticsTable> Tables { get; private set; } = [];

    public string SharesChart { get; private set; } = "";

    public string Query => $"from={Report?.From:yyyy-MM-dd}&to={Report?.To:yyyy-MM-dd}&days={Report?.DuplicateDays}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var range = await AnalyticsApi.RangeAsync(From, To, Days, db, context.Id, clock, cancellationToken);
        if (!range.Succeeded)
        {
            AddErrors(range.Errors, f => f == "days" ? "days" : f);
            return;
        }

        Report = await SpendAnalytics.ForAsync(db, context.Id, range.Value.From, range.Value.To, range.Value.Days, cancellationToken);
        From = Report.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To = Report.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Days = Report.DuplicateDays;
        Tables = Build(Report);
        if (Report.Shares.Count > 0)
        {
            SharesChart = SvgCharts.Line(
                "shares-chart",
                "Local, SME, VCSE and public-sector shares of spend by quarter",
                "%",
                Report.Shares.Select(s => s.Quarter).ToList(),
                [
                    new("Local", Report.Shares.Select(s => (decimal?)s.LocalPercent).ToList()),
                    new("SME", Report.Shares.Select(s => (decimal?)s.SmePercent).ToList()),
                    new("VCSE", Report.Shares.Select(s => (decimal?)s.VcsePercent).ToList()),
                    new("Public sector", Report.Shares.Select(s => (decimal?)s.PublicSectorPercent).ToList()),
                ]);
        }
    }

    /// <summary>One analytics table (?table=months, quarters, …) as CSV or an Excel workbook, every row.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? table, string format, CancellationToken cancellationToken)
    {
        var range = await AnalyticsApi.RangeAsync(From, To, Days, db, context.Id, clock, cancellationToken);
        if (!range.Succeeded)
        {
            return BadRequest();
        }

        var report = await SpendAnalytics.ForAsync(db, context.Id, range.Value.From, range.Value.To, range.Value.Days, cancellationToken);
        var chosen = Build(report).FirstOrDefault(t => t.Key == (table ?? "months"));
        return chosen is null ? NotFound() : new Exports.Table("spend-" + chosen.Key, chosen.Headers, chosen.Rows).ToFile(format);
    }

    private static List<AnalyticsTable> Build(SpendAnalytics.Report r)
    {
        static IReadOnlyList<IReadOnlyList<object?>> Totals(IEnumerable<SpendAnalytics.Total> totals) =>
            totals.Select(t => (IReadOnlyList<object?>)[t.Name, t.Amount, t.Payments]).ToList();
        static IReadOnlyList<IReadOnlyList<object?>> Categories(IEnumerable<SpendAnalytics.Category> categories) =>
            categories.Select(c => (IReadOnlyList<object?>)[c.Code ?? "", c.Name, c.Amount, c.Payments]).ToList();
        return
        [
            new("financial-years", "By financial year (April to March)", ["financial_year", "total", "payments"], Totals(r.FinancialYears), 1),
            new("quarters", "By quarter", ["quarter", "total", "payments"], Totals(r.Quarters), 1),
            new("months", "By month", ["month", "total", "payments"], Totals(r.Months), 1),
            new("shares", "Local, SME, VCSE and public-sector shares by quarter", ["quarter", "total", "local", "local_percent", "sme", "sme_percent", "vcse", "vcse_percent", "public_sector", "public_sector_percent"],
                r.Shares.Select(s => (IReadOnlyList<object?>)[s.Quarter, s.Total, s.Local, s.LocalPercent, s.Sme, s.SmePercent, s.Vcse, s.VcsePercent, s.PublicSector, s.PublicSectorPercent]).ToList(), 1),
            new("service-areas", "By service area", ["service_area", "total", "payments"], Totals(r.ServiceAreas), 1),
            new("expense-types", "By expense type", ["expense_type", "total", "payments"], Totals(r.ExpenseTypes), 1),
            new("cpv-divisions", "By spend category: CPV division", ["cpv_division", "description", "total", "payments"], Categories(r.CpvDivisions), 2),
            new("cpv-codes", "By spend category: CPV code", ["cpv_code", "description", "total", "payments"], Categories(r.CpvCodes), 2),
            new("proclass", "By spend category: ProClass", ["proclass_code", "label", "total", "payments"], Categories(r.ProClass), 2),
            new("suppliers", "Top suppliers", ["supplier", "status", "provider", "total", "payments", "local", "sme", "vcse", "public_sector"],
                r.Suppliers.Select(s => (IReadOnlyList<object?>)[s.Name, s.Status, s.Provider, s.Amount, s.Payments, YesNo(s.IsLocal), YesNo(s.IsSme), YesNo(s.IsVcse), YesNo(s.IsPublicSector)]).ToList(), 3),
            new("off-contract", "Off-contract spend (no contract in force on the payment date)", ["supplier", "reason", "first_paid", "last_paid", "total", "payments"],
                r.OffContract.Select(o => (IReadOnlyList<object?>)[o.Name, o.Reason, o.First, o.Last, o.Amount, o.Payments]).ToList(), 4),
            new("duplicates", $"Likely duplicate payments (same supplier and amount within {r.DuplicateDays} days)", ["supplier", "amount", "first_date", "second_date", "days_apart", "first_transaction", "second_transaction"],
                r.Duplicates.Select(d => (IReadOnlyList<object?>)[d.Name, d.Amount, d.FirstDate, d.SecondDate, d.Days, d.FirstTransaction, d.SecondTransaction]).ToList(), 1),
        ];
    }

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "not known" };

    public static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => Common.Money.Format(d),
        DateOnly date => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
        long or int => string.Format(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), "{0:N0}", value),
        _ => value.ToString() ?? "",
    };
}
