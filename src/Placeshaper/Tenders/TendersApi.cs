using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Tenders;

/// <summary>
/// The organisation's tenders, for its officers and councillors. Provider users bid through the supplier portal and
/// never read the buyer's view (drafts, other bidders): every route here refuses the Provider role.
/// </summary>
public static class TendersApi
{
    public static readonly Role[] Officers = Roles.Officers;

    public static readonly Role[] Buyers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer];

    public sealed record DraftRequest(Guid? ProgrammeId, string? Reference, string? Title, string? Description, ContractKind? Kind, decimal? EstimatedValue);

    public sealed record RouteRequest(Route? Route, string? Reason);

    public sealed record WeightsRequest(decimal? Price, decimal? Quality, decimal? SocialValue);

    public sealed record CriteriaRequest(WeightsRequest? Weights, string? SocialValueWaiverReason, IReadOnlyList<Tender.QuestionInput>? Questions);

    public sealed record LotRequest(string? Title, decimal? EstimatedValue);

    public sealed record LotsRequest(IReadOnlyList<LotRequest>? Lots, string? NoLotsReason, bool SuitableForSme, bool SuitableForVcse);

    public sealed record TimetableRequest(DateTime? ClarificationDeadline, DateTime? SubmissionDeadline);

    public sealed record AdviceView(Route Route, bool AboveThreshold, bool Notifiable, decimal? Threshold, string? ThresholdSource, IReadOnlyList<string> Reasons, IReadOnlyList<string> Documents);

    public sealed record QuestionView(Guid Id, QuestionKind Kind, string Text, decimal Weight, IReadOnlyList<string> Descriptors);

    public sealed record LotView(Guid Id, int Number, string Title, decimal EstimatedValue);

    public sealed record TenderSummary(Guid Id, string Reference, string Title, ContractKind Kind, decimal EstimatedValue, Route Route, TenderStatus Status, DateTime? SubmissionDeadline);

    public sealed record TenderView(
        Guid Id, Guid? ProgrammeId, string Reference, string Title, string Description, ContractKind Kind, decimal EstimatedValue,
        Route Route, string RouteReason, AdviceView Advice,
        decimal PriceWeight, decimal QualityWeight, decimal SocialValueWeight, string SocialValueWaiverReason, int MaxScore,
        IReadOnlyList<QuestionView> Questions, IReadOnlyList<LotView> Lots, string NoLotsReason, bool SuitableForSme, bool SuitableForVcse,
        DateTime? ClarificationDeadline, DateTime? SubmissionDeadline, TenderStatus Status, DateTime? PublishedAt, IReadOnlyList<string> Gaps,
        IReadOnlyList<string> TimetableWarnings);

    public static void Map(RouteGroupBuilder organisation)
    {
        var tenders = organisation.MapGroup("/tenders").WithTags("Tenders").WithMetadata(new RequiresRoleAttribute(Officers));
        var buyers = new RequiresRoleAttribute(Buyers);
        tenders.MapGet("/", ListAsync).WithName("ListTenders").WithSummary("The organisation's tenders, newest first");
        tenders.MapGet("/procedure-advice", AdviseAsync).WithName("AdviseProcedure")
            .WithSummary("The proportionate route to market for a kind of contract and an estimated value including VAT, from the thresholds in force today");
        tenders.MapPost("/", DraftAsync).WithName("DraftTender").WithSummary("Draft a tender, with the route its value calls for").WithMetadata(buyers);
        tenders.MapGet("/{tenderId:guid}", GetAsync).WithName("GetTender").WithSummary("A tender with its advice, award criteria, lots, timetable and what stops it being published");
        tenders.MapPut("/{tenderId:guid}/route", RouteAsync).WithName("ChooseTenderRoute").WithSummary("Choose the route to market; a heavier one than advised needs a reason").WithMetadata(buyers);
        tenders.MapPut("/{tenderId:guid}/award-criteria", CriteriaAsync).WithName("SetAwardCriteria")
            .WithSummary("Weights of price, quality and social value, and the questions with their 0–5 descriptors").WithMetadata(buyers);
        tenders.MapPut("/{tenderId:guid}/lots", LotsAsync).WithName("SetTenderLots").WithSummary("Lots small providers can bid for, or why not").WithMetadata(buyers);
        tenders.MapPut("/{tenderId:guid}/timetable", TimetableAsync).WithName("SetTenderTimetable").WithSummary("Clarification and submission deadlines (UTC)").WithMetadata(buyers);
        tenders.MapPost("/{tenderId:guid}/publish", PublishAsync).WithName("PublishTender").WithSummary("Publish the tender: its terms are then fixed").WithMetadata(buyers);
    }

    private static async Task<Ok<IReadOnlyList<TenderSummary>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var rows = await TenderQueries.ListAsync(db, organisation.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TenderSummary>>(rows
            .Select(t => new TenderSummary(t.Id, t.Reference, t.Title, t.Kind, t.EstimatedValue, t.Route, t.Status, t.SubmissionDeadline)).ToList());
    }

    private static Results<Ok<AdviceView>, ValidationProblem> AdviseAsync(ContractKind? kind, decimal? value, PlaceshaperDb db)
    {
        var errors = new Common.Errors();
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("kind", "Give the kind of contract: GoodsAndServices, LightTouchServices or Works");
        }

        if (value is not { } v || v <= 0)
        {
            errors.Add("value", "Give the estimated value including VAT, in pounds");
        }

        return errors.Any
            ? Problems.Validation(errors)
            : TypedResults.Ok(View(ProcedureAdvice.For(kind!.Value, value!.Value, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime), ProcurementThresholds.Official)));
    }

    private static async Task<Results<Created<TenderView>, ValidationProblem>> DraftAsync(
        DraftRequest request, PlaceshaperDb db, OrganisationContext organisation, Timetable.TimetableCheck timetable, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (request.ProgrammeId is { } programmeId && await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is null)
        {
            return Problems.Validation(Common.Errors.For("programmeId", "There is no such programme led by this organisation"));
        }

        var drafted = Tender.Draft(organisation.Id, request.ProgrammeId, request.Reference, request.Title, request.Description, request.Kind, request.EstimatedValue, ProcurementThresholds.Official, now);
        if (!drafted.Succeeded)
        {
            return Problems.Validation(drafted.Errors);
        }

        if (await db.Tenders.AnyAsync(t => t.OrganisationId == organisation.Id && t.Reference == drafted.Value.Reference, cancellationToken))
        {
            return Problems.Validation(Common.Errors.For("reference", $"There is already a tender with the reference {drafted.Value.Reference}"));
        }

        db.Tenders.Add(drafted.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/tenders/{drafted.Value.Id}", View(drafted.Value, now, await timetable.WarningsAsync(drafted.Value, now, cancellationToken)));
    }

    private static async Task<Results<Ok<TenderView>, ProblemHttpResult>> GetAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, Timetable.TimetableCheck timetable, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(View(tender, now, await timetable.WarningsAsync(tender, now, cancellationToken)));
    }

    private static Task<Results<Ok<TenderView>, ValidationProblem, ProblemHttpResult>> RouteAsync(
        Guid tenderId, RouteRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, tenderId, (t, now) => t.ChooseRoute(request.Route, request.Reason, ProcurementThresholds.Official, DateOnly.FromDateTime(now)), cancellationToken);

    private static Task<Results<Ok<TenderView>, ValidationProblem, ProblemHttpResult>> CriteriaAsync(
        Guid tenderId, CriteriaRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, tenderId, (t, now) => t.SetAwardCriteria(
            request.Weights?.Price, request.Weights?.Quality, request.Weights?.SocialValue, request.SocialValueWaiverReason, request.Questions ?? [], now), cancellationToken);

    private static Task<Results<Ok<TenderView>, ValidationProblem, ProblemHttpResult>> LotsAsync(
        Guid tenderId, LotsRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, tenderId, (t, now) => t.SetLots(
            (request.Lots ?? []).Select(l => (l?.Title, l?.EstimatedValue)).ToList(), request.NoLotsReason, request.SuitableForSme, request.SuitableForVcse, now), cancellationToken);

    private static Task<Results<Ok<TenderView>, ValidationProblem, ProblemHttpResult>> TimetableAsync(
        Guid tenderId, TimetableRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, tenderId, (t, now) => t.SetTimetable(Utc(request.ClarificationDeadline), Utc(request.SubmissionDeadline), now), cancellationToken);

    private static Task<Results<Ok<TenderView>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, tenderId, (t, _) => PublishTender.Apply(db, t), cancellationToken);

    private static DateTime? Utc(DateTime? value) => value is { } v ? (v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : null;

    private static async Task<Results<Ok<TenderView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        PlaceshaperDb db, OrganisationContext organisation, Guid tenderId, Func<Tender, DateTime, Common.Errors?> change, CancellationToken cancellationToken)
    {
        var tender = await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken);
        if (tender is null)
        {
            return Problems.NotFound("Tender");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (change(tender, now) is { Any: true } errors)
        {
            return Problems.Validation(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        var timetable = await new Timetable.TimetableCheck(db, new Calendar.WorkingCalendar(db)).WarningsAsync(tender, now, cancellationToken);
        return TypedResults.Ok(View(tender, now, timetable));
    }

    public static AdviceView View(ProcedureAdvice advice) =>
        new(advice.Route, advice.AboveThreshold, advice.Notifiable, advice.Threshold?.Amount, advice.Threshold?.Source, advice.Reasons, advice.Documents);

    public static TenderView View(Tender t, DateTime now, IReadOnlyList<string> timetableWarnings) => new(
        t.Id, t.ProgrammeId, t.Reference, t.Title, t.Description, t.Kind, t.EstimatedValue,
        t.Route, t.RouteReason, View(t.Advice(ProcurementThresholds.Official, DateOnly.FromDateTime(t.PublishedAt ?? now))),
        t.PriceWeight, t.QualityWeight, t.SocialValueWeight, t.SocialValueWaiverReason, Tender.MaxScore,
        t.Questions.OrderBy(q => q.Order).Select(q => new QuestionView(q.Id, q.Kind, q.Text, q.Weight, q.DescriptorList)).ToList(),
        t.Lots.OrderBy(l => l.Number).Select(l => new LotView(l.Id, l.Number, l.Title, l.EstimatedValue)).ToList(),
        t.NoLotsReason, t.SuitableForSme, t.SuitableForVcse, t.ClarificationDeadline, t.SubmissionDeadline, t.Status, t.PublishedAt, t.Gaps(now),
        timetableWarnings);
}
