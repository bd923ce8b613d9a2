using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Budgets;

public static class BudgetsApi
{
    public sealed record BudgetSummary(Guid Id, string Name, string FinancialYear, PooledBudgetKind Kind, decimal Total);

    public sealed record ContributionView(string Organisation, string Name, decimal Amount, decimal? OverspendPercent, decimal? UnderspendPercent);

    public sealed record LineView(Guid Id, BudgetLineKind Kind, DateOnly OccurredOn, string Description, decimal Amount);

    public sealed record PartnerStatementView(string Organisation, string Name, decimal Contributed, decimal ShareOfPot, decimal AttributedSpend, decimal VarianceShareRatio, decimal ShareOfVariance);

    public sealed record StatementView(decimal Pot, decimal Spent, decimal Committed, decimal Outturn, decimal Variance, RiskShareRule RuleApplied, IReadOnlyList<PartnerStatementView> Partners, IReadOnlyList<string> Working);

    public sealed record BudgetDetail(
        Guid Id,
        Guid ProgrammeId,
        string Name,
        string FinancialYear,
        PooledBudgetKind Kind,
        decimal Total,
        RiskShareRule OverspendRule,
        RiskShareRule UnderspendRule,
        string YourRole,
        IReadOnlyList<ContributionView> Contributions,
        IReadOnlyList<LineView> Lines,
        StatementView Statement);

    public sealed record LineRequest(BudgetLineKind? Kind, DateOnly? OccurredOn, string? Description, decimal? Amount);

    public static void Map(RouteGroupBuilder organisation)
    {
        organisation.MapGet("/programmes/{programmeId:guid}/budgets", ListAsync).WithTags("Pooled budgets")
            .WithName("ListPooledBudgets").WithSummary("A programme's pooled budgets, for its lead and partners")
            .WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        organisation.MapPost("/programmes/{programmeId:guid}/budgets", SetUpAsync).WithTags("Pooled budgets")
            .WithName("SetUpPooledBudget").WithSummary("Set up a pooled budget for a financial year (the lead)")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.FinanceOfficer));
        organisation.MapGet("/budgets/{budgetId:guid}", GetAsync).WithTags("Pooled budgets")
            .WithName("GetPooledBudget").WithSummary("A pooled budget with its ledger and every partner's statement, working shown")
            .WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        organisation.MapPost("/budgets/{budgetId:guid}/lines", RecordLineAsync).WithTags("Pooled budgets")
            .WithName("RecordBudgetLine").WithSummary("Record a commitment or payment against the pot (the host)")
            .WithMetadata(new RequiresRoleAttribute(Role.FinanceOfficer, Role.Commissioner));
    }

    public static BudgetSummary Summarise(PooledBudget b) => new(b.Id, b.Name, b.Year.Label, b.Kind, b.Total);

    private static async Task<Results<Ok<IReadOnlyList<BudgetSummary>>, ProblemHttpResult>> ListAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var (programme, _) = await ProgrammeAccess.FindAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var budgets = await BudgetQueries.ForProgrammeAsync(db, programmeId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BudgetSummary>>(budgets.Select(Summarise).ToList());
    }

    private static async Task<Results<Created<BudgetSummary>, ValidationProblem, ProblemHttpResult>> SetUpAsync(
        Guid programmeId, SetUpPooledBudget.Command command, SetUpPooledBudget handler, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var result = await handler.HandleAsync(programme, command, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/budgets/{result.Value.Id}", Summarise(result.Value))
            : Problems.Validation(result.Errors);
    }

    private static async Task<Results<Ok<BudgetDetail>, ProblemHttpResult>> GetAsync(
        Guid budgetId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var found = await BudgetQueries.FindAsync(db, budgetId, organisation.Id, cancellationToken);
        return found is null ? Problems.NotFound("Pooled budget") : TypedResults.Ok(Detail(found));
    }

    private static async Task<Results<Created<LineView>, ValidationProblem, ProblemHttpResult>> RecordLineAsync(
        Guid budgetId, LineRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var found = await BudgetQueries.FindAsync(db, budgetId, organisation.Id, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("Pooled budget");
        }

        if (found.Role != ProgrammeRole.Lead)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Only the host organisation records commitments and payments.");
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Problems.Validation(Common.Errors.For("kind", "Say whether the line is a Commitment or Spend"));
        }

        var line = BudgetLine.Record(found.Budget, kind, request.OccurredOn, request.Description, request.Amount, db.Clock.GetUtcNow().UtcDateTime);
        if (!line.Succeeded)
        {
            return Problems.Validation(line.Errors);
        }

        db.BudgetLines.Add(line.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/budgets/{budgetId}", View(line.Value));
    }

    public static BudgetDetail Detail(BudgetQueries.Found found)
    {
        var b = found.Budget;
        string Slug(Guid id) => found.Organisations.TryGetValue(id, out var n) ? n.Slug : "";
        string Name(Guid id) => found.Organisations.TryGetValue(id, out var n) ? n.Name : "";
        var s = found.Statement;
        return new BudgetDetail(
            b.Id,
            b.ProgrammeId,
            b.Name,
            b.Year.Label,
            b.Kind,
            b.Total,
            b.OverspendRule,
            b.UnderspendRule,
            found.Role.ToString(),
            b.Contributions.Select(c => new ContributionView(Slug(c.OrganisationId), Name(c.OrganisationId), c.Amount, c.OverspendPercent, c.UnderspendPercent)).ToList(),
            found.Lines.Select(View).ToList(),
            new StatementView(
                s.Pot,
                s.Spent,
                s.Committed,
                s.Outturn,
                s.Variance,
                s.RuleApplied,
                s.Partners.Select(p => new PartnerStatementView(Slug(p.OrganisationId), p.Name, p.Contributed, p.ShareOfPot, p.AttributedSpend, p.VarianceShareRatio, p.ShareOfVariance)).ToList(),
                s.Working));
    }

    private static LineView View(BudgetLine l) => new(l.Id, l.Kind, l.OccurredOn, l.Description, l.Amount);
}
