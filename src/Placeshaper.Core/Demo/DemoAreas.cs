using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;

namespace Placeshaper.Demo;

/// <summary>
/// Anytown's fictional geography. The codes are shaped like ONS codes but taken from ranges ONS has not allocated
/// (E06009…, E05999…), so they can never be mistaken for a real place.
/// </summary>
internal static class DemoAreas
{
    public const string AuthorityCode = "E06009001";

    public static readonly IReadOnlyList<(string Code, string Name)> Wards =
    [
        ("E05999001", "Castle"),
        ("E05999002", "Riverside"),
        ("E05999003", "Northgate"),
        ("E05999004", "Southfields"),
        ("E05999005", "Eastbrook"),
        ("E05999006", "Westmoor"),
    ];

    public static async Task SeedAsync(PlaceshaperDb db, Guid anytown, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.OrganisationId == anytown, cancellationToken))
        {
            return;
        }

        var borough = Area.New(anytown, AuthorityCode, "Anytown", AreaLevel.Authority, now);
        db.Areas.Add(borough);
        foreach (var (code, name) in Wards)
        {
            var ward = Area.New(anytown, code, name, AreaLevel.Ward, now);
            ward.Update(name, AreaLevel.Ward, borough.Id);
            db.Areas.Add(ward);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
