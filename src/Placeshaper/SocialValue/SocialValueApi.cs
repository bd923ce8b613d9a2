using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.SocialValue;

/// <summary>
/// The organisation's social value measures with their proxy values, the shipped PPN 002 reference rows, and the
/// measures a draft tender offers bidders. For officers; provider users see a tender's measures in the portal.
/// </summary>
public static class SocialValueApi
{
    public sealed record MeasureView(
        string Code, string Theme, string? Outcome, string Description, string? Unit, decimal? ProxyValue, string? Source, string? Licence, bool Retired, bool Reference, DateOnly? Published);

    public sealed record MeasuresView(IReadOnlyList<MeasureView> Measures, IReadOnlyList<MeasureView> Reference);

    public sealed record OfferRequest(IReadOnlyList<string?>? Codes);

    public sealed record TenderMeasureView(string Code, string Theme, string? Outcome, string Description, string? Unit, decimal? ProxyValue, string? Source, bool Reference);

    public static void Map(RouteGroupBuilder organisation)
    {
        var measures = organisation.MapGroup("/social-value-measures").WithTags("Social value").WithMetadata(new RequiresRoleAttribute(TendersApi.Officers));
        measures.MapGet("/", ListAsync).WithName("ListSocialValueMeasures")
            .WithSummary("The organisation's social value measures, with proxy values in pounds per unit, and the shipped PPN 002 reference rows");
        measures.MapPost("/import", ImportAsync).WithName("ImportSocialValueMeasures")
            .WithSummary("Import measures from a CSV body (text/csv) or an Excel workbook (.xlsx; ?sheet=NAME): code,theme,outcome,description,unit,proxy_value_gbp,source,licence,retired. Whole or not at all; matched by code.")
            .WithMetadata(new RequiresRoleAttribute(TendersApi.Buyers), new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreasApi.MaxImportBytes));

        var tenders = organisation.MapGroup("/tenders").WithTags("Tenders").WithMetadata(new RequiresRoleAttribute(TendersApi.Officers));
        tenders.MapGet("/{tenderId:guid}/social-value-measures", TenderMeasuresAsync).WithName("GetTenderSocialValueMeasures")
            .WithSummary("The social value measures the tender offers bidders to commit against");
        tenders.MapPut("/{tenderId:guid}/social-value-measures", OfferAsync).WithName("OfferTenderSocialValueMeasures")
            .WithSummary("Choose, by code, the measures bidders may commit against (the organisation's own, not retired, or PPN 002 reference rows); fixed once the tender is published")
            .WithMetadata(new RequiresRoleAttribute(TendersApi.Buyers));
    }

    public static MeasureView View(SocialValueMeasure m) => new(m.Code, m.Theme, m.Outcome, m.Description, m.Unit, m.ProxyValue, m.Source, m.Licence, m.Retired, false, null);

    public static MeasureView View(SocialValueReference.Row r) => new(r.Code, r.Mission, null, r.Description, null, null, r.Source, r.Licence, false, true, r.Published);

    private static async Task<Ok<MeasuresView>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MeasuresView(
            (await SocialValueQueries.ListAsync(db, organisation.Id, cancellationToken)).Select(View).ToList(),
            SocialValueReference.Rows.Select(View).ToList()));

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? file, string? sheet, ImportSocialValueMeasures import, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        var report = await import.HandleAsync(organisation.Id, content, string.IsNullOrWhiteSpace(file) ? ImportTable.DefaultName(content) : file, sheet, cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }

    private static async Task<Results<Ok<IReadOnlyList<TenderMeasureView>>, ProblemHttpResult>> TenderMeasuresAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is { } tender
            ? TypedResults.Ok<IReadOnlyList<TenderMeasureView>>(Views(tender))
            : Problems.NotFound("Tender");

    private static async Task<Results<Ok<IReadOnlyList<TenderMeasureView>>, ValidationProblem, ProblemHttpResult>> OfferAsync(
        Guid tenderId, OfferRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var (chosen, errors) = await ResolveAsync(db, organisation.Id, request.Codes ?? [], cancellationToken);
        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        if (tender.OfferSocialValueMeasures(chosen, db.Clock.GetUtcNow().UtcDateTime) is { Any: true } refused)
        {
            return Problems.Validation(refused);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TenderMeasureView>>(Views(tender));
    }

    /// <summary>The options named by <paramref name="codes"/>, or an error naming each code that is not one.</summary>
    public static async Task<(IReadOnlyList<MeasureOption> Chosen, Common.Errors Errors)> ResolveAsync(
        PlaceshaperDb db, Guid organisationId, IReadOnlyList<string?> codes, CancellationToken cancellationToken)
    {
        var options = await SocialValueQueries.OptionsAsync(db, organisationId, cancellationToken);
        var errors = new Common.Errors();
        var chosen = new List<MeasureOption>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (options.FirstOrDefault(o => string.Equals(o.Code, codes[i]?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } option)
            {
                chosen.Add(option);
            }
            else
            {
                errors.Add($"codes[{i}]", $"'{codes[i]}' is not one of the organisation's measures in use or a PPN 002 reference row");
            }
        }

        return (chosen, errors);
    }

    private static List<TenderMeasureView> Views(Tender tender) => tender.SocialValueMeasures.OrderBy(m => m.Order)
        .Select(m => new TenderMeasureView(m.Code, m.Theme, m.Outcome, m.Description, m.Unit, m.ProxyValue, m.Source, m.IsReference)).ToList();
}
