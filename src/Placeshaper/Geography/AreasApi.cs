using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Areas;

/// <remarks>
/// This folder is "Geography" rather than "Areas" because ASP.NET Core reserves a top-level /Areas folder for MVC areas
/// and would not route the pages in it; the feature is still Areas everywhere else.
/// </remarks>
public static class AreasApi
{
    public sealed record AreaView(Guid Id, string Code, string Name, AreaLevel Level, string? ParentCode);

    public sealed record PostcodeView(string Postcode, string? LocalAuthorityCode, string? WardCode, string? Lsoa21Code, string? Msoa21Code, decimal? Latitude, decimal? Longitude, int? ImdRank, bool Terminated);

    public sealed record Located(PostcodeView Postcode, IReadOnlyList<AreaView> Areas);

    /// <summary>Imports take the file as the request body (CSV or an Excel workbook), up to this size.</summary>
    public const long MaxImportBytes = 50L * 1024 * 1024;

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder organisation)
    {
        var areas = organisation.MapGroup("/areas").WithTags("Areas");
        areas.MapGet("/", ListAsync).WithName("ListAreas").WithSummary("The organisation's areas, each after its parent");
        areas.MapGet("/lookup", LookupAsync).WithName("LocatePostcode").WithSummary("The organisation's areas a postcode falls in, most local first");
        areas.MapPost("/import", ImportAsync).WithName("ImportAreas")
            .WithSummary("Import areas from a CSV body (text/csv) or an Excel workbook (.xlsx; ?sheet=NAME, else the first worksheet): code,name,level,parent_code, or the ONS local authority lookup with ?within=CODE. Whole or not at all.")
            .WithMetadata(new RequiresRoleAttribute(Role.Administrator, Role.Commissioner), new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes));

        api.MapGet("/postcodes/{postcode}", PostcodeAsync).WithTags("Areas").WithName("GetPostcode").WithSummary("A postcode's geography from the ONS Postcode Directory");
    }

    private static async Task<Ok<IReadOnlyList<AreaView>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var areas = await AreaQueries.ForOrganisationAsync(db, organisation.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AreaView>>(areas.Select(View).ToList());
    }

    private static async Task<Results<Ok<Located>, ProblemHttpResult, ValidationProblem>> LookupAsync(
        string? postcode, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (ReferencePostcode.Normalise(postcode) is null)
        {
            return Problems.Validation(Common.Errors.For("postcode", "Enter a full UK postcode, like AB1 0AA"));
        }

        var located = await AreaQueries.LocateAsync(db, organisation.Id, postcode!, cancellationToken);
        return located is null
            ? Problems.NotFound("Postcode")
            : TypedResults.Ok(new Located(View(located.Postcode), located.Areas.Select(View).ToList()));
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? file, string? within, string? sheet, ImportAreas import, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        var report = await import.HandleAsync(organisation.Id, content, string.IsNullOrWhiteSpace(file) ? ImportTable.DefaultName(content) : file, within, sheet, cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }

    private static async Task<Results<Ok<PostcodeView>, ProblemHttpResult>> PostcodeAsync(string postcode, PlaceshaperDb db, CancellationToken cancellationToken)
    {
        var normalised = ReferencePostcode.Normalise(postcode);
        var found = normalised is null ? null : await db.ReferencePostcodes.FindAsync([normalised], cancellationToken);
        return found is null ? Problems.NotFound("Postcode") : TypedResults.Ok(View(found));
    }

    private static AreaView View(AreaQueries.Listed a) => new(a.Id, a.Code, a.Name, a.Level, a.ParentCode);

    private static PostcodeView View(ReferencePostcode p) =>
        new(p.Postcode, p.LocalAuthorityCode, p.WardCode, p.Lsoa21Code, p.Msoa21Code, p.Latitude, p.Longitude, p.ImdRank, p.TerminatedIn is not null);
}
