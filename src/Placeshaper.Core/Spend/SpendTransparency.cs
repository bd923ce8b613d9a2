using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// The organisation's payments in the layout of the Local Government Transparency Code 2015, Part 2, paragraph 23
/// ("Expenditure exceeding £500"): for each individual item of expenditure that exceeds £500, the date the
/// expenditure was incurred, the local authority department which incurred it, the beneficiary, a summary of its
/// purpose, the amount, the VAT that cannot be recovered and the merchant category
/// (https://www.gov.uk/government/publications/local-government-transparency-code-2015). The body's name and the
/// transaction number, which the Code's recommended practice adds, come first and last. Payments whose size is over
/// £500 either way are included (credit notes too, as councils publish them); exactly £500 is not "exceeding".
/// Irrecoverable VAT and merchant category are not in the spend files imported, so they are left empty. A redacted
/// beneficiary stays redacted (Code paragraph 25 lets a council withhold personal data).
/// </summary>
public static class SpendTransparency
{
    public const decimal Threshold = 500m;

    public const string Redacted = "REDACTED - personal data";

    public static readonly IReadOnlyList<string> Headers =
        ["body_name", "date", "department", "beneficiary", "purpose_of_expenditure", "amount", "irrecoverable_vat", "merchant_category", "transaction_number"];

    public sealed record Period(string Name, DateOnly From, DateOnly To, int Payments);

    /// <summary>The rows of the CSV, oldest first. Bypasses the organisation filter: this is public data, read by slug on the public page.</summary>
    public static async Task<List<IReadOnlyList<object?>>> RowsAsync(PlaceshaperDb db, Guid organisationId, string bodyName, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var payments = await db.SpendTransactions.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.OrganisationId == organisationId && t.Date >= from && t.Date <= to && (t.Amount > Threshold || t.Amount < -Threshold))
            .OrderBy(t => t.Date).ThenBy(t => t.Id)
            .Select(t => new { t.Date, t.ServiceArea, t.Redacted, t.SupplierName, t.ExpenseType, t.Description, t.Amount, t.TransactionNumber })
            .ToListAsync(cancellationToken);
        return payments.Select(p => (IReadOnlyList<object?>)[
            bodyName,
            p.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            p.ServiceArea,
            p.Redacted || string.IsNullOrWhiteSpace(p.SupplierName) ? Redacted : p.SupplierName,
            p.ExpenseType ?? p.Description,
            Money.ToPence(p.Amount),
            null,
            null,
            p.TransactionNumber]).ToList();
    }

    /// <summary>The quarters (April to June, …) in which the organisation has payments over the threshold: the files a council publishes.</summary>
    public static async Task<IReadOnlyList<Period>> QuartersAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var months = await db.SpendTransactions.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.OrganisationId == organisationId && (t.Amount > Threshold || t.Amount < -Threshold))
            .GroupBy(t => t.Month).Select(g => new { Month = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return months
            .GroupBy(m => QuarterStart(m.Month / 100, m.Month % 100))
            .OrderByDescending(g => g.Key)
            .Select(g => new Period(SpendAnalytics.Quarter(g.Key.Year, g.Key.Month), g.Key, g.Key.AddMonths(3).AddDays(-1), g.Sum(m => m.Count)))
            .ToList();
    }

    private static DateOnly QuarterStart(int year, int month) => new(year, ((month - 1) / 3 * 3) + 1, 1);
}
