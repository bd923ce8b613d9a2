using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>Who may see and import spend. Finance officers and administrators import; those who commission, buy and scrutinise read.</summary>
public static class SpendAccess
{
    public static readonly Role[] Importers = [Role.Administrator, Role.FinanceOfficer];

    public static readonly Role[] Readers = [Role.Administrator, Role.FinanceOfficer, Role.Commissioner, Role.ProcurementOfficer, Role.Councillor];
}

/// <summary>
/// The largest spend file an upload may be: <c>Spend:MaxUploadBytes</c> in configuration, 512 MiB unless set (a
/// year of a county's payments is about 200 MB as CSV). Larger files go through <c>placeshaper import spend</c>.
/// The endpoints declare the server's ceiling so that the request reaches the handler, which applies this limit.
/// </summary>
public sealed class SpendUploadLimit : IRequestSizeLimitMetadata
{
    public const long Default = 512L * 1024 * 1024;

    public long? MaxRequestBodySize => Hosting.RequestSizeLimit.Ceiling;

    public static long Of(IConfiguration configuration) =>
        long.TryParse(configuration["Spend:MaxUploadBytes"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0 ? bytes : Default;
}

public static class SpendApi
{
    public static void Map(RouteGroupBuilder organisation)
    {
        var spend = organisation.MapGroup("/spend").WithTags("Spend");
        var readers = new RequiresRoleAttribute(SpendAccess.Readers);
        var importers = new RequiresRoleAttribute(SpendAccess.Importers);
        spend.MapPost("/imports", ImportAsync).WithName("ImportSpend")
            .WithSummary("Import a spend file (CSV or .xlsx) as multipart/form-data (field 'file') or as the body (?file=NAME); ?profile=NAME picks a saved column mapping. Whole or not at all; payments already held are counted as duplicates; a refused file gets 422 naming file, line, column and reason; over Spend:MaxUploadBytes, 413")
            .WithMetadata(importers, new SpendUploadLimit()).DisableAntiforgery();
        spend.MapGet("/imports", ListAsync).WithName("ListSpendImports")
            .WithSummary("The spend files imported, newest first, with their counts and what was skipped")
            .WithMetadata(readers);
        spend.MapGet("/imports/{importId:guid}", GetAsync).WithName("GetSpendImport")
            .WithSummary("One spend import with its report of skipped rows")
            .WithMetadata(readers);
        spend.MapGet("/summary", SummaryAsync).WithName("SpendSummary")
            .WithSummary("Spend between from and to (inclusive, YYYY-MM-DD): total, number of payments, totals by month and the local, SME, VCSE and public-sector shares from the resolved and classified suppliers, to the penny")
            .WithMetadata(readers);
        spend.MapGet("/profiles", ProfilesAsync).WithName("ListSpendProfiles")
            .WithSummary("The saved column-mapping profiles")
            .WithMetadata(readers);
        spend.MapPut("/profiles/{name}", SaveProfileAsync).WithName("SaveSpendProfile")
            .WithSummary("Save a column-mapping profile: {\"fields\": {\"Date\": \"Updated\", \"Amount\": \"Amount\"}}. Fields left out keep the suggested column; an empty header ignores the field.")
            .WithMetadata(importers);
    }

    public sealed record ProfileRequest(Dictionary<string, string?>? Fields);

    public sealed record ProfileView(string Name, IReadOnlyDictionary<SpendField, string> Fields, DateTime UpdatedAt);

    public sealed record ReportView(
        Guid? ImportId, string File, string Sha256, string Encoding, int Read, int Imported, int Duplicates, int Skipped, int Errors, decimal Total, IReadOnlyList<ImportProblem> SkippedRows);

    /// <summary>A refused spend file as problem details: 422 with every problem's file, line, column and reason.</summary>
    public static ProblemHttpResult Refused(ImportSpend.Report report) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The file was refused; nothing was imported",
            detail: $"{report.Problems.Count} problem(s) in {report.File}. The first: {report.Problems[0]}",
            extensions: new Dictionary<string, object?> { ["problems"] = report.Problems, ["read"] = report.Read });

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
            detail: $"Uploads of spend files are limited to {limit / (1024 * 1024)} MiB here; import larger files with `placeshaper import spend`.");

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpRequest request, string? file, string? profile, ImportSpend import, ResolveSuppliers resolve, OrganisationContext organisation, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var limit = SpendUploadLimit.Of(configuration);
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var spool = Path.Combine(Path.GetTempPath(), "placeshaper-spend-" + Guid.NewGuid().ToString("N"));
        await using var content = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        string name;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (e is (IOException or InvalidDataException) and not BadHttpRequestException)
            {
                // A body cut short or not laid out as its multipart boundary says: the sender's mistake, told as one. (A
                // body over the server's limit is Kestrel's BadHttpRequestException, an IOException too, and stays a 413.)
                return Problems.Validation(Common.Errors.For("file", "The upload could not be read as multipart form data: send the spend file as the multipart field 'file'"));
            }

            if ((form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)) is not { } upload)
            {
                return Problems.Validation(Common.Errors.For("file", "Send the spend file as the multipart field 'file'"));
            }

            if (upload.Length > limit)
            {
                return TooLarge(limit);
            }

            await using (var stream = upload.OpenReadStream())
            {
                await stream.CopyToAsync(content, cancellationToken);
            }

            name = Path.GetFileName(upload.FileName) is { Length: > 0 } given ? given : "upload.csv";
        }
        else
        {
            if (!await CopyAtMostAsync(request.Body, content, limit, cancellationToken))
            {
                return TooLarge(limit);
            }

            name = string.IsNullOrWhiteSpace(file) ? "upload.csv" : Path.GetFileName(file);
        }

        content.Position = 0;
        var report = await import.HandleAsync(organisation.Id, content, name, profile, null, cancellationToken);
        if (report.Accepted)
        {
            await resolve.HandleAsync(organisation.Id, cancellationToken);
        }

        return report.Accepted ? TypedResults.Ok(View(report)) : Refused(report);
    }

    /// <summary>Copies a body of unknown length (chunked), stopping with false once it passes the limit.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    public static ReportView View(ImportSpend.Report r) =>
        new(r.ImportId, r.File, r.Sha256, r.Encoding, r.Read, r.Imported, r.Duplicates, r.Skipped, r.Errors, r.Total, r.SkippedRows);

    private static async Task<Ok<IReadOnlyList<SpendQueries.ImportView>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SpendQueries.ImportsAsync(db, organisation.Id, cancellationToken));

    private static async Task<Results<Ok<SpendQueries.ImportView>, ProblemHttpResult>> GetAsync(Guid importId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await SpendQueries.ImportAsync(db, organisation.Id, importId, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound("Spend import");

    private static async Task<Results<Ok<SpendQueries.Summary>, ValidationProblem>> SummaryAsync(
        string? from, string? to, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var errors = new Common.Errors();
        var start = Date(errors, "from", from);
        var end = Date(errors, "to", to);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add("to", "Give a date on or after from");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await SpendQueries.SummaryAsync(db, organisation.Id, start!.Value, end!.Value, cancellationToken));
    }

    private static DateOnly? Date(Common.Errors errors, string field, string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Give a date as YYYY-MM-DD");
        return null;
    }

    private static async Task<Ok<List<ProfileView>>> ProfilesAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var profiles = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.SpendProfiles.Where(p => p.OrganisationId == organisation.Id).OrderBy(p => p.Name), cancellationToken);
        return TypedResults.Ok(profiles.Select(p => new ProfileView(p.Name, p.Fields, p.UpdatedAt)).ToList());
    }

    private static async Task<Results<Ok<ProfileView>, ValidationProblem>> SaveProfileAsync(
        string name, ProfileRequest request, PlaceshaperDb db, OrganisationContext organisation, TimeProvider clock, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.SpendProfiles, p => p.OrganisationId == organisation.Id && p.Name == trimmed, cancellationToken);
        SpendProfile profile;
        if (existing is null)
        {
            var created = SpendProfile.Create(organisation.Id, trimmed, request.Fields, now);
            if (!created.Succeeded)
            {
                return Problems.Validation(created.Errors);
            }

            profile = created.Value;
            db.SpendProfiles.Add(profile);
        }
        else
        {
            var changed = existing.Change(trimmed, request.Fields, now);
            if (!changed.Succeeded)
            {
                return Problems.Validation(changed.Errors);
            }

            profile = existing;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ProfileView(profile.Name, profile.Fields, profile.UpdatedAt));
    }
}
