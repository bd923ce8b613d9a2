using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Spend;

/// <summary>
/// Spend categories: every expense type in spend with its spend, unmapped first; a form to map one to a CPV 2008 code
/// (checked against the list) and/or a ProClass code and label; a mapping file to import; the mapping to download; and
/// the classifications spend files gave unmapped expense types, to accept one by one or all at once.
/// </summary>
[RequiresRole(Role.Administrator, Role.FinanceOfficer, Role.Commissioner, Role.ProcurementOfficer, Role.Councillor)]
[RequestSizeLimit(AreasApi.MaxImportBytes)]
public sealed class CategoriesModel(OrganisationContext context, PlaceshaperDb db, MapSpendCategories map, AcceptSpendCategorySuggestions suggestions) : FormPage
{
    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(SpendAccess.Importers);

    public IReadOnlyList<SpendCategoryQueries.Row> Rows { get; private set; } = [];

    public ImportReport? Report { get; private set; }

    public string? Saved { get; private set; }

    [BindProperty]
    public string? ExpenseType { get; set; }

    [BindProperty]
    public string? CpvCode { get; set; }

    [BindProperty]
    public string? ProClassCode { get; set; }

    [BindProperty]
    public string? ProClassLabel { get; set; }

    public IReadOnlyList<SpendCategorySuggestionQueries.Suggested> Suggestions { get; private set; } = [];

    /// <summary>After "accept all": how many were accepted and how many left because their files disagree.</summary>
    public (int Accepted, int Conflicting)? AcceptedAll { get; private set; }

    public async Task OnGetAsync(string? expenseType, string? saved, int? accepted, int? conflicting, CancellationToken cancellationToken)
    {
        Saved = saved;
        AcceptedAll = accepted is { } count ? (count, conflicting ?? 0) : null;
        Rows = await SpendCategoryQueries.ListAsync(db, context.Id, cancellationToken);
        Suggestions = await SpendCategorySuggestionQueries.ListAsync(db, context.Id, cancellationToken);
        if (!string.IsNullOrWhiteSpace(expenseType) && Rows.FirstOrDefault(r => r.ExpenseKey == SpendCategory.Key(expenseType)) is { } row)
        {
            (ExpenseType, CpvCode, ProClassCode, ProClassLabel) = (row.ExpenseType, row.CpvCode, row.ProClassCode, row.ProClassLabel);
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var rows = await SpendCategoryQueries.ListAsync(db, context.Id, cancellationToken);
        return Table(rows).ToFile(format);
    }

    /// <summary>The mapping as a table; a mapping file can be imported from it as it is (the extra columns are ignored).</summary>
    public static Exports.Table Table(IReadOnlyList<SpendCategoryQueries.Row> rows) => new(
        "spend-categories",
        [.. MapSpendCategories.FileColumns, "cpv_description", "cpv_division", "spend", "payments"],
        rows.Select(r => (IReadOnlyList<object?>)[r.ExpenseType, r.CpvCode, r.ProClassCode, r.ProClassLabel, r.CpvDescription, r.CpvDivision, r.Total, r.Payments]).ToList());

    public async Task<IActionResult> OnPostMapAsync(CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var saved = await map.HandleAsync(context.Id, [new(ExpenseType, CpvCode, ProClassCode, ProClassLabel)], indexed: false, cancellationToken);
        if (!saved.Succeeded)
        {
            AddErrors(saved.Errors);
            await ListAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/spend/categories?saved={Uri.EscapeDataString(ExpenseType!.Trim())}");
    }

    public async Task<IActionResult> OnPostAcceptAsync(string? suggestedType, string? suggestedCode, string? suggestedLabel, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var (result, _) = await suggestions.OneAsync(context.Id, new(suggestedType, suggestedCode, suggestedLabel), cancellationToken);
        if (!result.Succeeded)
        {
            AddError("suggestions", result.Errors!.ByField.Values.SelectMany(m => m).First());
            await ListAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/spend/categories?saved={Uri.EscapeDataString((suggestedType ?? "").Trim())}");
    }

    public async Task<IActionResult> OnPostAcceptAllAsync(CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var result = await suggestions.AllAsync(context.Id, cancellationToken);
        if (!result.Succeeded)
        {
            AddError("suggestions", result.Errors!.ByField.Values.SelectMany(m => m).First());
            await ListAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/spend/categories?accepted={result.Value!.Accepted}&conflicting={result.Value.Conflicting}");
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Rows = await SpendCategoryQueries.ListAsync(db, context.Id, cancellationToken);
        Suggestions = await SpendCategorySuggestionQueries.ListAsync(db, context.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        if (upload is null || upload.Length == 0)
        {
            AddError("upload", "Choose a CSV file or Excel workbook to import");
        }
        else
        {
            using var content = new MemoryStream();
            await upload.CopyToAsync(content, cancellationToken);
            Report = await map.ImportAsync(context.Id, content.ToArray(), Path.GetFileName(upload.FileName), cancellationToken);
            if (!Report.Accepted)
            {
                AddError("upload", $"{Report.File} was refused: fix the {Report.Problems.Count} problem(s) listed and import it again");
            }
        }

        await ListAsync(cancellationToken);
        return Page();
    }
}
