using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

/// <summary>The contract manager approves a submitted KPI value, or returns it with the reason. Providers never reach this page.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class ObservationModel(OrganisationContext context, PlaceshaperDb db, ContractDelivery delivery, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public KpiObservation Observation { get; private set; } = null!;

    public ContractKpi Kpi => Contract.Kpis.Single(k => k.Id == Observation.KpiId);

    /// <summary>Every value of the same KPI and period, latest first: what an approval would supersede.</summary>
    public IReadOnlyList<KpiObservation> History { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, Guid observationId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, observationId, cancellationToken) ? Page() : NotFound();

    /// <summary>One of the value's evidence files, for the organisation's officers.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid contractId, Guid observationId, Guid evidenceId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, observationId, cancellationToken) && Observation.Evidence.SingleOrDefault(e => e.Id == evidenceId) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid contractId, Guid observationId, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, observationId, approve: true, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid contractId, Guid observationId, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, observationId, approve: false, cancellationToken);

    private async Task<IActionResult> ReviewAsync(Guid contractId, Guid observationId, bool approve, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, observationId, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await delivery.ReviewAsync(Contract, Observation, approve, Reason, new KpiObservation.Actor(viewer.PersonId, context.Current.ProviderId), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            AddError("reason", refusal);
            return Page();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#performance");
    }

    private async Task<bool> LoadAsync(Guid contractId, Guid observationId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract
            || await DeliveryQueries.FindObservationAsync(db, contractId, observationId, cancellationToken) is not { } observation)
        {
            return false;
        }

        (Contract, Observation) = (contract, observation);
        History = (await DeliveryQueries.ObservationsAsync(db, contractId, cancellationToken))
            .Where(o => o.KpiId == observation.KpiId && o.PeriodStart == observation.PeriodStart && o.Id != observation.Id).ToList();
        return true;
    }
}
