using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Appraisals;

public sealed class DeliveryModelsModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public string Slug => context.Slug;

    public bool CanAdd => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public IReadOnlyList<DeliveryModels.Model> Catalogue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Catalogue = await AppraisalQueries.CatalogueAsync(db, context.Id, cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var catalogue = await AppraisalQueries.CatalogueAsync(db, context.Id, cancellationToken);
        return new Exports.Table("delivery-models", ["code", "name", "description", "built_in"],
            catalogue.Select(m => (IReadOnlyList<object?>)[m.Code, m.Name, m.Description, DeliveryModels.Find(m.Code) is null ? "no" : "yes"]).ToList()).ToFile(format);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanAdd)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Catalogue = await AppraisalQueries.CatalogueAsync(db, context.Id, cancellationToken);
        var added = CustomDeliveryModel.Add(context.Id, Name, Description, db.Clock.GetUtcNow().UtcDateTime);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors);
            return Page();
        }

        if (Catalogue.Any(m => m.Code == added.Value.Code || string.Equals(m.Name, added.Value.Name, StringComparison.OrdinalIgnoreCase)))
        {
            AddError("name", $"The catalogue already has a model called {added.Value.Name}");
            return Page();
        }

        db.CustomDeliveryModels.Add(added.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{Slug}/delivery-models");
    }
}
