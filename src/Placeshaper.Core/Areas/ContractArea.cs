using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Areas;

/// <summary>
/// A ward (or other area) a contract is delivered in, so that a councillor's ward view can list it. Kept beside the
/// contract rather than on it: a contract may serve several wards, and the link is the ward view's concern.
/// </summary>
public sealed class ContractArea : IOrganisationOwned
{
    private ContractArea()
    {
    }

    public Guid ContractId { get; private set; }

    public Guid AreaId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateTime LinkedAt { get; private set; }

    public static ContractArea Link(Guid organisationId, Guid contractId, Guid areaId, DateTime now) =>
        new() { OrganisationId = organisationId, ContractId = contractId, AreaId = areaId, LinkedAt = now };
}

/// <summary>Sets the wards a contract is delivered in: the chosen ones are linked, the others unlinked (audited).</summary>
public sealed class SetContractAreas(PlaceshaperDb db)
{
    public async Task<Result<IReadOnlyList<Guid>>> HandleAsync(Contract contract, IReadOnlyCollection<Guid> areaIds, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.Where(a => a.OrganisationId == contract.OrganisationId && areaIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        if (areas.Count != areaIds.Distinct().Count())
        {
            return Errors.For("areas", "Choose wards of the organisation's own geography");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var linked = await db.ContractAreas.Where(l => l.ContractId == contract.Id).ToListAsync(cancellationToken);
        db.ContractAreas.RemoveRange(linked.Where(l => !areas.Contains(l.AreaId)));
        db.ContractAreas.AddRange(areas.Where(a => linked.All(l => l.AreaId != a)).Select(a => ContractArea.Link(contract.OrganisationId, contract.Id, a, now)));
        await db.SaveChangesAsync(cancellationToken);
        return areas;
    }
}

internal sealed class ContractAreaConfiguration : IEntityTypeConfiguration<ContractArea>
{
    public void Configure(EntityTypeBuilder<ContractArea> builder)
    {
        builder.ToTable("contract_areas");
        builder.HasKey(l => new { l.ContractId, l.AreaId });
        builder.HasIndex(l => new { l.OrganisationId, l.AreaId });
        builder.HasOne<Contract>().WithMany().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Area>().WithMany().HasForeignKey(l => l.AreaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
