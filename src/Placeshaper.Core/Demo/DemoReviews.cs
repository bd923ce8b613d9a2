using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Reviews;

namespace Placeshaper.Demo;

/// <summary>
/// Residents' reviews of Anytown's family support and telecare services, confirmed over the past months; one with the
/// provider's reply, and one held for a moderator because it gives a phone number.
/// </summary>
internal static class DemoReviews
{
    private sealed record Written(string Contract, int Quality, int Reliability, int Respect, int Value, string Comment, string Name, int DaysAgo, string Reply = "");

    private static readonly Written[] Reviews =
    [
        new(DemoContracts.Telecare, 5, 5, 5, 4, "The alarm was fitted within a week and the responder came in twenty minutes when Dad fell in the night. We all sleep better.", "Jo", 120),
        new(DemoContracts.Telecare, 4, 4, 5, 4, "Friendly installers who explained everything twice without making Mum feel slow. The pendant is a bit bulky.", "", 95),
        new(DemoContracts.Telecare, 4, 3, 4, 4, "Good service overall, but the first monthly check call never came and I had to chase it.", "Pat", 60,
            "Thank you, Pat. We had a rota gap in March and have since added a second coordinator so check calls are never missed."),
        new(DemoContracts.Telecare, 5, 4, 5, 5, "Since the sensors went in my neighbour has stayed at home instead of going into respite. Worth every penny.", "A neighbour", 21),
        new(DemoContracts.FamilySupport, 5, 4, 5, 4, "Our key worker listened to the whole family, not just the school's complaints. Things at home are calmer than they have been for years.", "", 150),
        new(DemoContracts.FamilySupport, 3, 2, 4, 3, "Kind people, but we had three different workers in six months and had to tell our story each time.", "Sam", 75,
            "We are sorry, Sam. Staff changes last winter hit some families hard; every family now keeps one named worker from start to finish."),
        new(DemoContracts.FamilySupport, 4, 4, 4, 4, "Helped my son back into school after a year out. The group sessions for parents were the most useful part.", "", 30),
    ];

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Reviews.IgnoreQueryFilters().AnyAsync(r => r.OrganisationId == anytown.Id, cancellationToken))
        {
            return;
        }

        var contracts = await db.Contracts.IgnoreQueryFilters().Where(c => c.OrganisationId == anytown.Id && c.ProviderId != null)
            .ToDictionaryAsync(c => c.Reference, c => (c.Id, ProviderId: c.ProviderId!.Value), cancellationToken);
        if (!contracts.ContainsKey(DemoContracts.Telecare) || !contracts.TryGetValue(DemoContracts.FamilySupport, out var family))
        {
            return;
        }

        var number = 0;
        foreach (var written in Reviews)
        {
            var (contractId, providerId) = contracts[written.Contract];
            var when = now.AddDays(-written.DaysAgo);
            var (review, _) = Review.Submit(anytown.Id, new Review.Input(providerId, contractId,
                new ReviewRatings(written.Quality, written.Reliability, written.Respect, written.Value), written.Comment, written.Name, $"resident{++number}@example.com", true),
                $"192.0.2.{number}", when);
            _ = review.Confirm(HouseRules.Concerns(written.Comment), when.AddHours(2)).Value!;
            if (written.Reply.Length > 0)
            {
                _ = review.ReplyAsProvider(providerId, written.Reply, when.AddDays(2)).Value!;
            }

            db.Reviews.Add(review);
        }

        var (familyContract, brightside) = family;
        const string held = "Brilliant worker, she changed everything for us. If anyone wants to know more ring me on 07700 900123.";
        var (heldReview, _) = Review.Submit(anytown.Id, new Review.Input(brightside, familyContract, new ReviewRatings(5, 5, 5, 5), held, "", "resident99@example.com", true),
            "192.0.2.99", now.AddDays(-2));
        _ = heldReview.Confirm(HouseRules.Concerns(held), now.AddDays(-2).AddHours(1)).Value!;
        db.Reviews.Add(heldReview);
        await db.SaveChangesAsync(cancellationToken);
    }
}
