using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Tenders;

/// <summary>A page about one of the organisation's tenders, for its officers.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public abstract class TenderPage(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    protected PlaceshaperDb Db => db;

    /// <summary>The viewer's roles at this organisation.</summary>
    protected Access.ViewerOrganisation Viewing => context.Current;

    public string Slug => context.Slug;

    public Tender Tender { get; private set; } = null!;

    public bool CanChange => context.Current.HasAny(TendersApi.Buyers) && Tender.IsDraft;

    public DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    public string Home => $"/o/{Slug}/tenders/{Tender.Id}";

    protected async Task<bool> LoadAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, context.Id, tenderId, cancellationToken) is not { } tender)
        {
            return false;
        }

        Tender = tender;
        return true;
    }

    /// <summary>
    /// Not found for another organisation's tender; forbidden to change without the role; back to the tender once it is
    /// published, whose terms no longer change.
    /// </summary>
    protected async Task<IActionResult?> RefuseChangeAsync(Guid tenderId, CancellationToken cancellationToken) =>
        !await LoadAsync(tenderId, cancellationToken) ? NotFound()
        : !context.Current.HasAny(TendersApi.Buyers) ? StatusCode(StatusCodes.Status403Forbidden)
        : !Tender.IsDraft && HttpMethods.IsGet(Request.Method) ? Redirect(Home)
        : null;

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
