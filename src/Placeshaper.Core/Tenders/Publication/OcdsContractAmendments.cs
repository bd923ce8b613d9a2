using System.Globalization;
using System.Text.Json.Nodes;

namespace Placeshaper.Tenders.Publication;

/// <summary>
/// A contract in the register as open contracting data sees it: its id, the award it came from (none when imported or
/// added by hand), its original value and term, and its supplier.
/// </summary>
public sealed record ContractRecordSnapshot(
    Guid Id, Guid? AwardDecisionId, string Title, decimal? OriginalValue, DateOnly? Start, DateOnly? OriginalEnd, DateTime Date, IReadOnlyList<SupplierSnapshot> Suppliers, bool Terminated);

/// <summary>An approved variation: its number, when it was approved, why, what changed, and the value and end date after it.</summary>
public sealed record AmendmentSnapshot(int Number, DateTime Date, string Rationale, string Description, decimal? ValueAfter, DateOnly? EndAfter);

public static partial class OcdsReleases
{
    /// <summary>The ocid of a contract: its tender's when it came from one, otherwise its own, stable for its life.</summary>
    public static string ContractOcid(string prefix, Guid? tenderId, Guid contractId) => Ocid(prefix, tenderId ?? contractId);

    /// <summary>The id of the contract release, the same one the tender's package gives an awarded contract.</summary>
    public static string ContractReleaseId(string ocid, Guid contractId) => $"{ocid}-contract-{contractId}";

    /// <summary>
    /// A contract's releases: the contract as it was made (with its award when it did not come from a tender's award,
    /// because OCDS needs every contract to name an award), then a contractAmendment release for each approved
    /// variation, carrying the contract's value and period after it and an amendment that names the release it amends.
    /// </summary>
    public static IReadOnlyList<JsonObject> ForContract(string ocid, OcdsBuyer buyer, ContractRecordSnapshot contract, IReadOnlyList<AmendmentSnapshot> amendments, bool includeContractRelease = true)
    {
        var releases = new List<JsonObject>();
        var contractReleaseId = ContractReleaseId(ocid, contract.Id);
        var awardId = contract.AwardDecisionId?.ToString() ?? $"{contract.Id}-award";
        if (includeContractRelease)
        {
            var release = Release(ocid, contractReleaseId, contract.Date, "contract", Parties(buyer, contract.Suppliers), buyer);
            if (contract.AwardDecisionId is null)
            {
                var award = new JsonObject
                {
                    ["id"] = awardId,
                    ["status"] = "active",
                    ["date"] = Date(contract.Date),
                    ["suppliers"] = new JsonArray([.. contract.Suppliers.Select(s => (JsonNode)Reference(s.Id, s.Name))]),
                };
                if (contract.OriginalValue is { } awarded)
                {
                    award["value"] = Value(awarded);
                }

                release["tag"] = new JsonArray("award", "contract");
                release["awards"] = new JsonArray(award);
            }

            release["contracts"] = new JsonArray(ContractBody(contract, awardId, contract.OriginalValue, contract.OriginalEnd, []));
            releases.Add(release);
        }

        var chain = new List<(AmendmentSnapshot Amendment, string Amends, string ReleaseId)>();
        var amends = contractReleaseId;
        foreach (var amendment in amendments.OrderBy(a => a.Number))
        {
            var id = $"{contractReleaseId}-amendment-{amendment.Number.ToString(CultureInfo.InvariantCulture)}";
            chain.Add((amendment, amends, id));
            var release = Release(ocid, id, amendment.Date, "contractAmendment", Parties(buyer, contract.Suppliers), buyer);
            release["contracts"] = new JsonArray(ContractBody(contract, awardId, amendment.ValueAfter, amendment.EndAfter, [.. chain]));
            releases.Add(release);
            amends = id;
        }

        return releases;
    }

    private static JsonObject ContractBody(ContractRecordSnapshot c, string awardId, decimal? value, DateOnly? end, IReadOnlyList<(AmendmentSnapshot Amendment, string Amends, string ReleaseId)> amendments)
    {
        var body = new JsonObject
        {
            ["id"] = c.Id.ToString(),
            ["awardID"] = awardId,
            ["title"] = c.Title,
            ["status"] = c.Terminated ? "terminated" : "active",
        };
        if (value is { } amount)
        {
            body["value"] = Value(amount);
        }

        if (c.Start is not null || end is not null)
        {
            body["period"] = Period(c.Start is { } s ? UkTime.StartOfUkDay(s) : null, end is { } e ? UkTime.EndOfUkDay(e) : null);
        }

        if (amendments.Count > 0)
        {
            // Every amendment so far, as OCDS asks, so that each release shows the contract's whole history of change.
            body["amendments"] = new JsonArray([.. amendments.Select(a =>
            {
                var amendment = new JsonObject
                {
                    ["id"] = a.Amendment.Number.ToString(CultureInfo.InvariantCulture),
                    ["date"] = Date(a.Amendment.Date),
                    ["rationale"] = a.Amendment.Rationale,
                    ["description"] = a.Amendment.Description,
                };
                amendment["amendsReleaseID"] = a.Amends;
                amendment["releaseID"] = a.ReleaseId;

                return (JsonNode)amendment;
            })]);
        }

        return body;
    }
}
