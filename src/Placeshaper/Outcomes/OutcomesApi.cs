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
    }

    private static async Task<Ok<FrameworkView>> FrameworkAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(new FrameworkView(OutcomeProgress.Rule, await OutcomeQueries.FrameworkAsync(db, organisation.Id, cancellationToken)));

    public sealed record FrameworkView(string Rule, IReadOnlyList<OutcomeQueries.ThemeView> Themes);

    private static async Task<Results<Created<Created>, ValidationProblem>> ThemeAsync(ThemeRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return Problems.Validation(Common.Errors.For("name", "Enter the theme's name, up to 200 characters"));
        }

        if (await db.OutcomeThemes.AnyAsync(t => t.OrganisationId == organisation.Id && t.Name == name, cancellationToken))
        {
            return Problems.Validation(Common.Errors.For("name", "There is already a theme with that name"));
        }

        var theme = OutcomeTheme.New(organisation.Id, name, db.Clock.GetUtcNow().UtcDateTime);
        db.OutcomeThemes.Add(theme);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/outcomes", new Created(theme.Id));
    }

    private static async Task<Results<Created<Created>, ValidationProblem>> OutcomeAsync(OutcomeRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var errors = new Common.Errors();
        if (request.ThemeId is null || !await db.OutcomeThemes.AnyAsync(t => t.Id == request.ThemeId && t.OrganisationId == organisation.Id, cancellationToken))
        {
            errors.Add("themeId", "Choose one of the organisation's themes");
        }

        if (string.IsNullOrWhiteSpace(request.Statement) || request.Statement.Length > 500)
        {
            errors.Add("statement", "Say what will be different for local people, up to 500 characters");
        }

        if (request.ProgrammeId is { } programmeId && !await db.Programmes.AnyAsync(p => p.Id == programmeId && p.OrganisationId == organisation.Id, cancellationToken))
        {
            errors.Add("programmeId", "Choose a programme the organisation leads");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var outcome = Outcome.New(organisation.Id, request.ThemeId!.Value, request.Statement!, request.ProgrammeId, db.Clock.GetUtcNow().UtcDateTime);
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/outcomes", new Created(outcome.Id));
    }

    private static async Task<Results<Created<Created>, ValidationProblem>> MeasureAsync(MeasureRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var errors = new Common.Errors();
        var outcome = request.OutcomeId is null ? null : await db.Outcomes.SingleOrDefaultAsync(o => o.Id == request.OutcomeId && o.OrganisationId == organisation.Id, cancellationToken);
        if (outcome is null)
        {
            errors.Add("outcomeId", "Choose one of the organisation's outcomes");
        }

        Indicator? indicator = null;
        if (!string.IsNullOrWhiteSpace(request.Indicator))
        {
            var code = request.Indicator.Trim().ToLowerInvariant();
            indicator = await db.Indicators.SingleOrDefaultAsync(i => i.OrganisationId == organisation.Id && i.Code == code, cancellationToken);
            if (indicator is null)
            {
                errors.Add("indicator", $"There is no indicator '{request.Indicator}'");
            }
        }

        Guid? areaId = null;
        if (!string.IsNullOrWhiteSpace(request.AreaCode))
        {
            var code = request.AreaCode.Trim().ToUpperInvariant();
            areaId = await db.Areas.Where(a => a.OrganisationId == organisation.Id && a.Code == code).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (areaId is null)
            {
                errors.Add("areaCode", $"There is no area '{request.AreaCode}'");
            }
        }

        var owner = organisation.Id;
        if (!string.IsNullOrWhiteSpace(request.Owner))
        {
            var slug = request.Owner.Trim().ToLowerInvariant();
            var ownerId = await db.Organisations.IgnoreQueryFilters().Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (ownerId is null)
            {
                errors.Add("owner", $"There is no organisation '{request.Owner}'");
            }
            else
            {
                owner = ownerId.Value;
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var measure = OutcomeMeasure.Define(outcome!, request.Name, indicator, areaId, request.Unit, request.Polarity ?? Polarity.NoJudgement,
            request.Baseline, request.BaselineDate, request.Target, request.TargetDate, owner, db.Clock.GetUtcNow().UtcDateTime);
        if (!measure.Succeeded)
        {
            return Problems.Validation(measure.Errors);
        }

        db.OutcomeMeasures.Add(measure.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/outcomes", new Created(measure.Value.Id));
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
}
