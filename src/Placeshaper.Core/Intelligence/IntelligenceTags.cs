using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;

namespace Placeshaper.Intelligence;

/// <summary>Turns the area and indicator codes chosen for a report into the organisation's own areas and indicators.</summary>
public static class IntelligenceTags
{
    public sealed record Resolved(Guid? AreaId, Guid? IndicatorId);

    /// <summary>
    /// An empty code means no tag. An area must be one of the organisation's own (not a comparator, which is somewhere
    /// else); an indicator must be one of its indicators.
    /// </summary>
    public static async Task<Result<Resolved>> ResolveAsync(PlaceshaperDb db, Guid organisationId, string? areaCode, string? indicatorCode, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        Guid? areaId = null, indicatorId = null;
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            var code = areaCode.Trim().ToUpperInvariant();
            areaId = await db.Areas.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Code == code && a.Level != AreaLevel.Comparator)
                .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (areaId is null)
            {
                errors.Add("area", "Choose one of the areas in the list");
            }
        }

        if (!string.IsNullOrWhiteSpace(indicatorCode))
        {
            var code = indicatorCode.Trim().ToLowerInvariant();
            indicatorId = await db.Indicators.AsNoTracking()
                .Where(i => i.OrganisationId == organisationId && i.Code == code)
                .Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken);
            if (indicatorId is null)
            {
                errors.Add("indicator", "Choose one of the needs indicators in the list");
            }
        }

        return errors.Any ? errors : new Resolved(areaId, indicatorId);
    }
}
