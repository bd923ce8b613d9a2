using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Needs;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class DefineModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Polarity { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? SourceUrl { get; set; }

    [BindProperty]
    public string? Licence { get; set; }

    public string Slug => context.Slug;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Polarity>(Polarity, out var polarity))
        {
            AddError("polarity", "Say which way is better, or that it is context");
        }

        var defined = Indicator.Define(context.Id, Code, Name, Unit, polarity, Source, SourceUrl, Licence, db.Clock.GetUtcNow().UtcDateTime);
        if (defined.Succeeded && await db.Indicators.AnyAsync(i => i.OrganisationId == context.Id && i.Code == defined.Value.Code, cancellationToken))
        {
            AddError("code", $"There is already an indicator with the code {defined.Value.Code}");
        }

        if (!defined.Succeeded || HasErrors)
        {
            AddErrors(defined.Errors ?? new Common.Errors());
            return Page();
        }

        db.Indicators.Add(defined.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/needs/{defined.Value.Code}");
    }
}
