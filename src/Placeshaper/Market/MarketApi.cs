using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Market;

/// <summary>Market engagement and rights to challenge, recorded against a programme the organisation leads.</summary>
public static class MarketApi
{
    public static readonly Role[] Recorders = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer];

    public sealed record EventRequest(DateOnly? HeldOn, string? Title, EngagementFormat? Format, int? Providers, int? SmallOrVoluntaryProviders, string? Summary);

    public sealed record ChallengeRequest(string? Challenger, string? Service, DateOnly? ReceivedOn);

    public sealed record DecisionRequest(ChallengeStatus? Outcome, DateOnly? DecidedOn, string? Reasons);

    public sealed record EventView(Guid Id, DateOnly HeldOn, string Title, EngagementFormat Format, int Providers, int SmallOrVoluntaryProviders, string Summary);

    public sealed record ChallengeView(Guid Id, string Challenger, string Service, DateOnly ReceivedOn, ChallengeStatus Status, DateOnly? DecidedOn, string Reasons);

    public sealed record MarketView(IReadOnlyList<EventView> Engagement, IReadOnlyList<ChallengeView> RightsToChallenge);

    public static void Map(RouteGroupBuilder organisation)
    {
        var market = organisation.MapGroup("/programmes/{programmeId:guid}/market").WithTags("Market engagement").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        var record = new RequiresRoleAttribute(Recorders);
        market.MapGet("/", GetAsync).WithName("GetMarketEngagement").WithSummary("Early engagement with providers and rights to challenge (lead only)");
        market.MapPost("/engagement", EngageAsync).WithName("RecordEngagement").WithSummary("Record an engagement with providers and what they said").WithMetadata(record);
        market.MapPost("/rights-to-challenge", ReceiveAsync).WithName("ReceiveRightToChallenge").WithSummary("Record a community right to challenge expression of interest").WithMetadata(record);
        market.MapPost("/rights-to-challenge/{challengeId:guid}/decision", DecideAsync).WithName("DecideRightToChallenge")
            .WithSummary("Accept, accept with modifications or reject an expression of interest, with reasons").WithMetadata(record);
    }

    public static async Task<MarketView> ViewAsync(PlaceshaperDb db, Guid programmeId, CancellationToken cancellationToken)
    {
        var events = await db.EngagementEvents.AsNoTracking().Where(e => e.ProgrammeId == programmeId).ToListAsync(cancellationToken);
        var challenges = await db.RightsToChallenge.AsNoTracking().Where(c => c.ProgrammeId == programmeId).ToListAsync(cancellationToken);
        return new MarketView(
            events.OrderByDescending(e => e.HeldOn).Select(e => new EventView(e.Id, e.HeldOn, e.Title, e.Format, e.Providers, e.SmallOrVoluntaryProviders, e.Summary)).ToList(),
            challenges.OrderByDescending(c => c.ReceivedOn).Select(c => new ChallengeView(c.Id, c.Challenger, c.Service, c.ReceivedOn, c.Status, c.DecidedOn, c.Reasons)).ToList());
    }

    private static async Task<Results<Ok<MarketView>, ProblemHttpResult>> GetAsync(Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is null
            ? Problems.NotFound("Programme")
            : TypedResults.Ok(await ViewAsync(db, programmeId, cancellationToken));

    private static async Task<Results<Created<MarketView>, ValidationProblem, ProblemHttpResult>> EngageAsync(
        Guid programmeId, EventRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is not { } programme)
        {
            return Problems.NotFound("Programme");
        }

        var recorded = EngagementEvent.Record(programme, request.HeldOn, request.Title, request.Format, request.Providers, request.SmallOrVoluntaryProviders, request.Summary, db.Clock.GetUtcNow().UtcDateTime);
        if (!recorded.Succeeded)
        {
            return Problems.Validation(recorded.Errors);
        }

        db.EngagementEvents.Add(recorded.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/programmes/{programmeId}/market", await ViewAsync(db, programmeId, cancellationToken));
    }

    private static async Task<Results<Created<MarketView>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        Guid programmeId, ChallengeRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is not { } programme)
        {
            return Problems.NotFound("Programme");
        }

        var received = RightToChallenge.Receive(programme, request.Challenger, request.Service, request.ReceivedOn, db.Clock.GetUtcNow().UtcDateTime);
        if (!received.Succeeded)
        {
            return Problems.Validation(received.Errors);
        }

        db.RightsToChallenge.Add(received.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/programmes/{programmeId}/market", await ViewAsync(db, programmeId, cancellationToken));
    }

    private static async Task<Results<Ok<MarketView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid programmeId, Guid challengeId, DecisionRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is null
            || await db.RightsToChallenge.SingleOrDefaultAsync(c => c.Id == challengeId && c.ProgrammeId == programmeId, cancellationToken) is not { } challenge)
        {
            return Problems.NotFound("Right to challenge");
        }

        if (challenge.Decide(request.Outcome, request.DecidedOn, request.Reasons) is { } errors)
        {
            return Problems.Validation(errors);
        }

        db.RecordDecision(new Audit.AuditDecision(challenge.OrganisationId, "right-to-challenge-decided", "RightToChallenge", challenge.Id.ToString(),
            After: System.Text.Json.JsonSerializer.Serialize(new { outcome = challenge.Status.ToString(), decidedOn = challenge.DecidedOn })));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, programmeId, cancellationToken));
    }
}
