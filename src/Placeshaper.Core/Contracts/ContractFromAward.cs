using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Evaluation;
using Placeshaper.Providers;
using Placeshaper.Specifications;
using Placeshaper.Tenders;

namespace Placeshaper.Contracts;

/// <summary>
/// The contract an award enters into: the winning bid's provider and price, the tender's programme, and from the
/// tender's specification the term, the extension options, the KPIs, the payment mechanism and the outcomes.
/// </summary>
public static class ContractFromAward
{
    /// <summary>
    /// Builds the contract of an awarded decision. It starts on <paramref name="start"/> (the day it is entered into)
    /// and runs the specification's initial term; the annual value is the price spread evenly over that term.
    /// A lot's contract takes the tender's reference with the lot's number (ANYTOWN-2026-014/2).
    /// </summary>
    public static Result<Contract> Build(AwardDecision decision, Tender tender, Specification? specification, Provider? provider, IReadOnlyList<string> members, DateOnly start, DateTime now)
    {
        if (decision.Status != AwardStatus.Awarded)
        {
            return Errors.For("awardDecisionId", "The contract is made when the award is made, after the standstill");
        }

        var lot = decision.LotId is { } lotId ? tender.Lots.Single(l => l.Id == lotId) : null;
        var months = specification?.ContractMonths;
        var end = months is { } m ? start.AddMonths(m).AddDays(-1) : (DateOnly?)null;
        var annual = months is { } term ? Money.ToPence(decision.Value * 12 / term) : (decimal?)null;
        var details = new Contract.Details(
            lot is null ? tender.Reference : $"{tender.Reference}/{lot.Number}",
            lot is null ? tender.Title : $"{tender.Title}: {lot.Title}",
            tender.Description,
            provider?.Id,
            provider?.Name ?? decision.Supplier,
            provider?.RegisteredPostcode ?? provider?.TradingPostcode,
            provider?.CompanyNumber,
            decision.Value,
            annual,
            start,
            end,
            Extensions: specification?.Extensions.OrderBy(e => e.Number).Select(e => (Contract.ExtensionInput?)new Contract.ExtensionInput(e.Months)).ToList(),
            Parties: members.Select(name => (Contract.PartyInput?)new Contract.PartyInput(name, PartyRole.ConsortiumMember)).ToList(),
            Procedure: Describe(tender.Route),
            Advertised: tender.Route is Route.OpenProcedure or Route.CompetitiveFlexible,
            ProgrammeId: tender.ProgrammeId,
            OutcomeIds: specification?.Outcomes.Select(o => o.OutcomeId).ToList(),
            SpecificationId: specification?.Id,
            TenderId: tender.Id,
            AwardDecisionId: decision.Id,
            PaymentMechanism: specification?.PaymentMechanism,
            Complete: false,
            // The tender says works or not; "goods and services" and light touch services both take the 10% limit.
            Nature: tender.Kind == ContractKind.Works ? ContractNature.Works : ContractNature.Services);
        var known = new Contract.Known(
            provider is null ? new Dictionary<Guid, string>() : new Dictionary<Guid, string> { [provider.Id] = provider.Name },
            tender.ProgrammeId is { } programme ? new HashSet<Guid> { programme } : [],
            (details.OutcomeIds ?? []).ToHashSet(),
            specification is null ? [] : new HashSet<Guid> { specification.Id },
            new HashSet<Guid> { tender.Id },
            new HashSet<Guid> { decision.Id });
        var created = Contract.Create(decision.OrganisationId, details, known, now);
        if (created.Succeeded && specification is not null)
        {
            created.Value.CopyKpis(specification, now);
        }

        return created;
    }

    /// <summary>
    /// Adds the contract of an award that has just been made to the context, with the decision in the audit trail, for
    /// the caller's SaveChanges to write with the award itself. An award that already has its contract gets no other.
    /// The winning bid's social value commitments become the contract's obligations, each with the measure the tender
    /// fixed (its theme and proxy value).
    /// </summary>
    public static async Task<Contract?> AddAsync(PlaceshaperDb db, AwardDecision decision, IReadOnlyList<Bids.BidContent.Commitment> commitments, CancellationToken cancellationToken)
    {
        if (await db.Contracts.AnyAsync(c => c.AwardDecisionId == decision.Id, cancellationToken))
        {
            return null;
        }

        var tender = await db.Tenders.Include(t => t.Lots).Include(t => t.SocialValueMeasures).AsNoTracking().SingleAsync(t => t.Id == decision.TenderId, cancellationToken);
        var specification = tender.SpecificationId is { } specificationId
            ? await SpecificationQueries.FindAsync(db, decision.OrganisationId, specificationId, cancellationToken)
            : null;
        var providerId = await db.Bids.Where(b => b.Id == decision.BidId).Select(b => b.ProviderId).SingleAsync(cancellationToken);
        var provider = await db.Providers.Include(p => p.Members).AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        var memberIds = provider?.Members.Select(m => m.MemberId).ToList() ?? [];
        var members = await db.Providers.AsNoTracking().Where(p => memberIds.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var built = Build(decision, tender, specification, provider, members, now.UkDate(), now);
        if (!built.Succeeded)
        {
            throw new InvalidOperationException("The awarded contract could not be made: " + built.Errors);
        }

        var contract = built.Value;
        var reference = contract.Reference;
        for (var n = 2; await db.Contracts.AnyAsync(c => c.OrganisationId == contract.OrganisationId && c.Reference == reference, cancellationToken); n++)
        {
            reference = $"{contract.Reference}-{n}";
        }

        if (reference != contract.Reference)
        {
            contract.Change(contract.ToDetails() with { Reference = reference }, Contract.Known.Nothing with
            {
                Providers = provider is null ? new Dictionary<Guid, string>() : new Dictionary<Guid, string> { [provider.Id] = provider.Name },
                Programmes = contract.ProgrammeId is { } p ? new HashSet<Guid> { p } : [],
                Outcomes = contract.Outcomes.Select(o => o.OutcomeId).ToHashSet(),
                Specifications = contract.SpecificationId is { } s ? new HashSet<Guid> { s } : [],
                Tenders = new HashSet<Guid> { tender.Id },
                AwardDecisions = new HashSet<Guid> { decision.Id },
            }, now);
        }

        db.Contracts.Add(contract);
        var obligations = commitments.Select(c => SocialValue.Delivery.SocialValueObligation.FromCommitment(contract, c,
            c.MeasureCode is null ? null : tender.SocialValueMeasures.FirstOrDefault(m => string.Equals(m.Code, c.MeasureCode, StringComparison.OrdinalIgnoreCase)), now)).ToList();
        db.Set<SocialValue.Delivery.SocialValueObligation>().AddRange(obligations);
        db.RecordDecision(new AuditDecision(decision.OrganisationId, "contract-created-from-award", nameof(Contract), contract.Id.ToString(), After: JsonSerializer.Serialize(new
        {
            reference = contract.Reference,
            awardDecision = decision.Id,
            supplier = contract.SupplierName,
            totalValue = contract.TotalValue,
            startDate = contract.StartDate,
            endDate = contract.EndDate,
            kpis = contract.Kpis.Count,
            socialValueObligations = obligations.Count,
            paymentMechanism = contract.PaymentMechanism?.ToString(),
        })));
        return contract;
    }

    private static string Describe(Route route) => route switch
    {
        Route.Quotes => "Quotes",
        Route.BelowThreshold => "Below-threshold competition",
        Route.OpenProcedure => "Open procedure",
        Route.CompetitiveFlexible => "Competitive flexible procedure",
        _ => route.ToString(),
    };
}
