using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Budgets;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

public static class ProgrammesApi
{
    public sealed record OrganisationRef(string Slug, string Name);

    public sealed record ProgrammeSummary(Guid Id, string Name, OrganisationRef Lead, string YourRole, IReadOnlyList<Stage> Stages);

    public sealed record ProgrammeDetail(
        Guid Id,
        string Name,
        string? Summary,
        OrganisationRef Lead,
        IReadOnlyList<OrganisationRef> Partners,
        string YourRole,
        IReadOnlyList<Stage> Stages,
        IReadOnlyList<BudgetsApi.BudgetSummary> PooledBudgets);

    public sealed record StageChangeView(Guid Id, DateTime At, string By, IReadOnlyList<Stage> From, IReadOnlyList<Stage> To, string Reason);

    public sealed record DecisionView(Guid Id, DateOnly DecidedOn, string Title, string DecisionMakers, string Summary, string? PapersUrl);

    public sealed record DecisionRequest(DateOnly? DecidedOn, string? Title, string? DecisionMakers, string? Summary, string? PapersUrl);

    public static void Map(RouteGroupBuilder organisation)
    {
        // Programmes are the buyer's side, their partners' plans and money: suppliers' users never read them.
        var programmes = organisation.MapGroup("/programmes").WithTags("Programmes").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        programmes.MapGet("/", ListAsync).WithName("ListProgrammes").WithSummary("Programmes the organisation leads or is a partner in");
        programmes.MapPost("/", StartAsync).WithName("StartProgramme").WithSummary("Start a programme led by this organisation")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        programmes.MapGet("/{programmeId:guid}", GetAsync).WithName("GetProgramme").WithSummary("A programme; partners see the shared part");
        programmes.MapGet("/{programmeId:guid}/stage-changes", HistoryAsync).WithName("ListStageChanges").WithSummary("Every turn of the programme's wheel, newest first (lead only)");
        programmes.MapPost("/{programmeId:guid}/stage-changes", MoveAsync).WithName("MoveProgramme").WithSummary("Set the stages the programme is in, with the reason")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        programmes.MapGet("/{programmeId:guid}/decisions", DecisionsAsync).WithName("ListDecisions").WithSummary("The programme's decisions log (lead only)");
        programmes.MapPost("/{programmeId:guid}/decisions", DecideAsync).WithName("RecordDecision").WithSummary("Record a decision in the log")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
    }

    private static async Task<Ok<IReadOnlyList<ProgrammeSummary>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var rows = await ProgrammeQueries.ForOrganisationAsync(db, organisation.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProgrammeSummary>>(rows
            .Select(r => new ProgrammeSummary(r.Id, r.Name, new OrganisationRef(r.LeadSlug, r.LeadName), r.Role.ToString(), r.Stages))
            .ToList());
    }

    private static async Task<Results<Created<ProgrammeSummary>, ValidationProblem>> StartAsync(
        StartProgramme.Command command, StartProgramme handler, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(organisation.Id, command, cancellationToken);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var programme = result.Value;
        return TypedResults.Created(
            $"/api/v1/orgs/{organisation.Slug}/programmes/{programme.Id}",
            new ProgrammeSummary(programme.Id, programme.Name, new OrganisationRef(organisation.Slug, organisation.Current.Name), nameof(ProgrammeRole.Lead), programme.Stages));
    }

    private static async Task<Results<Ok<ProgrammeDetail>, ProblemHttpResult>> GetAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var (programme, role) = await ProgrammeAccess.FindAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var names = await ProgrammeQueries.OrganisationNamesAsync(db, programme, cancellationToken);
        var budgets = await BudgetQueries.ForProgrammeAsync(db, programme.Id, cancellationToken);
        return TypedResults.Ok(new ProgrammeDetail(
            programme.Id,
            programme.Name,
            role == ProgrammeRole.Lead ? programme.Summary : null,
            Ref(names, programme.OrganisationId),
            programme.Partners.Select(p => Ref(names, p.OrganisationId)).ToList(),
            role.ToString(),
            programme.Stages,
            budgets.Select(BudgetsApi.Summarise).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<StageChangeView>>, ProblemHttpResult>> HistoryAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var history = await ProgrammeQueries.HistoryAsync(db, programmeId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StageChangeView>>(history.Select(View).ToList());
    }

    private static async Task<Results<Created<StageChangeView>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid programmeId, MoveProgramme.Command command, MoveProgramme handler, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var result = await handler.HandleAsync(programme, command, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/programmes/{programmeId}/stage-changes", View(result.Value))
            : Problems.Validation(result.Errors);
    }

    private static async Task<Results<Ok<IReadOnlyList<DecisionView>>, ProblemHttpResult>> DecisionsAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var decisions = await ProgrammeQueries.DecisionsAsync(db, programmeId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DecisionView>>(decisions.Select(View).ToList());
    }

    private static async Task<Results<Created<DecisionView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid programmeId, DecisionRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var result = ProgrammeDecision.Record(programme, request.DecidedOn, request.Title, request.DecisionMakers, request.Summary, request.PapersUrl, db.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        db.ProgrammeDecisions.Add(result.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/programmes/{programmeId}/decisions", View(result.Value));
    }

    private static OrganisationRef Ref(Dictionary<Guid, (string Slug, string Name)> names, Guid id) =>
        names.TryGetValue(id, out var n) ? new OrganisationRef(n.Slug, n.Name) : new OrganisationRef("", "");

    private static StageChangeView View(StageChange c) =>
        new(c.Id, c.At, c.ByName, Stages.FromStored(c.FromStages), Stages.FromStored(c.ToStages), c.Reason);

    private static DecisionView View(ProgrammeDecision d) => new(d.Id, d.DecidedOn, d.Title, d.DecisionMakers, d.Summary, d.PapersUrl);
}
