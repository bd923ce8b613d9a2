using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;

namespace Placeshaper.Appraisals;

/// <summary>A page about one appraisal of a programme this organisation leads; partners and others get 404, suppliers 403.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public abstract class AppraisalPage(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    protected PlaceshaperDb Db => db;

    protected OrganisationContext Context => context;

    public string Slug => context.Slug;

    public Programme Programme { get; private set; } = null!;

    public Appraisal Appraisal { get; private set; } = null!;

    public bool CanEdit => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public string Home => $"/o/{Slug}/programmes/{Programme.Id}/appraisals/{Appraisal.Id}";

    protected async Task<bool> LoadAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken);
        var appraisal = programme is null ? null : await AppraisalQueries.FindAsync(db, programmeId, appraisalId, cancellationToken);
        if (programme is null || appraisal is null)
        {
            return false;
        }

        (Programme, Appraisal) = (programme, appraisal);
        return true;
    }

    /// <summary>Saves a change the appraisal accepted, or shows its errors on the page.</summary>
    protected async Task<IActionResult> SaveOrShowAsync(Common.Errors? errors, string then, CancellationToken cancellationToken, Func<string, string>? fieldId = null)
    {
        if (errors is { Any: true } || HasErrors)
        {
            AddErrors(errors ?? new Common.Errors(), fieldId);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect(then);
    }
}
