using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;

namespace Placeshaper.Outcomes;

public static class OutcomesApi
{
    public sealed record ThemeRequest(string? Name);

    public sealed record OutcomeRequest(Guid? ThemeId, string? Statement, Guid? ProgrammeId);

    public sealed record MeasureRequest(
        Guid? OutcomeId, string? Name, string? Indicator, string? AreaCode, string? Unit, Polarity? Polarity,
        decimal? Baseline, DateOnly? BaselineDate, decimal? Target, DateOnly? TargetDate, string? Owner);

    public sealed record FigureRequest(decimal? Value, DateOnly? On);

    public sealed record MeasureRevision(
        string? Name, string? Unit, Polarity? Polarity, decimal? Baseline, DateOnly? BaselineDate, decimal? Target, DateOnly? TargetDate, string? Owner);

    public sealed record OutcomeRevision(string? Statement, Guid? ProgrammeId);

    public sealed record RetireRequest(string? Reason);

    public sealed record Created(Guid Id);

    public static void Map(RouteGroupBuilder organisation)
    {
        var outcomes = organisation.MapGroup("/outcomes").WithTags("Outcomes");
        outcomes.MapGet("/", FrameworkAsync).WithName("GetOutcomesFramework")
            .WithSummary("Themes, outcomes and measures, each measure's progress computed from its latest figure with the working");
        outcomes.MapPost("/themes", ThemeAsync).WithName("AddTheme").WithSummary("Add a theme").WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPost("/", OutcomeAsync).WithName("AddOutcome").WithSummary("Add an outcome to a theme").WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPost("/measures", MeasureAsync).WithName("AddMeasure")
            .WithSummary("Add a measure: from an indicator for an area, or a figure of its own; baseline and target with dates")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPost("/measures/{measureId:guid}/figures", FigureAsync).WithName("ReportMeasure")
            .WithSummary("Report the latest figure of a measure that has no indicator")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPut("/themes/{themeId:guid}", RenameThemeAsync).WithName("RenameTheme").WithSummary("Rename a theme")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPut("/{outcomeId:guid}", RewordOutcomeAsync).WithName("ReviseOutcome").WithSummary("Change an outcome's wording and the programme working towards it")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPost("/{outcomeId:guid}/retire", RetireOutcomeAsync).WithName("RetireOutcome")
            .WithSummary("Retire an outcome with a reason: it leaves the active framework but is kept, and shown as retired")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPut("/measures/{measureId:guid}", ReviseMeasureAsync).WithName("ReviseMeasure")
            .WithSummary("Change a measure's name, baseline and target (and unit and polarity when it has no indicator); progress is always computed")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        outcomes.MapPost("/measures/{measureId:guid}/retire", RetireMeasureAsync).WithName("RetireMeasure")
            .WithSummary("Retire a measure with a reason: it leaves the active framework but is kept, and shown as retired")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
    }

    private static async Task<Ok<FrameworkView>> FrameworkAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken, bool includeRetired = false) =>
        TypedResults.Ok(new FrameworkView(OutcomeProgress.Rule, await OutcomeQueries.FrameworkAsync(db, organisation.Id, cancellationToken, includeRetired)));

    public sealed record FrameworkView(string Rule, IReadOnlyList<OutcomeQueries.ThemeView> Themes);

    private static async Task<Results<Created<Created>, ValidationProblem>> ThemeAsync(ThemeRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var added = await OutcomeChanges.AddThemeAsync(db, organisation.Id, request.Name, cancellationToken);
        if (!added.Succeeded)
        {
            return Problems.Validation(added.Errors);
        }

        var theme = added.Value;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/outcomes", new Created(theme.Id));
    }

    private static async Task<Results<Created<Created>, ValidationProblem>> OutcomeAsync(OutcomeRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var added = await OutcomeChanges.AddOutcomeAsync(db, organisation.Id, request.ThemeId, request.Statement, request.ProgrammeId, cancellationToken);
        if (!added.Succeeded)
        {
            return Problems.Validation(added.Errors);
        }

        var outcome = added.Value;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/outcomes", new Created(outcome.Id));
    }

    private static async Task<Results<Created<Created>, ValidationProblem>> MeasureAsync(MeasureRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var measure = await OutcomeChanges.AddMeasureAsync(db, organisation.Id, new OutcomeChanges.MeasureCommand(
            request.OutcomeId, request.Name, request.Indicator, request.AreaCode, request.Unit, request.Polarity,
            request.Baseline, request.BaselineDate, request.Target, request.TargetDate, request.Owner), cancellationToken);
        return measure.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/outcomes", new Created(measure.Value.Id))
            : Problems.Validation(measure.Errors);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> FigureAsync(
        Guid measureId, FigureRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var measure = await db.OutcomeMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.OrganisationId == organisation.Id, cancellationToken);
        if (measure is null)
        {
            return Problems.NotFound("Measure");
        }

        if (request.Value is null || request.On is null)
        {
            return Problems.Validation(Common.Errors.For("value", "Enter the figure and its date"));
        }

        var reported = measure.Report(request.Value.Value, request.On.Value);
        if (!reported.Succeeded)
        {
            return Problems.Validation(reported.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RenameThemeAsync(
        Guid themeId, ThemeRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var theme = await db.OutcomeThemes.SingleOrDefaultAsync(t => t.Id == themeId && t.OrganisationId == organisation.Id, cancellationToken);
        if (theme is null)
        {
            return Problems.NotFound("Theme");
        }

        var renamed = await OutcomeChanges.RenameThemeAsync(db, theme, request.Name, cancellationToken);
        return renamed.Succeeded ? TypedResults.NoContent() : Problems.Validation(renamed.Errors);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RewordOutcomeAsync(
        Guid outcomeId, OutcomeRevision request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.SingleOrDefaultAsync(o => o.Id == outcomeId && o.OrganisationId == organisation.Id, cancellationToken);
        if (outcome is null)
        {
            return Problems.NotFound("Outcome");
        }

        var reworded = await OutcomeChanges.RewordOutcomeAsync(db, outcome, request.Statement, request.ProgrammeId, cancellationToken);
        return reworded.Succeeded ? TypedResults.NoContent() : Problems.Validation(reworded.Errors);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RetireOutcomeAsync(
        Guid outcomeId, RetireRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.SingleOrDefaultAsync(o => o.Id == outcomeId && o.OrganisationId == organisation.Id, cancellationToken);
        if (outcome is null)
        {
            return Problems.NotFound("Outcome");
        }

        var retired = await OutcomeChanges.RetireOutcomeAsync(db, outcome, request.Reason, cancellationToken);
        return retired.Succeeded ? TypedResults.NoContent() : Problems.Validation(retired.Errors);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReviseMeasureAsync(
        Guid measureId, MeasureRevision request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var measure = await db.OutcomeMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.OrganisationId == organisation.Id, cancellationToken);
        if (measure is null)
        {
            return Problems.NotFound("Measure");
        }

        var errors = new Common.Errors();
        var owner = string.IsNullOrWhiteSpace(request.Owner)
            ? measure.OwnerOrganisationId
            : await OutcomeChanges.OwnerAsync(db, organisation.Id, request.Owner, errors, cancellationToken);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var revised = measure.Revise(request.Name, request.Unit ?? measure.Unit, request.Polarity ?? measure.Polarity,
            request.Baseline, request.BaselineDate, request.Target, request.TargetDate, owner);
        if (!revised.Succeeded)
        {
            return Problems.Validation(revised.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RetireMeasureAsync(
        Guid measureId, RetireRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var measure = await db.OutcomeMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.OrganisationId == organisation.Id, cancellationToken);
        if (measure is null)
        {
            return Problems.NotFound("Measure");
        }

        var retired = await OutcomeChanges.RetireMeasureAsync(db, measure, request.Reason, cancellationToken);
        return retired.Succeeded ? TypedResults.NoContent() : Problems.Validation(retired.Errors);
    }
}
