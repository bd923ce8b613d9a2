using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>Saves the organisation's definition of a local supplier and classifies its suppliers again.</summary>
public static class SaveLocalDefinition
{
    public static async Task<Result<SpendLocalDefinition>> HandleAsync(
        PlaceshaperDb db, ResolveSuppliers resolve, Guid organisationId, LocalDefinitionKind? kind, string? districts, string? centrePostcode, decimal? radiusKm, DateTime now,
        CancellationToken cancellationToken)
    {
        var definition = await db.SpendLocalDefinitions.SingleOrDefaultAsync(d => d.OrganisationId == organisationId, cancellationToken);
        var isNew = definition is null;
        definition ??= SpendLocalDefinition.For(organisationId);
        var changed = definition.Change(kind, districts, centrePostcode, radiusKm, now);
        if (!changed.Succeeded)
        {
            return changed.Errors;
        }

        if (isNew)
        {
            db.SpendLocalDefinitions.Add(definition);
        }

        await db.SaveChangesAsync(cancellationToken);
        await resolve.HandleAsync(organisationId, cancellationToken);
        return definition;
    }
}
