using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Providers;

namespace Placeshaper.Contracts;

/// <summary>
/// Whether a contract's supplier is an SME, a VCSE and local, and where that comes from: the provider register when the
/// supplier is in it, otherwise the "SME Supplier?" column of the imported register (VCSE and local are then not known).
/// </summary>
public sealed record SupplierStatus(bool? IsSme, bool? IsVcse, bool? IsLocal, string Source)
{
    public static SupplierStatus Of(Contract contract, Provider? provider, Func<Provider, ProviderLocality> locality) =>
        provider is not null
            ? new(provider.Size.IsSme, provider.IsVcse, locality(provider).IsLocal, $"From {provider.Name} in the provider register")
            : new(contract.RecordedSme, null, null, contract.RecordedSme is null ? "Not known: the supplier is not in the provider register" : "As the imported register recorded it; the supplier is not in the provider register");
}

public enum SupplierType
{
    Sme = 1,
    Vcse = 2,
    Local = 3,
}

public static class ContractQueries
{
    /// <summary>How the register is narrowed; each filter is off when null.</summary>
    public sealed record Filter(ContractStatus? Status = null, SupplierType? SupplierType = null, int? ExpiringWithinDays = null, Guid? ProviderId = null, string? Search = null);

    public sealed record Listed(Contract Contract, ContractStatus Status, SupplierStatus Supplier);

    public sealed record Register(IReadOnlyList<Listed> Contracts, decimal TotalValue, decimal AnnualValue);

    public const int MaxDays = 3660;

    public static Errors? Check(Filter filter) =>
        filter.ExpiringWithinDays is < 0 or > MaxDays ? Errors.For("expiringWithin", $"Give a number of days from 0 to {MaxDays}") : null;

    /// <summary>The register, by reference, filtered, with the totals of what it lists. Supplier status is worked out each time.</summary>
    public static async Task<Register> RegisterAsync(PlaceshaperDb db, Guid organisationId, Filter filter, CancellationToken cancellationToken)
    {
        var query = Full(db.Contracts.AsNoTracking()).Where(c => c.OrganisationId == organisationId);
        if (filter.ProviderId is { } providerId)
        {
            query = query.Where(c => c.ProviderId == providerId);
        }

        var contracts = await query.ToListAsync(cancellationToken);
        var today = db.Clock.GetUtcNow().UtcDateTime.UkDate();
        var supplier = await SuppliersAsync(db, organisationId, contracts, cancellationToken);
        var search = filter.Search?.Trim();
        var listed = contracts
            .Select(c => new Listed(c, c.StatusOn(today), supplier(c)))
            .Where(l => filter.Status is not { } status || l.Status == status)
            .Where(l => filter.SupplierType switch
            {
                SupplierType.Sme => l.Supplier.IsSme == true,
                SupplierType.Vcse => l.Supplier.IsVcse == true,
                SupplierType.Local => l.Supplier.IsLocal == true,
                _ => true,
            })
            .Where(l => filter.ExpiringWithinDays is not { } days
                || l.Status == ContractStatus.Active && l.Contract.CurrentExpiry is { } expiry && expiry <= today.AddDays(days))
            .Where(l => string.IsNullOrEmpty(search)
                || l.Contract.Reference.Contains(search, StringComparison.OrdinalIgnoreCase)
                || l.Contract.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
                || l.Contract.SupplierName.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => l.Contract.Reference, StringComparer.OrdinalIgnoreCase)
            .ThenBy(l => l.Contract.Id)
            .ToList();
        return new Register(listed, listed.Sum(l => l.Contract.TotalValue ?? 0), listed.Sum(l => l.Contract.AnnualValue ?? 0));
    }

    /// <summary>One of the organisation's contracts with all its parts, read-only, and its supplier's status.</summary>
    public static async Task<Listed?> DetailAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken)
    {
        var contract = await Full(db.Contracts.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == contractId && c.OrganisationId == organisationId, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var supplier = await SuppliersAsync(db, organisationId, [contract], cancellationToken);
        return new Listed(contract, contract.StatusOn(db.Clock.GetUtcNow().UtcDateTime.UkDate()), supplier(contract));
    }

    /// <summary>One of the organisation's contracts with all its parts, tracked for a use case to change.</summary>
    public static Task<Contract?> FindAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken) =>
        Full(db.Contracts).SingleOrDefaultAsync(c => c.Id == contractId && c.OrganisationId == organisationId, cancellationToken);

    /// <summary>What is due in the next <paramref name="days"/> days, or overdue, across the organisation's contracts that are still running.</summary>
    public static async Task<IReadOnlyList<Reminder>> RemindersAsync(PlaceshaperDb db, Guid organisationId, int days, CancellationToken cancellationToken)
    {
        var contracts = await Full(db.Contracts.AsNoTracking()).Where(c => c.OrganisationId == organisationId && c.Status == ContractStatus.Active).ToListAsync(cancellationToken);
        var plans = await db.ExitPlans.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var today = db.Clock.GetUtcNow().UtcDateTime.UkDate();
        var ended = await db.Contracts.AsNoTracking().Include(c => c.Kpis).Include(c => c.Extensions)
            .Where(c => c.OrganisationId == organisationId && c.TotalValue > Delivery.PerformanceNotice.KpiThreshold && (c.Status == ContractStatus.Terminated || c.EndDate < today))
            .ToListAsync(cancellationToken);
        var endedIds = ended.Select(c => c.Id).ToList();
        var notices = await db.Set<Delivery.PerformanceNotice>().AsNoTracking().Where(n => endedIds.Contains(n.ContractId)).ToListAsync(cancellationToken);
        return Reminders.For(contracts, today, days, plans)
            .Concat(Reminders.OnTermination(ended, notices, today))
            .OrderBy(r => r.On).ThenBy(r => r.Reference, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>What the details of a contract may link to in this organisation.</summary>
    public static async Task<Contract.Known> KnownAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) => new(
        await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken),
        (await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == organisationId).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet(),
        (await db.Outcomes.AsNoTracking().Where(o => o.OrganisationId == organisationId).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet(),
        (await db.Specifications.AsNoTracking().Where(s => s.OrganisationId == organisationId).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet(),
        (await db.Tenders.AsNoTracking().Where(t => t.OrganisationId == organisationId).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet(),
        (await db.AwardDecisions.AsNoTracking().Where(a => a.OrganisationId == organisationId).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet());

    private static IQueryable<Contract> Full(IQueryable<Contract> contracts) =>
        contracts.Include(c => c.Extensions).Include(c => c.BreakClauses).Include(c => c.Parties).Include(c => c.Outcomes).Include(c => c.Kpis).AsSplitQuery();

    private static async Task<Func<Contract, SupplierStatus>> SuppliersAsync(PlaceshaperDb db, Guid organisationId, IReadOnlyCollection<Contract> contracts, CancellationToken cancellationToken)
    {
        var ids = contracts.Select(c => c.ProviderId).OfType<Guid>().Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var locality = await ProviderQueries.LocalityAsync(db, organisationId, providers.Values, cancellationToken);
        return c => SupplierStatus.Of(c, c.ProviderId is { } id ? providers.GetValueOrDefault(id) : null, locality);
    }
}

/// <summary>A key date of a contract that is due soon or overdue.</summary>
public sealed record Reminder(Guid ContractId, string Reference, string Title, KeyDateKind Kind, DateOnly On, string What, bool Overdue);

/// <summary>What needs doing across contracts: the key dates due within a window, and those already missed.</summary>
public static class Reminders
{
    /// <summary>
    /// The key dates of running contracts (not terminated, not yet past their current expiry) that fall on or before
    /// <paramref name="today"/> plus <paramref name="days"/>, soonest first; a date already passed is overdue. Break
    /// notice dates whose break date has passed, and review dates of expired contracts, are no longer anyone's to act on.
    /// </summary>
    public static IReadOnlyList<Reminder> For(IEnumerable<Contract> contracts, DateOnly today, int days, IEnumerable<ExitPlan>? exitPlans = null)
    {
        var plans = (exitPlans ?? []).ToDictionary(p => p.ContractId);
        var until = today.AddDays(days);
        var reminders = new List<Reminder>();
        foreach (var contract in contracts.Where(c => c.StatusOn(today) == ContractStatus.Active))
        {
            foreach (var date in contract.KeyDates().Where(d => d.On <= until))
            {
                if (date.Kind == KeyDateKind.BreakNotice && contract.BreakClauses.Where(b => b.NoticeBy == date.On).All(b => b.On < today))
                {
                    continue;
                }

                reminders.Add(new Reminder(contract.Id, contract.Reference, contract.Title, date.Kind, date.On, date.What, date.On < today));
            }

            if (plans.GetValueOrDefault(contract.Id) is { } plan && plan.NextReviewDue <= until)
            {
                reminders.Add(new Reminder(contract.Id, contract.Reference, contract.Title, KeyDateKind.ExitPlanReview, plan.NextReviewDue,
                    $"Review the exit and continuity plan (last reviewed {plan.LastReviewedOn:d MMMM yyyy})", plan.OverdueOn(today)));
            }
        }

        return reminders.OrderBy(r => r.On).ThenBy(r => r.Reference, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The assessments due on termination (Procurement Act 2023 s.71(2)) of contracts that ended, terminated or expired, and have none published yet.</summary>
    public static IReadOnlyList<Reminder> OnTermination(IEnumerable<Contract> contracts, IEnumerable<Delivery.PerformanceNotice> notices, DateOnly today)
    {
        var published = notices.ToList();
        return contracts
            .Select(c => (Contract: c, Due: Delivery.PerformanceNotice.TerminationAssessmentDue(c, published, today)))
            .Where(x => x.Due is not null)
            .Select(x => new Reminder(x.Contract.Id, x.Contract.Reference, x.Contract.Title, KeyDateKind.TerminationAssessment, x.Due!.Value,
                TerminationText(x.Contract, x.Due.Value), x.Due.Value < today))
            .ToList();
    }

    public static string TerminationText(Contract contract, DateOnly ended) =>
        $"The contract {(contract.Status == ContractStatus.Terminated ? "was terminated" : "expired")} on {ended:d MMMM yyyy}: assess the supplier's performance against the KPIs and publish a contract performance notice (Procurement Act 2023 s.71(2))";
}
