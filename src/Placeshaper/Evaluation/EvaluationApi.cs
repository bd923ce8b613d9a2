using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Audit;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// Evaluation of a tender's opened bids: the panel, conflict declarations, independent scores, moderation and the
/// ranking. Officers see where it stands; only people clear to read bids see scores and results.
/// </summary>
public static class EvaluationApi
{
    public sealed record PanelRequest(Guid? PersonId);

    public sealed record DeclarationRequest(bool? Conflict, string? Details);

    public sealed record ScoreRequest(Guid? BidId, Guid? QuestionId, int? Score, string? Reason);

    public sealed record ModerationRequest(Guid? BidId, Guid? QuestionId, int? Score, string? Rationale);

    public sealed record DecisionRequest(Guid? LotId, string? AbnormallyLowExplanation);

    public sealed record AwardView(
        Guid Id, Guid? LotId, Guid BidId, string Supplier, decimal Value, string AbnormallyLowExplanation, DateTime DecidedAt, DateOnly NoticePublishedOn, DateOnly StandstillEndsOn,
        AwardStatus Status, DateTime? AwardedAt, IReadOnlyList<AwardDecision.Place> Ranking);

    public sealed record MemberView(Guid PersonId, string Name, bool Declared, bool StoodDown, bool Submitted);

    public sealed record ScoreView(Guid PersonId, Guid BidId, Guid QuestionId, int Score, string Reason);

    public sealed record ModeratedView(Guid BidId, Guid QuestionId, int Score, string Rationale);

    public sealed record RankedView(Guid BidId, string Bidder, decimal Price, decimal PriceScore, decimal QualityScore, decimal SocialValueScore, decimal Total, int Rank, bool AbnormallyLow, IReadOnlyList<string> Working);

    public sealed record LotView(Guid? LotId, string Name, IReadOnlyList<RankedView> Bids);

    public sealed record EvaluationView(
        bool BidsOpened, IReadOnlyList<MemberView> Panel, bool? MyConflict, bool ClearToRead, bool AllSubmitted, int Submitted,
        IReadOnlyList<ScoreView> Scores, IReadOnlyList<ModeratedView> Moderated, bool ModerationComplete, IReadOnlyList<LotView>? Results,
        IReadOnlyList<AwardView> Awards);

    public static void Map(RouteGroupBuilder organisation)
    {
        var evaluation = organisation.MapGroup("/tenders/{tenderId:guid}/evaluation").WithTags("Evaluation").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        var readers = new RequiresRoleAttribute(BidsApi.Readers);
        var buyers = new RequiresRoleAttribute(TendersApi.Buyers);
        evaluation.MapGet("/", GetAsync).WithName("GetEvaluation")
            .WithSummary("The panel, declarations and progress; your scores, everyone's once all have submitted; the consensus scores and ranking for people clear to read bids");
        evaluation.MapPost("/panel", AppointAsync).WithName("AppointPanelMember").WithSummary("Appoint a panel member, before scoring starts").WithMetadata(buyers);
        evaluation.MapPost("/declaration", DeclareAsync).WithName("DeclareConflicts")
            .WithSummary("Declare whether you have a conflict of interest with any bidder: needed before reading any bid").WithMetadata(readers);
        evaluation.MapPut("/scores", ScoreAsync).WithName("ScoreAnswer").WithSummary("Your score (0–5) and reason for one bid's answer to one question").WithMetadata(readers);
        evaluation.MapPost("/scores/submit", SubmitAsync).WithName("SubmitScores").WithSummary("Submit your scores, once every answer is scored; they then cannot change").WithMetadata(readers);
        evaluation.MapPut("/moderated", ModerateAsync).WithName("ModerateScore")
            .WithSummary("The panel's consensus score and rationale for one answer, once every member has submitted").WithMetadata(buyers);
        evaluation.MapPost("/award-decisions", DecideAsync).WithName("DecideAward")
            .WithSummary("Decide to award a lot (no lotId: the whole contract) to the highest-ranked bid; starts the 8-working-day standstill").WithMetadata(buyers)
            .ProducesProblem(StatusCodes.Status409Conflict);
        evaluation.MapPost("/award-decisions/{decisionId:guid}/award", AwardAsync).WithName("AwardContract")
            .WithSummary("Enter into the contract once the standstill is over (409 before)").WithMetadata(buyers).ProducesProblem(StatusCodes.Status409Conflict);
        SupplierChecksApi.Map(evaluation);
    }

    private sealed record Loaded(Tender Tender, BidEvaluation Evaluation, IReadOnlyList<Guid> LiveBids);

    private static async Task<(Loaded? Loaded, ProblemHttpResult? Problem)> LoadAsync(Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return (null, Problems.NotFound("Tender"));
        }

        if (await EvaluationQueries.FindOrStartAsync(db, tender, cancellationToken) is not { } evaluation)
        {
            return (null, Problems.Conflict("Evaluation starts once the deadline has passed and the bids have been opened."));
        }

        return (new Loaded(tender, evaluation, await EvaluationQueries.LiveBidsAsync(db, tender.Id, cancellationToken)), null);
    }

    private static async Task<Results<Ok<EvaluationView>, ProblemHttpResult>> GetAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await LoadAsync(tenderId, db, organisation, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var view = await ViewAsync(loaded, db, organisation, viewer, sealedBids, cancellationToken);
        return TypedResults.Ok(view);
    }

    private static async Task<EvaluationView> ViewAsync(Loaded loaded, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        var (tender, evaluation, _) = loaded;
        var me = viewer.PersonId!.Value;
        var names = await EvaluationQueries.NamesAsync(db, evaluation.Panel.Select(m => m.PersonId), cancellationToken);
        var clear = evaluation.IsClearToRead(me) && organisation.Current.HasAny(BidsApi.Readers);
        var members = evaluation.Panel.ToDictionary(m => m.Id, m => m.PersonId);
        IReadOnlyList<LotView>? results = null;
        var moderationComplete = evaluation.IsModerated(loaded.LiveBids, tender);
        if (clear && moderationComplete)
        {
            var (_, opened) = await sealedBids.ReadAllAsync(tender, me, cancellationToken);
            var bidders = await BidViews.BiddersAsync(db, opened.Select(o => o.Bid.ProviderId), cancellationToken);
            var excluded = EvaluationQueries.Excluded(await EvaluationQueries.ChecksAsync(db, tender.Id, cancellationToken));
            var ranked = EvaluationResults.For(tender, evaluation, opened.Select(o => EvaluationQueries.Entry(o, bidders.GetValueOrDefault(o.Bid.ProviderId, ""))).ToList(), excluded);
            results = ranked.Succeeded
                ? ranked.Value.Select(l => new LotView(l.LotId, l.Name, l.Bids.Select(b => new RankedView(
                    b.BidId, b.Bidder, b.Score.Price, R(b.Score.PriceScore), R(b.Score.QualityScore), R(b.Score.SocialValueScore), R(b.Score.Total), b.Score.Rank, b.Score.AbnormallyLow, b.Score.Working)).ToList())).ToList()
                : [];
        }

        return new EvaluationView(
            tender.BidsOpenedAt is not null,
            evaluation.Panel.Select(m => new MemberView(m.PersonId, names.GetValueOrDefault(m.PersonId, ""), evaluation.DeclarationOf(m.PersonId) is not null, m.StoodDown, m.SubmittedAt is not null)).ToList(),
            evaluation.DeclarationOf(me)?.HasConflict,
            clear,
            evaluation.AllSubmitted,
            evaluation.ActivePanel.Count(m => m.SubmittedAt is not null),
            clear ? evaluation.ScoresVisibleTo(me).Select(s => new ScoreView(members[s.PanelMemberId], s.BidId, s.QuestionId, s.Score, s.Reason)).ToList() : [],
            clear && evaluation.AllSubmitted ? evaluation.Moderated.Select(m => new ModeratedView(m.BidId, m.QuestionId, m.Score, m.Rationale)).ToList() : [],
            moderationComplete,
            results,
            (await AwardsAsync(db, tender.Id, cancellationToken)).Select(Of).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AppointAsync(
        Guid tenderId, PanelRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await LoadAsync(tenderId, db, organisation, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var eligible = request.PersonId is { } personId && await EvaluationPeople.IsEligibleAsync(db, organisation.Id, personId, cancellationToken);
        var errors = eligible
            ? loaded.Evaluation.Appoint(request.PersonId!.Value, db.Clock.GetUtcNow().UtcDateTime)
            : Common.Errors.For("personId", "Choose a person of this organisation who is an evaluator, commissioner, procurement officer or administrator");
        return await SaveAsync(db, errors, cancellationToken);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeclareAsync(
        Guid tenderId, DeclarationRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await LoadAsync(tenderId, db, organisation, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var errors = loaded.Evaluation.Declare(viewer.PersonId!.Value, request.Conflict, request.Details, db.Clock.GetUtcNow().UtcDateTime);
        if (errors is null)
        {
            db.RecordDecision(new AuditDecision(organisation.Id, "conflict-declared", nameof(Tender), tenderId.ToString(),
                After: JsonSerializer.Serialize(new { person = viewer.PersonId, conflict = request.Conflict })));
        }

        return await SaveAsync(db, errors, cancellationToken);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        Guid tenderId, ScoreRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await LoadAsync(tenderId, db, organisation, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var errors = loaded.Evaluation.Score(viewer.PersonId!.Value, request.BidId ?? Guid.Empty, request.QuestionId ?? Guid.Empty, request.Score, request.Reason,
            loaded.LiveBids, loaded.Tender, db.Clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, errors, cancellationToken);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await LoadAsync(tenderId, db, organisation, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var errors = loaded.Evaluation.Submit(viewer.PersonId!.Value, loaded.LiveBids, loaded.Tender, db.Clock.GetUtcNow().UtcDateTime);
        if (errors is null)
        {
            db.RecordDecision(new AuditDecision(organisation.Id, "scores-submitted", nameof(Tender), tenderId.ToString(), After: JsonSerializer.Serialize(new { person = viewer.PersonId })));
        }

        return await SaveAsync(db, errors, cancellationToken);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ModerateAsync(
        Guid tenderId, ModerationRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await LoadAsync(tenderId, db, organisation, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var errors = loaded.Evaluation.Moderate(viewer.PersonId!.Value, request.BidId ?? Guid.Empty, request.QuestionId ?? Guid.Empty, request.Score, request.Rationale,
            loaded.LiveBids, loaded.Tender, db.Clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, errors, cancellationToken);
    }

    private static Task<List<AwardDecision>> AwardsAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.AwardDecisions.Where(a => a.TenderId == tenderId), cancellationToken);

    public static AwardView Of(AwardDecision a) => new(
        a.Id, a.LotId, a.BidId, a.Supplier, a.Value, a.AbnormallyLowExplanation, a.DecidedAt, a.NoticePublishedOn, a.StandstillEndsOn, a.Status, a.AwardedAt, a.Places);

    private static async Task<Results<Created<AwardView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid tenderId, DecisionRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, DecideAward decide, CancellationToken cancellationToken)
    {
        var (loaded, problem) = await LoadAsync(tenderId, db, organisation, cancellationToken);
        if (loaded is null)
        {
            return problem!;
        }

        var outcome = await decide.DecideAsync(loaded.Tender, loaded.Evaluation, request.LotId, request.AbnormallyLowExplanation, viewer.PersonId!.Value, cancellationToken);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/tenders/{tenderId}/evaluation", Of(outcome.Decision!)),
        };
    }

    private static async Task<Results<Ok<AwardView>, ProblemHttpResult>> AwardAsync(
        Guid tenderId, Guid decisionId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, DecideAward decide, CancellationToken cancellationToken)
    {
        var decision = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.AwardDecisions, a => a.Id == decisionId && a.TenderId == tenderId && a.OrganisationId == organisation.Id, cancellationToken);
        if (decision is null)
        {
            return Problems.NotFound("Award decision");
        }

        return await decide.AwardAsync(decision, viewer.PersonId!.Value, cancellationToken) is { } errors
            ? Problems.Conflict(errors.ToString())
            : TypedResults.Ok(Of(decision));
    }

    /// <summary>Scores are shown to 2 dp, half away from zero; the ranking is decided on the exact figures.</summary>
    private static decimal R(decimal score) => Calculators.Rounding.ToTwoPlaces(score);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveAsync(PlaceshaperDb db, Common.Errors? errors, CancellationToken cancellationToken)
    {
        if (errors is not null)
        {
            return Problems.Validation(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
