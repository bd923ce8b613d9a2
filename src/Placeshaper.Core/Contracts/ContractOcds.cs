using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Tenders.Publication;

namespace Placeshaper.Contracts;

/// <summary>A contract's open contracting releases: the contract as made, then one contractAmendment release per approved variation.</summary>
public static class ContractOcds
{
    public static async Task<IReadOnlyList<JsonObject>> ReleasesAsync(PlaceshaperDb db, string prefix, OcdsBuyer buyer, Contract contract, bool includeContractRelease, CancellationToken cancellationToken)
    {
        var provider = contract.ProviderId is { } providerId ? await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, cancellationToken) : null;
        var supplier = provider is not null ? OcdsAwards.Supplier(provider) : new SupplierSnapshot($"supplier-{contract.Id}", contract.SupplierName);
        var variations = await VaryContract.ListAsync(db, contract.OrganisationId, contract.Id, cancellationToken);
        var ocid = OcdsReleases.ContractOcid(prefix, contract.TenderId, contract.Id);
        var signed = contract.AwardDecisionId is { } decisionId
            ? await db.AwardDecisions.AsNoTracking().Where(d => d.Id == decisionId).Select(d => d.AwardedAt).SingleOrDefaultAsync(cancellationToken) ?? contract.CreatedAt
            : contract.CreatedAt;
        var record = new ContractRecordSnapshot(
            contract.Id, contract.AwardDecisionId, contract.Title, contract.OriginalValue, contract.StartDate, contract.EndDate, signed, [supplier], contract.Status == ContractStatus.Terminated);
        var taken = contract.Extensions.Where(e => e.Taken).Sum(e => e.Months);
        var months = 0;
        var amendments = new List<AmendmentSnapshot>();
        foreach (var v in variations.Where(v => v.Status == VariationStatus.Approved).OrderBy(v => v.Number))
        {
            months += v.TermMonths;
            amendments.Add(new AmendmentSnapshot(v.Number, v.DecidedAt!.Value, v.Reason, Describe(v), v.ValueAfter, contract.EndDate?.AddMonths(taken + months)));
        }

        return OcdsReleases.ForContract(ocid, buyer, record, amendments, includeContractRelease);
    }

    private static string Describe(Variation v)
    {
        var changes = new List<string>();
        if (v.ValueChange != 0)
        {
            changes.Add($"value {(v.ValueChange > 0 ? "+" : "-")}{Money.Format(Math.Abs(v.ValueChange))}");
        }

        if (v.TermMonths != 0)
        {
            changes.Add($"term {(v.TermMonths > 0 ? "+" : "")}{v.TermMonths} months");
        }

        return $"{v.Description} ({string.Join(", ", changes)})";
    }
}
