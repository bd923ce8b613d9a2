using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.People;

namespace Placeshaper.Demo;

/// <summary>
/// Anytown: a fictional borough council and its partners, with a person in every role, so that a new
/// installation shows the product working. Demo people can sign in only while the installation runs in demo mode.
/// </summary>
public sealed class DemoData(PlaceshaperDb db, UserManager<Person> people, TimeProvider clock, Bids.SealingKeys keys)
{
    /// <summary>The one demo password. It is printed at start and refused outside demo mode.</summary>
    public const string Password = "anytown-demo-2026";

    public sealed record DemoPerson(string Email, string Name, string Organisation, Role Role, string? Provider = null);

    public static readonly IReadOnlyList<(string Slug, string Name, OrganisationKind Kind)> Organisations =
    [
        ("anytown", "Anytown Borough Council", OrganisationKind.Council),
        ("anytown-icb", "Anytown Integrated Care Board", OrganisationKind.NhsBody),
        ("anytown-police", "Anytown Police", OrganisationKind.Police),
        ("borsetshire", "Borsetshire County Council", OrganisationKind.Council),
        ("felpersham", "Felpersham City Council", OrganisationKind.Council),
    ];

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("administrator@anytown.example", "Alex Administrator", "anytown", Role.Administrator),
        new("commissioner@anytown.example", "Chris Commissioner", "anytown", Role.Commissioner),
        new("commissioner@anytown.example", "Chris Commissioner", "anytown-icb", Role.Commissioner),
        new("procurement@anytown.example", "Priya Procurement", "anytown", Role.ProcurementOfficer),
        new("finance@anytown.example", "Fola Finance", "anytown", Role.FinanceOfficer),
        new("evaluator@anytown.example", "Evan Evaluator", "anytown", Role.Evaluator),
        new("councillor@anytown.example", "Cllr Carys Jones", "anytown", Role.Councillor),
        new("commissioner@anytown-icb.example", "Hana Health", "anytown-icb", Role.Commissioner),
        new("administrator@anytown-icb.example", "Ian ICB-Admin", "anytown-icb", Role.Administrator),
        new("commissioner@anytown-police.example", "Pat Police", "anytown-police", Role.Commissioner),
        new("administrator@anytown-police.example", "Paul Police-Admin", "anytown-police", Role.Administrator),
        new("care@anytown-community-care.example", "Cara Care", "anytown", Role.Provider, "Anytown Community Care CIC"),
        new("hello@brightside.example", "Bea Brightside", "anytown", Role.Provider, "Brightside Family Support"),
        new("bids@northgate-facilities.example", "Nat Northgate", "anytown", Role.Provider, "Northgate Facilities Ltd"),
        new("commissioner@borsetshire.example", "Bella Borsetshire", "borsetshire", Role.Commissioner),
        new("administrator@borsetshire.example", "Ben Borsetshire-Admin", "borsetshire", Role.Administrator),
        new("commissioner@felpersham.example", "Fern Felpersham", "felpersham", Role.Commissioner),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return false;
        }

        await SeedAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds whatever part of the demo is missing; running it twice changes nothing.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var (slug, name, kind) in Organisations)
        {
            var organisation = await db.Organisations.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
            if (organisation is null)
            {
                organisation = Organisation.Create(slug, name, kind, now).Value!;
                db.Organisations.Add(organisation);
            }

            organisations[slug] = organisation;
        }

        var anytown = organisations["anytown"];
        await db.SaveChangesAsync(cancellationToken);
        var providers = await DemoProviders.SeedAsync(db, anytown.Id, now, cancellationToken);

        foreach (var demo in People)
        {
            var person = await people.FindByEmailAsync(demo.Email);
            if (person is null)
            {
                person = new Person { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.Name, IsDemo = true, CreatedAt = now };
                var created = await people.CreateAsync(person, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Could not create demo person " + demo.Email + ": " + string.Join("; ", created.Errors.Select(e => e.Description)));
                }
            }

            var organisationId = organisations[demo.Organisation].Id;
            var providerId = demo.Provider is null ? (Guid?)null : providers[demo.Provider].Id;
            var exists = await db.Memberships.IgnoreQueryFilters()
                .AnyAsync(m => m.PersonId == person.Id && m.OrganisationId == organisationId && m.Role == demo.Role, cancellationToken);
            if (!exists)
            {
                db.Memberships.Add(Membership.Grant(person.Id, organisationId, demo.Role, providerId, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await DemoAreas.SeedAsync(db, anytown.Id, now, cancellationToken);
        await DemoNeeds.SeedAsync(db, anytown.Id, now, cancellationToken);
        await DemoProgrammes.SeedAsync(
            db,
            organisations,
            async email =>
            {
                var person = await db.Users.Where(p => p.Email == email).Select(p => new { p.Id, p.DisplayName }).SingleAsync(cancellationToken);
                return (person.Id, person.DisplayName);
            },
            now,
            cancellationToken);
        await DemoOutcomes.SeedAsync(db, anytown.Id, organisations["anytown-icb"].Id, now, cancellationToken);
        var chris = await db.Users.Where(p => p.Email == "commissioner@anytown.example").Select(p => new { p.Id, p.DisplayName }).SingleAsync(cancellationToken);
        await DemoAppraisals.SeedAsync(db, anytown, organisations["anytown-icb"], (chris.Id, chris.DisplayName), now, cancellationToken);
        await DemoSocialValue.SeedAsync(db, anytown.Id, now, cancellationToken);
        await DemoTenders.SeedAsync(db, anytown, now, cancellationToken);
        await DemoMarket.SeedAsync(db, anytown, now, cancellationToken);
        var procurement = await db.Users.Where(p => p.Email == "procurement@anytown.example").Select(p => p.Id).SingleAsync(cancellationToken);
        await DemoBids.SeedAsync(db, anytown, providers, procurement, keys, now, cancellationToken);
        await DemoClarifications.SeedAsync(db, anytown, providers, procurement, now, cancellationToken);
        await DemoSpecifications.SeedAsync(db, anytown, now, cancellationToken);
        await DemoContracts.SeedAsync(db, anytown, now, cancellationToken);
        await DemoDelivery.SeedAsync(db, anytown, now, cancellationToken);
        await DemoVariations.SeedAsync(db, anytown, now, cancellationToken);
        await DemoReviews.SeedAsync(db, anytown, now, cancellationToken);
        var carys = await db.Users.Where(p => p.Email == "councillor@anytown.example").Select(p => new { p.Id, p.DisplayName }).SingleAsync(cancellationToken);
        await DemoScrutiny.SeedAsync(db, anytown, (carys.Id, carys.DisplayName), (chris.Id, chris.DisplayName), now, cancellationToken);
        await DemoBenchmarks.SeedAsync(db, organisations, now, cancellationToken);
        await DemoWards.SeedAsync(db, anytown, now, cancellationToken);
        await DemoProgrammeReview.SeedAsync(db, anytown, (chris.Id, chris.DisplayName), now, cancellationToken);
        await DemoSpend.SeedAsync(db, anytown, clock, cancellationToken);
        await DemoSocialValueDelivery.SeedAsync(db, anytown, now, cancellationToken);
    }
}
