using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

/// <summary>
/// One payment period of a contract: every calculation revision with its working and the change since the one
/// before, what was paid, and (for those who manage contracts) calculating it again and recording a payment.
/// Councillors and finance officers read it; they change nothing.
/// </summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class PeriodModel(OrganisationContext context, PlaceshaperDb db, ContractDelivery delivery, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(ContractAccess.Editors);

    public Contract Contract { get; private set; } = null!;

    public DeliveryQueries.SchedulePeriod Period { get; private set; } = null!;

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public DateInput PaidOn { get; set; } = new();

    [BindProperty]
    public string? Reference { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, DateOnly periodStart, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, periodStart, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCalculateAsync(Guid contractId, DateOnly periodStart, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, periodStart, cancellationToken))
        {
            return NotFound();
        }

        if (!CanChange)
        {
            return Forbid();
        }

        var outcome = await delivery.CalculateAsync(Contract, periodStart, viewer.PersonId, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            AddError("calculate", refusal);
            return Page();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, _ => "calculate");
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}/payments/{periodStart:yyyy-MM-dd}");
    }

    public async Task<IActionResult> OnPostPaidAsync(Guid contractId, DateOnly periodStart, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, periodStart, cancellationToken))
        {
            return NotFound();
        }

        if (!CanChange)
        {
            return Forbid();
        }

        var amount = Number("amount", Amount, "Enter the amount paid in pounds, like 45000.00");
        var paidOn = Date("paidOn", PaidOn, "Enter the date it was paid");
        if (HasErrors)
        {
            return Page();
        }

        var recorded = await delivery.RecordPaymentAsync(Contract, periodStart, new ContractPayment.Input(amount, paidOn, Reference), viewer.PersonId, cancellationToken);
        if (!recorded.Succeeded)
        {
            AddErrors(recorded.Errors!);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}/payments/{periodStart:yyyy-MM-dd}");
    }

    private async Task<bool> LoadAsync(Guid contractId, DateOnly periodStart, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        var schedule = await DeliveryQueries.ScheduleAsync(db, contract, cancellationToken);
        Period = schedule.SingleOrDefault(p => p.PeriodStart == periodStart) ?? new DeliveryQueries.SchedulePeriod(contract, periodStart, null, null, [], []);
        return schedule.Any(p => p.PeriodStart == periodStart);
    }
}
