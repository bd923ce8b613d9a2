using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Portal;

/// <summary>
/// One of the provider's own contracts: its KPIs, the values it reported and what became of them, a form to report
/// a value, and the payment schedule. Another provider's contract is not found.
/// </summary>
[RequiresRole(Role.Provider)]
public sealed class ContractModel(OrganisationContext context, PlaceshaperDb db, ContractDelivery delivery, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public IReadOnlyList<KpiObservation> Observations { get; private set; } = [];

    public IReadOnlyList<DeliveryQueries.SchedulePeriod> Schedule { get; private set; } = [];

    public bool Submitted { get; private set; }

    /// <summary>The contract's variations and breaches, read-only.</summary>
    public PortalChanges Changes { get; private set; } = new([], []);

    [BindProperty]
    public string? KpiId { get; set; }

    [BindProperty]
    public DateInput PeriodStart { get; set; } = new();

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, bool? submitted, CancellationToken cancellationToken)
    {
        Submitted = submitted == true;
        return await LoadAsync(contractId, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Your KPI values, or (<paramref name="table"/> = payments) the payment schedule.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid contractId, string format, string? table, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        if (table == "payments")
        {
            return Contracts.PaymentsModel.ScheduleTable(Schedule).ToFile(format);
        }

        var kpis = Contract.Kpis.ToDictionary(k => k.Id);
        return new Exports.Table(Contract.Reference + " KPI values", ["kpi", "period_start", "value", "unit", "status", "comment", "return_reason", "submitted_at"],
            Observations.Select(o => (IReadOnlyList<object?>)
                [kpis[o.KpiId].Number, o.PeriodStart, o.Value, kpis[o.KpiId].Unit, o.Status.ToString().ToLowerInvariant(), o.Comment, o.ReturnReason, o.SubmittedAt]).ToList())
            .ToFile(format);
    }

    /// <summary>An evidence file of one of the values your organisation sent; other providers' files are not found.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid contractId, Guid observationId, Guid evidenceId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, cancellationToken)
        && Observations.SingleOrDefault(o => o.Id == observationId && o.SubmittedByProviderId == context.Current.ProviderId)?.Evidence.SingleOrDefault(e => e.Id == evidenceId) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var period = Date("periodStart", PeriodStart, "Enter the first day of the period, for example 1 4 2026");
        var value = Number("value", Value, "Enter the value as a number, like 92.5 or 14");
        if (HasErrors)
        {
            return Page();
        }

        var submitted = await delivery.SubmitAsync(
            Contract, new KpiObservation.Input(Guid.TryParse(KpiId, out var kpiId) ? kpiId : null, period, value, Comment),
            new KpiObservation.Actor(viewer.PersonId, context.Current.ProviderId), "portal", [], cancellationToken);
        if (!submitted.Succeeded)
        {
            AddErrors(submitted.Errors!);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/portal/contracts/{contractId}?submitted=true#values");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract || contract.ProviderId is null || contract.ProviderId != context.Current.ProviderId)
        {
            return false;
        }

        Contract = contract;
        Observations = await DeliveryQueries.ObservationsAsync(db, contractId, cancellationToken);
        Schedule = await DeliveryQueries.ScheduleAsync(db, contract, cancellationToken);
        Changes = new PortalChanges(
            await VaryContract.ListAsync(db, context.Id, contractId, cancellationToken),
            await ManageContractRisks.BreachesAsync(db, context.Id, contractId, cancellationToken));
        return true;
    }
}

/// <summary>What a provider sees of its own contract's variations and breaches: everything the council recorded, nothing to change.</summary>
public sealed record PortalChanges(IReadOnlyList<Variation> Variations, IReadOnlyList<Breach> Breaches);
