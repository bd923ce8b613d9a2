using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Spend;

namespace Placeshaper.Calculators;

/// <summary>
/// The local multiplier (LM3) calculator, with round 1 (total spend) and round 2 (spend with local suppliers)
/// pre-filled from the organisation's classified spend for a financial year, for those who may read spend; round 3
/// needs the share suppliers re-spend locally, from a survey. Keeps nothing it is given.
/// </summary>
public sealed class Lm3Model(OrganisationContext context, PlaceshaperDb db, TimeProvider clock) : FormPage
{
    public string Slug => context.Slug;

    [BindProperty]
    public string? Round1 { get; set; }

    [BindProperty]
    public string? LocalSupplierSpend { get; set; }

    [BindProperty]
    public string? LocalRespendShare { get; set; }

    public string? PrefilledFrom { get; private set; }

    public LocalMultiplier.Result? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!context.Current.HasAny(SpendAccess.Readers))
        {
            return;
        }

        var (from, to) = await SpendAnalytics.DefaultRangeAsync(db, context.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var report = await SpendAnalytics.ForAsync(db, context.Id, from, to, SpendAnalytics.DefaultDuplicateDays, cancellationToken);
        if (report.Payments == 0)
        {
            return;
        }

        Round1 = report.Total.ToString("0.00", CultureInfo.InvariantCulture);
        LocalSupplierSpend = report.Shares.Sum(s => s.Local).ToString("0.00", CultureInfo.InvariantCulture);
        PrefilledFrom = $"the financial year {SpendAnalytics.FinancialYear(from.Year, from.Month)} ({report.Payments:N0} payments; local suppliers as classified in suppliers in spend)";
    }

    public IActionResult OnPost()
    {
        var round1 = Amount("round1", Round1, "Enter round 1, the total spend, in pounds");
        var local = Amount("localSupplierSpend", LocalSupplierSpend, "Enter the spend with local suppliers in pounds");
        var share = Number("localRespendShare", LocalRespendShare, "Enter the share suppliers re-spend locally as a percentage, like 40");
        if (HasErrors)
        {
            return Page();
        }

        var calculated = LocalMultiplier.Calculate(new LocalMultiplier.Input(round1, local, share is { } percent ? percent / 100m : null));
        if (!calculated.Succeeded)
        {
            AddErrors(calculated.Errors, field => field);
            return Page();
        }

        Result = calculated.Value;
        return Page();
    }

    private decimal? Amount(string field, string? text, string message)
    {
        if (Money.TryParse(text, out var pounds))
        {
            return pounds;
        }

        AddError(field, message);
        return null;
    }
}
