using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Market;
using Placeshaper.Organisations;

namespace Placeshaper.Demo;

/// <summary>How Anytown talked to the home care market before tendering, and a community group's right to challenge.</summary>
internal static class DemoMarket
{
    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.IgnoreQueryFilters().SingleAsync(p => p.OrganisationId == anytown.Id && p.Name == DemoAppraisals.ProgrammeName, cancellationToken);
        if (await db.EngagementEvents.IgnoreQueryFilters().AnyAsync(e => e.ProgrammeId == programme.Id, cancellationToken))
        {
            return;
        }

        db.EngagementEvents.Add(EngagementEvent.Record(programme, DateOnly.FromDateTime(now.AddDays(-95)), "Home care providers' event at the town hall", EngagementFormat.Event, 23, 15,
            "Small providers asked for neighbourhood lots and payment monthly in advance; larger ones warned that 15-minute visits cannot be staffed. We will let by neighbourhood and pay in advance.", now).Value!);
        db.EngagementEvents.Add(EngagementEvent.Record(programme, DateOnly.FromDateTime(now.AddDays(-80)), "Survey of carers' and providers' views", EngagementFormat.Survey, 41, 30,
            "Recruitment is the main risk: providers back a shared training offer and a real living wage floor, which the specification will include.", now).Value!);
        var challenge = RightToChallenge.Receive(programme, "Westmoor Community Transport", "Transport to day opportunities for home care users in Westmoor", DateOnly.FromDateTime(now.AddDays(-70)), now).Value!;
        challenge.Decide(ChallengeStatus.AcceptedWithModifications, DateOnly.FromDateTime(now.AddDays(-50)),
            "Accepted as part of the south lot, so the service is procured with the home care it supports rather than on its own.");
        db.RightsToChallenge.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
    }
}
