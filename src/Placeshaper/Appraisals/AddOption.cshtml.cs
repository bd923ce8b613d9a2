using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Appraisals;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class AddOptionModel(OrganisationContext context, PlaceshaperDb db) : AppraisalPage(context, db)
{
    [BindProperty]
    public string? DeliveryModel { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public IReadOnlyList<DeliveryModels.Model> Catalogue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        Catalogue = await AppraisalQueries.CatalogueAsync(Db, Context.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        Catalogue = await AppraisalQueries.CatalogueAsync(Db, Context.Id, cancellationToken);
        var model = Catalogue.FirstOrDefault(m => m.Code == DeliveryModel);
        if (model is null)
        {
            AddError("model", "Choose the delivery model this option uses");
            return Page();
        }

        var added = Appraisal.AddOption(model, Name, Description, Db.Clock.GetUtcNow().UtcDateTime);
        return await SaveOrShowAsync(added.Errors, added.Succeeded ? $"{Home}/options/{added.Value.Id}" : Home, cancellationToken, f => f == "appraisal" ? "model" : f);
    }
}
