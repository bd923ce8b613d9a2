using Placeshaper.Evaluation;
using Placeshaper.Providers;

namespace Placeshaper.Tenders.Publication;

/// <summary>
/// Award decisions as OCDS awards. A decision is published at once as a pending award with its standstill period
/// (OCDS: "proposed, but not yet in force… due to a cooling off period"); once the contract is entered into after the
/// standstill, a second release makes the award active and a contract release follows, signed that day.
/// </summary>
public static class OcdsAwards
{
    /// <summary>The period a contract made from an award runs for, and its id, when the contracts register holds it.</summary>
    public sealed record ContractTerm(Guid ContractId, DateOnly? Start, DateOnly? End);

    public static IReadOnlyList<AwardSnapshot> For(
        Tender tender, IReadOnlyList<AwardDecision> decisions, IReadOnlyDictionary<Guid, Provider> winnersByBid, IReadOnlyDictionary<Guid, ContractTerm>? contractsByDecision = null)
    {
        var awards = new List<AwardSnapshot>();
        foreach (var decision in decisions.OrderBy(d => d.DecidedAt))
        {
            var supplier = winnersByBid.TryGetValue(decision.BidId, out var provider)
                ? Supplier(provider)
                : new SupplierSnapshot($"supplier-{decision.BidId}", decision.Supplier);
            var lots = decision.LotId is { } lotId && tender.Lots.FirstOrDefault(l => l.Id == lotId) is { } lot ? [lot.Number] : Array.Empty<int>();
            // The standstill runs from the notice to the end of its last working day in the UK.
            var standstillEnd = UkTime.EndOfUkDay(decision.StandstillEndsOn);
            awards.Add(new AwardSnapshot(decision.Id.ToString(), decision.DecidedAt, AwardState.Pending, [supplier], decision.Value, lots, decision.DecidedAt, standstillEnd));
            if (decision is { Status: AwardStatus.Awarded, AwardedAt: { } awardedAt })
            {
                var term = contractsByDecision?.GetValueOrDefault(decision.Id);
                awards.Add(new AwardSnapshot(decision.Id.ToString(), awardedAt, AwardState.Active, [supplier], decision.Value, lots, decision.DecidedAt, standstillEnd,
                    new ContractSnapshot(term?.ContractId.ToString() ?? $"{decision.Id}-contract", ContractState.Active, decision.Value,
                        term?.Start is { } start ? UkTime.StartOfUkDay(start) : null, term?.End is { } end ? UkTime.EndOfUkDay(end) : null, awardedAt)));
            }
        }

        return awards;
    }

    /// <summary>
    /// A supplier by its registered identifier, in org-id.guide's schemes: GB-COH for Companies House, GB-CHC, GB-SC
    /// and GB-NIC for the charity regulators of England and Wales, Scotland and Northern Ireland.
    /// </summary>
    public static SupplierSnapshot Supplier(Provider provider)
    {
        var identifier = provider.CompanyNumber is { Length: > 0 } company ? new OcdsIdentifier("GB-COH", company, provider.Name)
            : provider.CharityNumber is { Length: > 0 } charity ? new OcdsIdentifier(CharityScheme(charity), charity, provider.Name)
            : null;
        return new SupplierSnapshot(identifier is null ? $"provider-{provider.Id}" : $"{identifier.Scheme}-{identifier.Id}", provider.Name, identifier, provider.IsVcse);
    }

    private static string CharityScheme(string number) =>
        number.StartsWith("SC", StringComparison.Ordinal) ? "GB-SC"
        : number.StartsWith("NIC", StringComparison.Ordinal) ? "GB-NIC"
        : "GB-CHC";
}
