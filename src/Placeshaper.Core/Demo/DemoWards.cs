using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Demo;

/// <summary>The wards Anytown's demo contracts are delivered in, for the councillors' ward views.</summary>
internal static class DemoWards
{
    private static readonly (string Contract, string[] Wards)[] Links =
    [
        (DemoContracts.FamilySupport, ["E05999002", "E05999003"]),
        (DemoContracts.Telecare, ["E05999002", "E05999001"]),
        (DemoContracts.Facilities, ["E05999001"]),
    ];

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.ContractAreas.IgnoreQueryFilters().AnyAsync(l => l.OrganisationId == anytown.Id, cancellationToken))
        {
            return;
        }

        var contracts = await db.Contracts.IgnoreQueryFilters().Where(c => c.OrganisationId == anytown.Id).ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        var wards = await db.Areas.IgnoreQueryFilters().Where(a => a.OrganisationId == anytown.Id && a.Level == AreaLevel.Ward).ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        foreach (var (contract, codes) in Links)
        {
            if (!contracts.TryGetValue(contract, out var contractId))
            {
                continue;
            }

            foreach (var code in codes.Where(wards.ContainsKey))
            {
                db.ContractAreas.Add(ContractArea.Link(anytown.Id, contractId, wards[code], now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
