using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Benchmarks;

public static class BenchmarkAccess
{
    /// <summary>Who reads the benchmarks: officers and councillors, not providers or evaluators.</summary>
    public static readonly Role[] Readers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor];

    /// <summary>Who decides what the organisation shares, and imports figures.</summary>
    public static readonly Role[] Managers = [Role.Administrator, Role.Commissioner];
}

public static class BenchmarksApi
{
    public sealed record SharingRequest(SharingChoice? Choice);

    public sealed record CategoryView(string Code, string Name);

    public sealed record BenchmarkView(string Category, string CategoryName, SharingChoice YourChoice, int MinimumContributors, int SuppressedGroups,
        IReadOnlyList<BenchmarkPublishing.Group> Groups, IReadOnlyList<ReferenceUnitCosts.Reference> ReferenceUnitCosts, string ReferenceSource);

    public static void Map(RouteGroupBuilder organisation)
    {
        var benchmarks = organisation.MapGroup("/benchmarks").WithTags("Benchmarks").WithMetadata(new RequiresRoleAttribute(BenchmarkAccess.Readers));
        benchmarks.MapGet("/", GetAsync).WithName("GetBenchmarks")
            .WithSummary("A service category's pooled figures as this organisation may see them: groups of fewer than 3 organisations suppressed, others anonymised unless both sides agreed to be named");
        benchmarks.MapGet("/categories", () => TypedResults.Ok(ServiceCategories.All.Select(c => new CategoryView(c.Code, c.Name)).ToList()))
            .WithName("ListBenchmarkCategories").WithSummary("The service categories figures are shared for");
        benchmarks.MapGet("/settings", SettingsAsync).WithName("ListBenchmarkSharing").WithSummary("What the organisation shares, per service category");
        benchmarks.MapPut("/settings/{category}", ShareAsync).WithName("SetBenchmarkSharing")
            .WithSummary("Share a category's figures (NotShared, Anonymous or Named); audited").WithMetadata(new RequiresRoleAttribute(BenchmarkAccess.Managers));
        benchmarks.MapPost("/imports", ImportAsync).WithName("ImportBenchmarks")
            .WithSummary("Import a benchmark dataset in the open format (CSV, .xlsx or JSON; docs/benchmarking.md): whole or not at all")
            .WithMetadata(new RequiresRoleAttribute(BenchmarkAccess.Managers), new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Areas.AreasApi.MaxImportBytes));
        benchmarks.MapGet("/export", ExportAsync).WithName("ExportBenchmarks")
            .WithSummary("The organisation's own figures (and with all=true those it imported) in the open format, as csv or json, to pool with another installation");
    }

    private static async Task<Results<Ok<BenchmarkView>, ValidationProblem>> GetAsync(
        string? category, string? measure, string? period, string? provider, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (ServiceCategories.Find(category) is not { } found)
        {
            return Problems.Validation(Common.Errors.For("category", $"Choose a service category: {string.Join(", ", ServiceCategories.All.Select(c => c.Code))}"));
        }

        var published = await BenchmarkQueries.PublishedAsync(db, organisation.Id, found.Code, new(measure, period, provider), cancellationToken);
        return TypedResults.Ok(new BenchmarkView(found.Code, found.Name, published.ViewerChoice, BenchmarkPublishing.MinimumContributors, published.Suppressed, published.Groups,
            ReferenceUnitCosts.For(found.Code), ReferenceUnitCosts.Source));
    }

    private static async Task<Ok<IReadOnlyList<BenchmarkQueries.Setting>>> SettingsAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await BenchmarkQueries.SettingsAsync(db, organisation.Id, cancellationToken));

    private static async Task<Results<Ok<BenchmarkQueries.Setting>, ValidationProblem>> ShareAsync(
        string category, SharingRequest request, ShareBenchmarks share, Viewer viewer, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var shared = await share.HandleAsync(organisation.Id, category, request.Choice, viewer.DisplayName, cancellationToken);
        return shared.Succeeded
            ? TypedResults.Ok(new BenchmarkQueries.Setting(shared.Value!.Category, ServiceCategories.NameOf(shared.Value.Category), shared.Value.Choice, shared.Value.UpdatedAt, shared.Value.UpdatedBy))
            : Problems.Validation(shared.Errors!);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? file, PlaceshaperDb db, OrganisationContext organisation, ImportBenchmarks import, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        var name = string.IsNullOrWhiteSpace(file) ? BenchmarkFormat.IsJson(content) ? "upload.json" : ImportTable.DefaultName(content) : file;
        var org = await db.Organisations.FindAsync([organisation.Id], cancellationToken);
        var report = await import.HandleAsync(org!, content, name, cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        string? format, bool? all, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        format = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        if (format is not ("csv" or "json"))
        {
            return Problems.Validation(Common.Errors.For("format", "Choose csv or json"));
        }

        var rows = await ExportRowsAsync(db, organisation.Id, organisation.Current.Name, all == true, cancellationToken);
        var slug = organisation.Slug;
        return format == "csv"
            ? TypedResults.File(BenchmarkFormat.Csv(rows), "text/csv; charset=utf-8", $"{slug}-benchmarks.csv")
            : TypedResults.File(BenchmarkFormat.Json(rows), "application/json", $"{slug}-benchmarks.json");
    }

    public static async Task<IReadOnlyList<string[]>> ExportRowsAsync(PlaceshaperDb db, Guid organisationId, string organisationName, bool all, CancellationToken cancellationToken)
    {
        var figures = await BenchmarkQueries.DatasetAsync(db, organisationId, ownOnly: !all, cancellationToken);
        var settings = await BenchmarkQueries.SettingsAsync(db, organisationId, cancellationToken);
        bool Named(string category) => settings.Any(s => s.Category == category && s.Choice == SharingChoice.Named);
        // Live figures leave only for the categories the organisation shares: what it has not agreed to share stays in.
        var live = (await LiveFigures.ForAsync(db, null, [organisationId], cancellationToken))
            .Where(f => settings.Any(s => s.Category == f.Category && s.Choice != SharingChoice.NotShared))
            .OrderBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.Period, StringComparer.Ordinal).ThenBy(f => f.Measure, StringComparer.Ordinal).ThenBy(f => f.Provider, StringComparer.Ordinal);
        return [.. BenchmarkFormat.Rows(figures, organisationName, Named), .. BenchmarkFormat.LiveRows(live, organisationName, Named)];
    }
}
