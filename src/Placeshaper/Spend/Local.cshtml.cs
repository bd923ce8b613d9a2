using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Spend;

/// <summary>How the organisation defines a local supplier for its spend: its own area, a list of districts, or a radius from a postcode.</summary>
[RequiresRole(Role.Administrator, Role.FinanceOfficer, Role.Commissioner, Role.ProcurementOfficer, Role.Councillor)]
public sealed class LocalModel(OrganisationContext context, PlaceshaperDb db, ResolveSuppliers resolve, TimeProvider clock) : FormPage
{
    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(SpendAccess.Importers);

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Districts { get; set; }

    [BindProperty]
    public string? CentrePostcode { get; set; }

    [BindProperty]
    public string? RadiusKm { get; set; }

    public bool Saved { get; private set; }

    public static IReadOnlyList<(string Value, string Label)> Kinds { get; } =
    [
        (nameof(LocalDefinitionKind.OwnArea), "Inside the organisation's own area (its authority and district areas)"),
        (nameof(LocalDefinitionKind.Districts), "Inside a list of local authority districts"),
        (nameof(LocalDefinitionKind.Radius), "Within a distance of a postcode"),
    ];

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var definition = await db.SpendLocalDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.OrganisationId == context.Id, cancellationToken) ?? SpendLocalDefinition.For(context.Id);
        Kind = definition.Kind.ToString();
        Districts = string.Join(", ", definition.DistrictCodes);
        CentrePostcode = definition.CentrePostcode;
        RadiusKm = definition.RadiusKm?.ToString("0.###", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        LocalDefinitionKind? kind = Enum.TryParse<LocalDefinitionKind>(Kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var radius = Number("radiusKm", RadiusKm, "Enter the radius as a number of kilometres, like 15");
        if (HasErrors)
        {
            return Page();
        }

        var saved = await SaveLocalDefinition.HandleAsync(db, resolve, context.Id, kind, Districts, CentrePostcode, radius, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (!saved.Succeeded)
        {
            AddErrors(saved.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/spend/local?saved=true");
    }
}
