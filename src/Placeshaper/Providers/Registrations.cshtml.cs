using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Providers;

/// <summary>Suppliers' registrations waiting for an officer: link each to the register entry it is, add it, or reject it.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class RegistrationsModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, RegisterSupplier register) : FormPage
{
    public string Slug => context.Slug;

    public IReadOnlyList<RegistrationsApi.RegistrationView> Registrations { get; private set; } = [];

    [BindProperty]
    public string? Link { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Registrations = await RegistrationsApi.ViewsAsync(db, context.Id, cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        if (await FindAsync(registrationId, cancellationToken) is not { } registration)
        {
            return NotFound();
        }

        Guid? providerId = Guid.TryParse(Link, out var id) ? id : null;
        if (Link != "new" && providerId is null)
        {
            AddError($"link-{registrationId}", "Choose the register entry this supplier is, or add it as a new provider");
        }
        else
        {
            var approved = await register.ApproveAsync(registration, providerId, viewer.PersonId!.Value, cancellationToken);
            if (!approved.Succeeded)
            {
                AddErrors(approved.Errors, _ => $"link-{registrationId}");
            }
        }

        return await AfterAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        if (await FindAsync(registrationId, cancellationToken) is not { } registration)
        {
            return NotFound();
        }

        if (await register.RejectAsync(registration, Reason, viewer.PersonId!.Value, cancellationToken) is { } errors)
        {
            AddErrors(errors, _ => $"reason-{registrationId}");
        }

        return await AfterAsync(cancellationToken);
    }

    private Task<SupplierRegistration?> FindAsync(Guid registrationId, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.SupplierRegistrations, r => r.Id == registrationId && r.OrganisationId == context.Id, cancellationToken);

    private async Task<IActionResult> AfterAsync(CancellationToken cancellationToken)
    {
        if (!HasErrors)
        {
            return Redirect($"/o/{Slug}/providers/registrations");
        }

        Registrations = await RegistrationsApi.ViewsAsync(db, context.Id, cancellationToken);
        return Page();
    }
}
