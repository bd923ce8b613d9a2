using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Needs;

public static class NeedsApi
{
    public sealed record IndicatorView(string Code, string Name, string Unit, Polarity Polarity, string Source, string? LatestPeriod, int Figures);

    public sealed record IndicatorDefinition(string? Code, string? Name, string? Unit, Polarity? Polarity, string? Source, string? SourceUrl, string? Licence);

    public sealed record ValueView(string AreaCode, string AreaName, string Period, decimal Value);

    public static void Map(RouteGroupBuilder organisation)
    {
        var needs = organisation.MapGroup("/indicators").WithTags("Needs");
        needs.MapGet("/", ListAsync).WithName("ListIndicators").WithSummary("Indicators of local need, with their latest period");
        needs.MapPost("/", DefineAsync).WithName("DefineIndicator").WithSummary("Define an indicator")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        needs.MapGet("/{code}/values", ValuesAsync).WithName("ListIndicatorValues").WithSummary("An indicator's figures by area and period");
        needs.MapPost("/{code}/values", RecordAsync).WithName("RecordIndicatorValue").WithSummary("Enter or correct one figure by hand")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        var assessments = organisation.MapGroup("/needs-assessments").WithTags("Needs");
        assessments.MapGet("/", AssessmentsAsync).WithName("ListNeedsAssessments")
            .WithSummary("Needs assessments: topic, narrative, indicators, evidence links and review date; archived ones only with includeArchived=true");
        assessments.MapPost("/", WriteAssessmentAsync).WithName("WriteNeedsAssessment").WithSummary("Write a needs assessment")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        assessments.MapPut("/{assessmentId:guid}", ReviseAssessmentAsync).WithName("ReviseNeedsAssessment")
            .WithSummary("Rewrite a needs assessment's topic, narrative, indicators, evidence links and review date")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        assessments.MapPost("/{assessmentId:guid}/archive", ArchiveAssessmentAsync).WithName("ArchiveNeedsAssessment")
            .WithSummary("Archive a needs assessment with a reason: it leaves the current list but is kept")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        needs.MapPost("/values/import", ImportAsync).WithName("ImportIndicatorValues")
            .WithSummary("Import figures from a CSV body (text/csv) or an Excel workbook (.xlsx; ?sheet=NAME, else the first worksheet): long (area_code,period,indicator,value) or wide (area_code,indicator,2019,2020,…). Whole or not at all.")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator), new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreasApi.MaxImportBytes));
    }

    public sealed record AssessmentView(
        Guid Id, string Topic, string Narrative, IReadOnlyList<string> Indicators, IReadOnlyList<string> EvidenceLinks, DateOnly ReviewBy,
        DateTime? ArchivedAt, string? ArchivedReason)
    {
        public static AssessmentView Of(NeedsAssessment a) => new(a.Id, a.Topic, a.Narrative, a.Indicators, a.Links, a.ReviewBy, a.ArchivedAt, a.ArchivedReason);
    }

    public sealed record AssessmentRequest(string? Topic, string? Narrative, IReadOnlyList<string>? Indicators, IReadOnlyList<string>? EvidenceLinks, DateOnly? ReviewBy);

    public sealed record ArchiveRequest(string? Reason);

    private static async Task<Ok<IReadOnlyList<AssessmentView>>> AssessmentsAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken, bool includeArchived = false)
    {
        var assessments = await db.NeedsAssessments.AsNoTracking().Where(a => a.OrganisationId == organisation.Id && (includeArchived || a.ArchivedAt == null))
            .OrderBy(a => a.Topic).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AssessmentView>>(assessments.Select(AssessmentView.Of).ToList());
    }

    private static async Task<Results<Created<AssessmentView>, ValidationProblem>> WriteAssessmentAsync(
        AssessmentRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var known = await db.Indicators.Where(i => i.OrganisationId == organisation.Id).Select(i => i.Code).ToListAsync(cancellationToken);
        var written = NeedsAssessment.Write(organisation.Id, request.Topic, request.Narrative, request.Indicators ?? [], known,
            string.Join("\n", request.EvidenceLinks ?? []), request.ReviewBy, db.Clock.GetUtcNow().UtcDateTime);
        if (!written.Succeeded)
        {
            return Problems.Validation(written.Errors);
        }

        db.NeedsAssessments.Add(written.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/needs-assessments", AssessmentView.Of(written.Value));
    }

    private static async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> ReviseAssessmentAsync(
        Guid assessmentId, AssessmentRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var assessment = await db.NeedsAssessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.OrganisationId == organisation.Id, cancellationToken);
        if (assessment is null)
        {
            return Problems.NotFound("Needs assessment");
        }

        var known = await db.Indicators.Where(i => i.OrganisationId == organisation.Id).Select(i => i.Code).ToListAsync(cancellationToken);
        var revised = assessment.Revise(request.Topic, request.Narrative, request.Indicators ?? [], known,
            string.Join("\n", request.EvidenceLinks ?? []), request.ReviewBy, db.Clock.GetUtcNow().UtcDateTime);
        if (!revised.Succeeded)
        {
            return Problems.Validation(revised.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AssessmentView.Of(assessment));
    }

    private static async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> ArchiveAssessmentAsync(
        Guid assessmentId, ArchiveRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var assessment = await db.NeedsAssessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.OrganisationId == organisation.Id, cancellationToken);
        if (assessment is null)
        {
            return Problems.NotFound("Needs assessment");
        }

        var archived = await AssessmentChanges.ArchiveAsync(db, assessment, request.Reason, cancellationToken);
        return archived.Succeeded ? TypedResults.Ok(AssessmentView.Of(assessment)) : Problems.Validation(archived.Errors);
    }

    private static async Task<Ok<IReadOnlyList<IndicatorView>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var indicators = await NeedsQueries.IndicatorsAsync(db, organisation.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<IndicatorView>>(indicators.Select(i => new IndicatorView(i.Code, i.Name, i.Unit, i.Polarity, i.Source, i.LatestPeriod, i.Figures)).ToList());
    }

    private static async Task<Results<Created<IndicatorView>, ValidationProblem>> DefineAsync(
        IndicatorDefinition request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var result = Indicator.Define(organisation.Id, request.Code, request.Name, request.Unit, request.Polarity ?? Polarity.NoJudgement, request.Source, request.SourceUrl, request.Licence, db.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var indicator = result.Value;
        if (await db.Indicators.AnyAsync(i => i.OrganisationId == organisation.Id && i.Code == indicator.Code, cancellationToken))
        {
            return Problems.Validation(Common.Errors.For("code", $"There is already an indicator with the code {indicator.Code}"));
        }

        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/indicators/{indicator.Code}/values",
            new IndicatorView(indicator.Code, indicator.Name, indicator.Unit, indicator.Polarity, indicator.Source, null, 0));
    }

    private static async Task<Results<Ok<IReadOnlyList<ValueView>>, ProblemHttpResult>> ValuesAsync(
        string code, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var grid = await NeedsQueries.GridAsync(db, organisation.Id, code, cancellationToken);
        if (grid is null)
        {
            return Problems.NotFound("Indicator");
        }

        var values = grid.Areas
            .SelectMany(a => a.Values.Select((v, i) => (a, v, i)).Where(x => x.v is not null).Select(x => new ValueView(a.Code, a.Name, grid.Periods[x.i], x.v!.Value)))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<ValueView>>(values);
    }

    private static async Task<Results<Ok<ValueView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        string code, RecordIndicatorValue.Command command, RecordIndicatorValue handler, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var key = code.ToLowerInvariant();
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.OrganisationId == organisation.Id && i.Code == key, cancellationToken);
        if (indicator is null)
        {
            return Problems.NotFound("Indicator");
        }

        var result = await handler.HandleAsync(indicator, command, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new ValueView(command.AreaCode!.Trim().ToUpperInvariant(), "", result.Value.Period, result.Value.Value))
            : Problems.Validation(result.Errors);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? file, string? sheet, ImportIndicatorValues import, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        var report = await import.HandleAsync(organisation.Id, content, string.IsNullOrWhiteSpace(file) ? ImportTable.DefaultName(content) : file, sheet, cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }
}
