using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Calculators;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Appraisals;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class FramingModel(OrganisationContext context, PlaceshaperDb db) : AppraisalPage(context, db)
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Necessity { get; set; }

    [BindProperty]
    public string? DiscountRate { get; set; }

    [BindProperty]
    public string? OptimismBias { get; set; }

    [BindProperty]
    public string? HorizonYears { get; set; }

    [BindProperty]
    public string? ExitStrategy { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        Title = Appraisal.Title;
        Necessity = Appraisal.Necessity;
        DiscountRate = Rounding.Plain(Appraisal.DiscountRate * 100);
        OptimismBias = Rounding.Plain(Appraisal.OptimismBias * 100);
        HorizonYears = Appraisal.HorizonYears.ToString(CultureInfo.InvariantCulture);
        ExitStrategy = Appraisal.ExitStrategy;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        var rate = Percent("discountRate", DiscountRate, "Enter the discount rate as a percentage, like 3.5");
        var bias = Percent("optimismBias", OptimismBias, "Enter the optimism bias as a percentage, like 20, or 0 for none");
        int? horizon = int.TryParse(HorizonYears?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : null;
        var errors = Appraisal.Frame(Title, Necessity, rate, bias, horizon, ExitStrategy);
        return await SaveOrShowAsync(errors, Home, cancellationToken, f => f == "appraisal" ? "title" : f);
    }

    private decimal? Percent(string field, string? text, string message)
    {
        var cleaned = text?.Trim().TrimEnd('%').Trim();
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
        {
            return percent / 100;
        }

        AddError(field, message);
        return 0;
    }
}
