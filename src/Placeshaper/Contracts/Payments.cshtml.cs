using Microsoft.AspNetCore.Mvc;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

/// <summary>Every contract's payment periods that were calculated or paid, those with a credit due but not deducted first.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class PaymentsModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public IReadOnlyList<DeliveryQueries.SchedulePeriod> Periods { get; private set; } = [];

    public int Flagged => Periods.Count(p => p.CreditNotLevied);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Periods = await DeliveryQueries.AcrossContractsAsync(db, context.Id, null, cancellationToken);

    /// <summary>The schedules, of every contract or of one (<paramref name="contract"/>), a row per period with its latest calculation.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, Guid? contract, CancellationToken cancellationToken)
    {
        var periods = contract is { } id && await ContractQueries.FindAsync(db, context.Id, id, cancellationToken) is { } one
            ? await DeliveryQueries.ScheduleAsync(db, one, cancellationToken)
            : contract is null ? await DeliveryQueries.AcrossContractsAsync(db, context.Id, null, cancellationToken) : null;
        return periods is null ? NotFound() : ScheduleTable(periods).ToFile(format);
    }

    public static Exports.Table ScheduleTable(IReadOnlyList<DeliveryQueries.SchedulePeriod> periods) => new(
        "payment schedule",
        ["contract", "period_start", "period_end", "revision", "terms_version", "fixed_element_gbp", "outcome_payments_gbp", "credits_gbp", "due_gbp", "paid_gbp", "paid_minus_due_gbp", "credit_not_deducted", "working",
            "spend_paid_gbp", "spend_paid_minus_due_gbp", "spend_payments", "unattributed_spend_gbp"],
        periods.Select(p => (IReadOnlyList<object?>)
        [
            p.Contract.Reference, p.PeriodStart, p.Latest?.PeriodEnd, p.Latest?.Revision, p.Latest?.TermsVersion, p.Latest?.FixedElement, p.Latest?.OutcomePayments, p.Latest?.Credits,
            p.Latest?.Due, p.Paid, p.Difference, p.CreditNotLevied ? "yes" : "no", p.Latest is { } l ? string.Join(" | ", l.WorkingLines) : "",
            p.SpendPaid, p.SpendDifference, p.Spend.Attributed.Count, p.UnattributedSpend,
        ]).ToList());
}
