using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Calculators;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Appraisals;

/// <summary>
/// Options appraisals under a programme the organisation leads. Partners do not see them: an appraisal is the lead's
/// business case until members decide. Rates are fractions here (0.035), percentages on screen.
/// </summary>
public static class AppraisalsApi
{
    public sealed record StartRequest(string? Title, string? Necessity);

    public sealed record FrameRequest(string? Title, string? Necessity, decimal? DiscountRate, decimal? OptimismBias, int? HorizonYears, string? ExitStrategy);

    public sealed record OptionRequest(string? Model, string? Name, string? Description);

    public sealed record RiskRequest(string? Description, int? Likelihood, int? Impact, string? Mitigation, string? Owner);

    public sealed record CheckRequest(bool? Done, string? Note);

    public sealed record DeliveryModelRequest(string? Name, string? Description);

    public sealed record CriterionView(Guid Id, string Name, string Description, decimal Weight);

    public sealed record ScoreView(Guid CriterionId, decimal Score, string Rationale, string Evidence);

    public sealed record CostView(int Year, decimal Amount);

    public sealed record RiskView(Guid Id, string Description, int Likelihood, int Impact, int Rating, string Band, string Mitigation, string Owner);

    public sealed record OptionView(
        Guid Id, string Model, string ModelName, string Name, string Description,
        decimal? WeightedScore, int? Rank, decimal? NpvCost, decimal? NpvCostWithOptimismBias,
        IReadOnlyList<ScoreView> Scores, IReadOnlyList<CostView> Costs, IReadOnlyList<RiskView> Risks);

    public sealed record SensitivityView(Guid CriterionId, string Criterion, decimal Weight, decimal? WeightChangeToChangeLeader, decimal? NewWeight, Guid? NewLeader);

    public sealed record DecisionView(Guid OptionId, string Option, DateOnly DecidedOn, string DecisionMakers, string Summary, string? PapersUrl);

    public sealed record CheckView(Guid Id, string Item, string Source, bool Done, string Note);

    public sealed record AppraisalView(
        Guid Id, Guid ProgrammeId, string Title, string Necessity, decimal DiscountRate, decimal OptimismBias, int HorizonYears, string ExitStrategy,
        IReadOnlyList<CriterionView> Criteria, IReadOnlyList<OptionView> Options, IReadOnlyList<SensitivityView> Sensitivity,
        IReadOnlyList<string> Gaps, DecisionView? Decision, IReadOnlyList<CheckView> DueDiligence);

    public static void Map(RouteGroupBuilder organisation)
    {
        var models = organisation.MapGroup("/delivery-models").WithTags("Appraisals");
        models.MapGet("/", CatalogueAsync).WithName("ListDeliveryModels").WithSummary("The delivery models catalogue: built in, then the organisation's own");
        models.MapPost("/", AddModelAsync).WithName("AddDeliveryModel").WithSummary("Add a delivery model to the organisation's catalogue")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));

        var appraisals = organisation.MapGroup("/programmes/{programmeId:guid}/appraisals").WithTags("Appraisals").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        var edit = new RequiresRoleAttribute(Role.Commissioner, Role.Administrator);
        appraisals.MapGet("/", ListAsync).WithName("ListAppraisals").WithSummary("The programme's options appraisals (lead only)");
        appraisals.MapPost("/", StartAsync).WithName("StartAppraisal").WithSummary("Start an appraisal with the suggested criteria").WithMetadata(edit);
        appraisals.MapGet("/{appraisalId:guid}", GetAsync).WithName("GetAppraisal").WithSummary("The appraisal with its scores, ranks, costs and sensitivity worked out");
        appraisals.MapPut("/{appraisalId:guid}", FrameAsync).WithName("FrameAppraisal").WithSummary("Title, necessity, discount rate, optimism bias, horizon and exit strategy").WithMetadata(edit);
        appraisals.MapPut("/{appraisalId:guid}/criteria", CriteriaAsync).WithName("SetAppraisalCriteria").WithSummary("Replace the criteria and weights (weights add up to 100)").WithMetadata(edit);
        appraisals.MapPost("/{appraisalId:guid}/options", AddOptionAsync).WithName("AddAppraisalOption").WithSummary("Add a delivery option from the catalogue").WithMetadata(edit);
        appraisals.MapDelete("/{appraisalId:guid}/options/{optionId:guid}", RemoveOptionAsync).WithName("RemoveAppraisalOption").WithSummary("Remove an option").WithMetadata(edit);
        appraisals.MapPut("/{appraisalId:guid}/options/{optionId:guid}/scores", ScoreAsync).WithName("ScoreAppraisalOption").WithSummary("Score an option from 0 to 10 per criterion, with rationale and evidence").WithMetadata(edit);
        appraisals.MapPut("/{appraisalId:guid}/options/{optionId:guid}/costs", CostAsync).WithName("CostAppraisalOption").WithSummary("An option's costs by year; year 0 is the one-off transition").WithMetadata(edit);
        appraisals.MapPost("/{appraisalId:guid}/options/{optionId:guid}/risks", AddRiskAsync).WithName("AddAppraisalRisk").WithSummary("Add a risk rated likelihood × impact").WithMetadata(edit);
        appraisals.MapDelete("/{appraisalId:guid}/options/{optionId:guid}/risks/{riskId:guid}", RemoveRiskAsync).WithName("RemoveAppraisalRisk").WithSummary("Remove a risk").WithMetadata(edit);
        appraisals.MapPost("/{appraisalId:guid}/decision", DecideAsync).WithName("DecideAppraisal")
            .WithSummary("Record members' decision: the appraisal becomes the business case and the programme moves into design and specification").WithMetadata(edit);
        appraisals.MapPut("/{appraisalId:guid}/due-diligence/{checkId:guid}", TickAsync).WithName("TickDueDiligence").WithSummary("Tick off a due-diligence check on the chosen model").WithMetadata(edit);
    }

    private static async Task<Ok<IReadOnlyList<DeliveryModels.Model>>> CatalogueAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AppraisalQueries.CatalogueAsync(db, organisation.Id, cancellationToken));

    private static async Task<Results<Created<DeliveryModels.Model>, ValidationProblem>> AddModelAsync(
        DeliveryModelRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var added = CustomDeliveryModel.Add(organisation.Id, request.Name, request.Description, db.Clock.GetUtcNow().UtcDateTime);
        if (!added.Succeeded)
        {
            return Problems.Validation(added.Errors);
        }

        var catalogue = await AppraisalQueries.CatalogueAsync(db, organisation.Id, cancellationToken);
        if (catalogue.Any(m => m.Code == added.Value.Code || string.Equals(m.Name, added.Value.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return Problems.Validation(Common.Errors.For("name", $"The catalogue already has a model called {added.Value.Name}"));
        }

        db.CustomDeliveryModels.Add(added.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/delivery-models", added.Value.AsModel());
    }

    private static async Task<Results<Ok<IReadOnlyList<AppraisalQueries.Summary>>, ProblemHttpResult>> ListAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is null)
        {
            return Problems.NotFound("Programme");
        }

        return TypedResults.Ok(await AppraisalQueries.ForProgrammeAsync(db, programmeId, cancellationToken));
    }

    private static async Task<Results<Created<AppraisalView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        Guid programmeId, StartRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken);
        if (programme is null)
        {
            return Problems.NotFound("Programme");
        }

        var started = Appraisal.Start(programme, request.Title, request.Necessity, db.Clock.GetUtcNow().UtcDateTime);
        if (!started.Succeeded)
        {
            return Problems.Validation(started.Errors);
        }

        db.Appraisals.Add(started.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/programmes/{programmeId}/appraisals/{started.Value.Id}", View(started.Value));
    }

    private static async Task<Results<Ok<AppraisalView>, ProblemHttpResult>> GetAsync(
        Guid programmeId, Guid appraisalId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var (_, appraisal) = await FindAsync(db, organisation, programmeId, appraisalId, cancellationToken);
        return appraisal is null ? Problems.NotFound("Appraisal") : TypedResults.Ok(View(appraisal));
    }

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> FrameAsync(
        Guid programmeId, Guid appraisalId, FrameRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, a => a.Frame(request.Title, request.Necessity, request.DiscountRate, request.OptimismBias, request.HorizonYears, request.ExitStrategy), cancellationToken);

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> CriteriaAsync(
        Guid programmeId, Guid appraisalId, IReadOnlyList<Appraisal.CriterionInput> criteria, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, a => a.SetCriteria(criteria, db.Clock.GetUtcNow().UtcDateTime), cancellationToken);

    private static async Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> AddOptionAsync(
        Guid programmeId, Guid appraisalId, OptionRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var catalogue = await AppraisalQueries.CatalogueAsync(db, organisation.Id, cancellationToken);
        var model = catalogue.FirstOrDefault(m => m.Code == request.Model);
        if (model is null)
        {
            return Problems.Validation(Common.Errors.For("model", $"Choose a delivery model from the catalogue: {string.Join(", ", catalogue.Select(m => m.Code))}"));
        }

        return await ChangeAsync(db, organisation, programmeId, appraisalId, a => a.AddOption(model, request.Name, request.Description, db.Clock.GetUtcNow().UtcDateTime).Errors, cancellationToken);
    }

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> RemoveOptionAsync(
        Guid programmeId, Guid appraisalId, Guid optionId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, optionId, (a, o) => a.RemoveOption(o.Id), cancellationToken);

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        Guid programmeId, Guid appraisalId, Guid optionId, IReadOnlyList<Appraisal.ScoreInput> scores, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, optionId, (a, o) => a.Score(o, scores), cancellationToken);

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> CostAsync(
        Guid programmeId, Guid appraisalId, Guid optionId, IReadOnlyList<Appraisal.CostInput> costs, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, optionId, (a, o) => a.Cost(o, costs), cancellationToken);

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> AddRiskAsync(
        Guid programmeId, Guid appraisalId, Guid optionId, RiskRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, optionId, (a, o) =>
            a.AddRisk(o, request.Description, request.Likelihood, request.Impact, request.Mitigation, request.Owner, db.Clock.GetUtcNow().UtcDateTime).Errors, cancellationToken);

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> RemoveRiskAsync(
        Guid programmeId, Guid appraisalId, Guid optionId, Guid riskId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, optionId, (a, o) => a.RemoveRisk(o, riskId), cancellationToken);

    private static async Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid programmeId, Guid appraisalId, DecideAppraisal.Command command, DecideAppraisal handler, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var (programme, appraisal) = await FindAsync(db, organisation, programmeId, appraisalId, cancellationToken);
        if (programme is null || appraisal is null)
        {
            return Problems.NotFound("Appraisal");
        }

        var errors = await handler.HandleAsync(programme, appraisal, command, cancellationToken);
        return errors is null ? TypedResults.Ok(View(appraisal)) : Problems.Validation(errors);
    }

    private static Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> TickAsync(
        Guid programmeId, Guid appraisalId, Guid checkId, CheckRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        ChangeAsync(db, organisation, programmeId, appraisalId, a => request.Done is null ? Common.Errors.For("done", "Say whether the check is done") : a.Tick(checkId, request.Done.Value, request.Note), cancellationToken);

    private static async Task<(Programme? Programme, Appraisal? Appraisal)> FindAsync(
        PlaceshaperDb db, OrganisationContext organisation, Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken);
        return programme is null ? (null, null) : (programme, await AppraisalQueries.FindAsync(db, programmeId, appraisalId, cancellationToken));
    }

    private static async Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        PlaceshaperDb db, OrganisationContext organisation, Guid programmeId, Guid appraisalId, Func<Appraisal, Common.Errors?> change, CancellationToken cancellationToken)
    {
        var (_, appraisal) = await FindAsync(db, organisation, programmeId, appraisalId, cancellationToken);
        if (appraisal is null)
        {
            return Problems.NotFound("Appraisal");
        }

        if (change(appraisal) is { Any: true } errors)
        {
            return Problems.Validation(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(appraisal));
    }

    private static async Task<Results<Ok<AppraisalView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        PlaceshaperDb db, OrganisationContext organisation, Guid programmeId, Guid appraisalId, Guid optionId, Func<Appraisal, AppraisalOption, Common.Errors?> change, CancellationToken cancellationToken)
    {
        var (_, appraisal) = await FindAsync(db, organisation, programmeId, appraisalId, cancellationToken);
        var option = appraisal?.Options.FirstOrDefault(o => o.Id == optionId);
        if (appraisal is null || option is null)
        {
            return Problems.NotFound(appraisal is null ? "Appraisal" : "Option");
        }

        if (change(appraisal, option) is { Any: true } errors)
        {
            return Problems.Validation(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(appraisal));
    }

    public static AppraisalView View(Appraisal appraisal)
    {
        var results = appraisal.Calculate();
        var scored = results?.Options.ToDictionary(o => Guid.Parse(o.Id));
        var chosen = appraisal.Chosen;
        return new AppraisalView(
            appraisal.Id,
            appraisal.ProgrammeId,
            appraisal.Title,
            appraisal.Necessity,
            appraisal.DiscountRate,
            appraisal.OptimismBias,
            appraisal.HorizonYears,
            appraisal.ExitStrategy,
            appraisal.Criteria.OrderBy(c => c.Order).Select(c => new CriterionView(c.Id, c.Name, c.Description, c.Weight)).ToList(),
            appraisal.Options.OrderBy(o => o.Order).Select(o =>
            {
                var result = scored?.GetValueOrDefault(o.Id);
                return new OptionView(
                    o.Id, o.ModelCode, o.ModelName, o.Name, o.Description,
                    Rounding.ToTwoPlaces(result?.WeightedScore), result?.Rank, Rounding.ToTwoPlaces(result?.NpvCost), Rounding.ToTwoPlaces(result?.NpvCostWithOptimismBias),
                    o.Scores.Select(s => new ScoreView(s.CriterionId, s.Score, s.Rationale, s.Evidence)).ToList(),
                    o.Costs.OrderBy(c => c.Year).Select(c => new CostView(c.Year, c.Amount)).ToList(),
                    o.Risks.Select(r => new RiskView(r.Id, r.Description, r.Likelihood, r.Impact, r.Rating, r.Band, r.Mitigation, r.Owner)).ToList());
            }).ToList(),
            results?.Sensitivity.Select(s => new SensitivityView(
                Guid.Parse(s.Criterion),
                appraisal.Criteria.Single(c => c.Id.ToString() == s.Criterion).Name,
                s.Weight,
                Rounding.ToTwoPlaces(s.WeightChangeToChangeLeader),
                Rounding.ToTwoPlaces(s.NewWeight),
                s.NewLeader is null ? null : Guid.Parse(s.NewLeader))).ToList() ?? [],
            appraisal.Gaps(),
            chosen is null ? null : new DecisionView(chosen.Id, chosen.Name, appraisal.DecidedOn!.Value, appraisal.DecisionMakers, appraisal.DecisionSummary, appraisal.PapersUrl),
            appraisal.Checks.OrderBy(c => c.Order).Select(c => new CheckView(c.Id, c.Item, c.Source, c.Done, c.Note)).ToList());
    }
}
