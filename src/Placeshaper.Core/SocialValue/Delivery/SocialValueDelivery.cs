using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;

namespace Placeshaper.SocialValue.Delivery;

/// <summary>
/// The use cases of social value delivery: obligations added and corrected by the contract manager; delivery reported
/// by the provider, verified or returned. Each decision is recorded in the audit trail.
/// </summary>
public sealed class SocialValueDelivery(PlaceshaperDb db)
{
    public async Task<Result<SocialValueObligation>> AddObligationAsync(Contract contract, SocialValueObligation.Input input, string source, CancellationToken cancellationToken)
    {
        var measure = await MeasureAsync(contract.OrganisationId, input.MeasureCode, cancellationToken);
        var created = SocialValueObligation.Create(contract, input, measure, source, db.Clock.GetUtcNow().UtcDateTime);
        if (!created.Succeeded)
        {
            return created.Errors!;
        }

        db.Set<SocialValueObligation>().Add(created.Value!);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "social-value-obligation-added", nameof(Contract), contract.Id.ToString(), After: Describe(created.Value!)));
        await db.SaveChangesAsync(cancellationToken);
        return created.Value!;
    }

    public async Task<Result<SocialValueObligation>> ChangeObligationAsync(Contract contract, SocialValueObligation obligation, SocialValueObligation.Input input, CancellationToken cancellationToken)
    {
        var before = Describe(obligation);
        var measure = await MeasureAsync(contract.OrganisationId, input.MeasureCode, cancellationToken);
        if (obligation.Change(contract, input, measure) is { } errors)
        {
            return errors;
        }

        db.RecordDecision(new AuditDecision(contract.OrganisationId, "social-value-obligation-changed", nameof(Contract), contract.Id.ToString(), Before: before, After: Describe(obligation)));
        await db.SaveChangesAsync(cancellationToken);
        return obligation;
    }

    public async Task<Result<DeliveryReport>> SubmitAsync(
        Contract contract, DeliveryReport.Input input, KpiObservation.Actor actor, string source, IReadOnlyList<ContractDelivery.EvidenceFile>? evidence, CancellationToken cancellationToken)
    {
        var obligations = await db.Set<SocialValueObligation>().Where(o => o.ContractId == contract.Id).ToListAsync(cancellationToken);
        var history = await HistoryAsync(contract.Id, cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var submitted = DeliveryReport.Submit(contract, obligations, input, actor, source, history, now);
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

        db.Set<DeliveryReport>().Add(submitted.Value!);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "social-value-report-submitted", nameof(DeliveryReport), submitted.Value!.Id.ToString(), After: Describe(submitted.Value!)));
        await db.SaveChangesAsync(cancellationToken);
        return submitted.Value!;
    }

    /// <summary>Verifies (when <paramref name="verify"/>) or returns a submitted report.</summary>
    public async Task<ContractDelivery.Outcome<DeliveryReport>> ReviewAsync(Contract contract, DeliveryReport report, bool verify, string? reason, KpiObservation.Actor reviewer, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var before = report.Status.ToString();
        if (verify)
        {
            var history = await HistoryAsync(contract.Id, cancellationToken);
            if (report.Verify(reviewer, history, now) is { } refusal)
            {
                return new(null, Refusal: refusal);
            }
        }
        else
        {
            var returned = report.Return(reviewer, reason, now);
            if (!returned.Succeeded)
            {
                return returned.Errors!.ByField.TryGetValue("status", out var status) ? new(null, Refusal: status[0]) : new(null, returned.Errors);
            }
        }

        db.RecordDecision(new AuditDecision(contract.OrganisationId, verify ? "social-value-report-verified" : "social-value-report-returned", nameof(DeliveryReport), report.Id.ToString(),
            Before: before, After: Describe(report)));
        await db.SaveChangesAsync(cancellationToken);
        return new(report);
    }

    private async Task<SocialValueMeasure?> MeasureAsync(Guid organisationId, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var wanted = code.Trim().ToUpperInvariant();
        return await db.SocialValueMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.OrganisationId == organisationId && m.Code == wanted, cancellationToken);
    }

    private Task<List<DeliveryReport>> HistoryAsync(Guid contractId, CancellationToken cancellationToken) =>
        db.Set<DeliveryReport>().Where(r => r.ContractId == contractId).ToListAsync(cancellationToken);

    private static string Describe(SocialValueObligation o) => JsonSerializer.Serialize(new { o.Id, o.MeasureCode, o.Theme, o.Measure, o.Unit, o.CommittedQuantity, o.ProxyValue, o.DueBy, o.Source });

    private static string Describe(DeliveryReport r) => JsonSerializer.Serialize(new
    {
        r.ObligationId,
        r.PeriodStart,
        r.PeriodEnd,
        r.Quantity,
        Status = r.Status.ToString(),
        r.ReturnReason,
        r.Source,
        Evidence = r.Evidence.Select(e => new { e.FileName, e.Sha256 }),
    });
}
