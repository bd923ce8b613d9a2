using Microsoft.EntityFrameworkCore;
using Placeshaper.Clarifications;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Providers;

namespace Placeshaper.Demo;

/// <summary>
/// Clarifications on the open home care tender: two answers published to every bidder (TUPE, bidding for both lots),
/// the first reworded so it does not identify who asked, and one question awaiting an answer.
/// </summary>
internal static class DemoClarifications
{
    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, IReadOnlyDictionary<string, Provider> providers, Guid answeredBy, DateTime now, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.OrganisationId == anytown.Id && t.Reference == DemoTenders.Reference, cancellationToken);
        if (tender is null || await db.Clarifications.IgnoreQueryFilters().AnyAsync(c => c.TenderId == tender.Id, cancellationToken))
        {
            return;
        }

        // Asked and answered while the tender was open: the entity's rules are applied at those moments.
        var tupe = await AskAsync("Brightside Family Support", "hello@brightside.example",
            "We are Brightside, a small charity already running family support in Riverside. Will staff of the current home care providers transfer under TUPE, and can we see their numbers and pay before we bid?",
            now.AddDays(-15));
        tupe.Publish(tender,
            "Will staff of the current home care providers transfer under TUPE, and will their numbers and terms be shared before bids are due?",
            "Yes. TUPE is likely to apply to care workers who spend most of their time on the current contracts. Anonymised information on 214 staff (roles, hours, pay and pension) from the two current providers is in the document library, and will be updated ten days before the deadline for bids.",
            answeredBy, now.AddDays(-13));
        var lots = await AskAsync("Northgate Facilities Ltd", "bids@northgate-facilities.example",
            "May a bidder bid for both lots, and will a bidder be awarded both if it comes first in each?",
            now.AddDays(-12));
        lots.Publish(tender, null,
            "Yes, you may bid for either lot or both, with a price for each. Each lot is evaluated and awarded separately, so one bidder may win both.",
            answeredBy, now.AddDays(-10));
        await AskAsync("Anytown Community Care CIC", "care@anytown-community-care.example",
            "Will the council pay for carers' travel time between visits, or should it be included in the hourly rate?",
            now.AddDays(-3));
        await db.SaveChangesAsync(cancellationToken);

        async Task<Clarification> AskAsync(string provider, string email, string question, DateTime at)
        {
            var person = await db.Users.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(cancellationToken);
            var asked = Clarification.Ask(tender, providers[provider].Id, person, question, at).Value!;
            db.Clarifications.Add(asked);
            return asked;
        }
    }
}
