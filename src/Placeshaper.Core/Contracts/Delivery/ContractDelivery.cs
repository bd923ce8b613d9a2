using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// The use cases of managing a contract's delivery: KPI values submitted, approved and returned; payment terms
/// versions added; payment periods calculated and what was paid recorded. Each decision is recorded in the audit trail.
/// </summary>
public sealed class ContractDelivery(PlaceshaperDb db)
{
    /// <summary>Why a request was refused as a whole (409), or what was wrong with it field by field (400).</summary>
    public sealed record Outcome<T>(T? Value, Errors? Errors = null, string? Refusal = null);

    public sealed record EvidenceFile(string? FileName, byte[]? Content);

    public async Task<Result<KpiObservation>> SubmitAsync(
        Contract contract, KpiObservation.Input input, KpiObservation.Actor actor, string source, IReadOnlyList<EvidenceFile>? evidence, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(contract.Id, cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var submitted = KpiObservation.Submit(contract, input, actor, source, history, now);
        if (!submitted.Succeeded)
        {
            return submitted.Errors!;
        }

        var files = evidence ?? [];
        for (var i = 0; i < files.Count; i++)
        {
            if (submitted.Value!.AddEvidence(files[i].FileName, files[i].Content, $"evidence[{i}]", now) is { } errors)
            {
                return errors;
            }
        }

        db.Set<KpiObservation>().Add(submitted.Value!);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "kpi-observation-submitted", nameof(KpiObservation), submitted.Value!.Id.ToString(), After: Describe(submitted.Value!, contract)));
        await db.SaveChangesAsync(cancellationToken);
        return submitted.Value!;
    }

    /// <summary>Approves (when <paramref name="reason"/> is null) or returns a submitted value.</summary>
    public async Task<Outcome<KpiObservation>> ReviewAsync(Contract contract, KpiObservation observation, bool approve, string? reason, KpiObservation.Actor reviewer, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var before = observation.Status.ToString();
        if (approve)
        {
            var history = await HistoryAsync(contract.Id, cancellationToken);
            if (observation.Approve(reviewer, history, now) is { } refusal)
            {
                return new(null, Refusal: refusal);
            }
        }
        else
        {
            var returned = observation.Return(reviewer, reason, now);
            if (!returned.Succeeded)
            {
                return returned.Errors!.ByField.ContainsKey("status") ? new(null, Refusal: returned.Errors.ByField["status"][0]) : new(null, returned.Errors);
            }
        }

        db.RecordDecision(new AuditDecision(contract.OrganisationId, approve ? "kpi-observation-approved" : "kpi-observation-returned", nameof(KpiObservation), observation.Id.ToString(),
            Before: before, After: Describe(observation, contract)));
        await db.SaveChangesAsync(cancellationToken);
        return new(observation);
    }

    public async Task<Result<PaymentTermsVersion>> AddTermsAsync(Contract contract, DateOnly? effectiveFrom, PaymentTermsVersion.Terms? terms, Guid? personId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<PaymentTermsVersion>().Where(v => v.ContractId == contract.Id).ToListAsync(cancellationToken);
        var created = PaymentTermsVersion.Create(contract, effectiveFrom, terms, existing, personId, db.Clock.GetUtcNow().UtcDateTime);
        if (!created.Succeeded)
        {
            return created.Errors!;
        }

        db.Set<PaymentTermsVersion>().Add(created.Value!);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "payment-terms-versioned", nameof(Contract), contract.Id.ToString(),
            After: JsonSerializer.Serialize(new { created.Value!.Version, created.Value.EffectiveFrom, Terms = created.Value.Document })));
        await db.SaveChangesAsync(cancellationToken);
        return created.Value!;
    }

    /// <summary>
    /// Calculates a payment period from the terms in force and the approved values, and stores it as the period's
    /// next revision; the earlier revisions stay as they were.
    /// </summary>
    public async Task<Outcome<PaymentCalculation>> CalculateAsync(Contract contract, DateOnly periodStart, Guid? personId, CancellationToken cancellationToken)
    {
        var versions = await db.Set<PaymentTermsVersion>().AsNoTracking().Where(v => v.ContractId == contract.Id).ToListAsync(cancellationToken);
        if (PaymentTermsVersion.InForce(versions, periodStart) is not { } version)
        {
            return new(null, Refusal: versions.Count == 0 ? "The contract has no payment terms yet: add them first" : $"No payment terms were in force on {periodStart:yyyy-MM-dd}");
        }

        if (periodStart > db.Clock.GetUtcNow().UtcDateTime.UkDate())
        {
            return new(null, Errors.For("periodStart", "The period has not started yet"));
        }

        var approved = await db.Set<KpiObservation>().AsNoTracking()
            .Where(o => o.ContractId == contract.Id && o.Status == ObservationStatus.Approved).ToListAsync(cancellationToken);
        var earlier = await db.Set<PaymentCalculation>().AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(cancellationToken);
        var recovered = earlier.Where(c => c.PeriodStart < periodStart).GroupBy(c => c.PeriodStart).Sum(g => g.MaxBy(c => c.Revision)!.InvestmentRecovered);
        var worked = PaymentSchedule.Work(contract, version, periodStart, approved, recovered);
        if (!worked.Succeeded)
        {
            return new(null, worked.Errors);
        }

        var revision = earlier.Where(c => c.PeriodStart == periodStart).Select(c => c.Revision).DefaultIfEmpty(0).Max() + 1;
        var calculation = PaymentCalculation.From(contract, version, worked.Value!, revision, personId, db.Clock.GetUtcNow().UtcDateTime);
        db.Set<PaymentCalculation>().Add(calculation);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "payment-calculated", nameof(Contract), contract.Id.ToString(),
            After: JsonSerializer.Serialize(new { calculation.PeriodStart, calculation.Revision, calculation.TermsVersion, calculation.Due, calculation.Credits })));
        await db.SaveChangesAsync(cancellationToken);
        return new(calculation);
    }

    public async Task<Result<ContractPayment>> RecordPaymentAsync(Contract contract, DateOnly periodStart, ContractPayment.Input input, Guid? personId, CancellationToken cancellationToken)
    {
        var recorded = ContractPayment.Record(contract, periodStart, input, personId, db.Clock.GetUtcNow().UtcDateTime);
        if (!recorded.Succeeded)
        {
            return recorded.Errors!;
        }

        // The same remittance entered twice would count twice towards what was paid: a period's references are its own.
        var reference = recorded.Value!.Reference;
        var references = await db.Set<ContractPayment>().Where(p => p.ContractId == contract.Id && p.PeriodStart == periodStart).Select(p => p.Reference).ToListAsync(cancellationToken);
        if (references.Contains(reference, StringComparer.OrdinalIgnoreCase))
        {
            return Common.Errors.For("reference", $"A payment with the reference {reference} is already recorded for this period");
        }

        db.Set<ContractPayment>().Add(recorded.Value!);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "contract-payment-recorded", nameof(Contract), contract.Id.ToString(),
            After: JsonSerializer.Serialize(new { recorded.Value!.PeriodStart, recorded.Value.Amount, recorded.Value.PaidOn, recorded.Value.Reference })));
        await db.SaveChangesAsync(cancellationToken);
        return recorded.Value!;
    }

    /// <summary>Publishes a contract performance notice (Procurement Act 2023 s.71(2)), recorded as a decision.</summary>
    public async Task<Result<PerformanceNotice>> PublishNoticeAsync(Contract contract, PerformanceNotice.Input input, Guid? personId, CancellationToken cancellationToken)
    {
        var published = PerformanceNotice.Publish(contract, input, personId, db.Clock.GetUtcNow().UtcDateTime);
        if (!published.Succeeded)
        {
            return published.Errors!;
        }

        db.Set<PerformanceNotice>().Add(published.Value!);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "contract-performance-notice-published", nameof(Contract), contract.Id.ToString(),
            After: JsonSerializer.Serialize(new { published.Value!.PeriodStart, published.Value.PeriodEnd, Ratings = published.Value.KpiRatings })));
        await db.SaveChangesAsync(cancellationToken);
        return published.Value!;
    }

    private Task<List<KpiObservation>> HistoryAsync(Guid contractId, CancellationToken cancellationToken) =>
        db.Set<KpiObservation>().Where(o => o.ContractId == contractId).ToListAsync(cancellationToken);

    private static string Describe(KpiObservation o, Contract contract) => JsonSerializer.Serialize(new
    {
        Kpi = contract.Kpis.SingleOrDefault(k => k.Id == o.KpiId)?.Number,
        o.PeriodStart,
        o.Value,
        Status = o.Status.ToString(),
        o.ReturnReason,
        o.Source,
    });
}
