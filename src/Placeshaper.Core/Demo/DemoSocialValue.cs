using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.SocialValue;

namespace Placeshaper.Demo;

/// <summary>
/// Anytown's own social value measures, fictional like the rest of the demo: the proxy values stand for figures from
/// the council's own evaluation and are nobody else's (not TOMs, not PPN 002).
/// </summary>
internal static class DemoSocialValue
{
    private const string Source = "Anytown Borough Council's own social value evaluation, 2026 (fictional demo figure)";
    private const string Licence = "Anytown Borough Council's own measure (demo data)";

    /// <summary>The measures the home care tender offers its bidders.</summary>
    public static readonly string[] OfferedOnHomeCare = ["ANY-01", "ANY-03", "ANY-04", "PPN002-M1"];

    public static async Task SeedAsync(PlaceshaperDb db, Guid anytownId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.SocialValueMeasures.IgnoreQueryFilters().AnyAsync(m => m.OrganisationId == anytownId, cancellationToken))
        {
            return;
        }

        MeasureDetails[] measures =
        [
            new("ANY-01", "Local jobs", "More Anytown residents in good work", "Anytown residents employed on the contract", "people", 1_500m, Source, Licence),
            new("ANY-02", "Local jobs", "More Anytown residents in good work", "Hours of accredited training for staff on the contract", "hours", 20m, Source, Licence),
            new("ANY-03", "Stronger communities", "Less loneliness among older people", "Hours volunteered by staff with Anytown voluntary groups", "hours", 15m, Source, Licence),
            new("ANY-04", "Local jobs", "More Anytown residents in good work", "Apprenticeships started by Anytown residents", "apprenticeships", null, Source, Licence),
        ];
        foreach (var details in measures)
        {
            db.SocialValueMeasures.Add(SocialValueMeasure.New(anytownId, details.Check().Value!, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
