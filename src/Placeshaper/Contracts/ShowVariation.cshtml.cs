using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ShowVariationModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, VaryContract vary) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public Variation Variation { get; private set; } = null!;

    /// <summary>Where the contract would stand if this variation were approved (or stands, once it is).</summary>
    public VariationLedger IfApproved { get; private set; } = null!;

    public bool CanDecide => context.Current.HasAny(VariationAccess.Deciders) && Variation.Status == VariationStatus.Requested && Variation.RequestedBy != viewer.PersonId;

    public bool OwnRequest => Variation.RequestedBy == viewer.PersonId;

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public string? OtherBasis { get; set; }

    [BindProperty]
    public string? RejectionReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, Guid variationId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, variationId, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid contractId, Guid variationId, CancellationToken cancellationToken)
    {
        var basis = LegalBasis == "other" ? ModificationRules.OtherPrefix + " " + OtherBasis?.Trim() : LegalBasis;
        return DecideAsync(contractId, variationId, () => vary.ApproveAsync(Contract, Variation, viewer.PersonId!.Value, viewer.DisplayName, basis, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRejectAsync(Guid contractId, Guid variationId, CancellationToken cancellationToken) =>
        DecideAsync(contractId, variationId, () => vary.RejectAsync(Contract, Variation, viewer.PersonId!.Value, viewer.DisplayName, RejectionReason, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid contractId, Guid variationId, Func<Task<Common.Errors?>> decide, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, variationId, cancellationToken))
        {
            return NotFound();
        }

        if (!context.Current.HasAny(VariationAccess.Deciders))
        {
            return Forbid();
        }

        if (await decide() is { } errors)
        {
            // The reason field of a rejection is the rejection reason box on this page.
            AddErrors(errors, field => field == "reason" ? "rejectionReason" : field);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#variations");
    }

    private async Task<bool> LoadAsync(Guid contractId, Guid variationId, CancellationToken cancellationToken)
    {
        Contract = (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken))!;
        if (Contract is null || await db.ContractVariations.FindAsync([variationId], cancellationToken) is not { } variation || variation.ContractId != contractId)
        {
            return false;
        }

        Variation = variation;
        var approved = (await VaryContract.ListAsync(db, context.Id, contractId, cancellationToken)).Where(v => v.Status == VariationStatus.Approved && v.Number <= variation.Number || v.Id == variation.Id);
        IfApproved = variation.LedgerIfApproved(Contract, approved);
        return true;
    }
}
