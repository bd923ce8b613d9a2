using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Benchmarks;

/// <summary>What the organisation shares per service category, and its own figures in the open format to pool elsewhere.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class SettingsModel(OrganisationContext context, PlaceshaperDb db, ShareBenchmarks share, Viewer viewer) : FormPage
{
    [BindProperty]
    public Dictionary<string, string?> Choices { get; set; } = [];

    public string Slug => context.Slug;

    public bool CanManage => context.Current.HasAny(BenchmarkAccess.Managers);

    public IReadOnlyList<BenchmarkQueries.Setting> Settings { get; private set; } = [];

    public bool Saved { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Label)> Options =
    [
        (nameof(SharingChoice.NotShared), "Do not share"),
        (nameof(SharingChoice.Anonymous), "Share anonymously"),
        (nameof(SharingChoice.Named), "Share, and be named to organisations that also agree to be named"),
    ];

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        Settings = await BenchmarkQueries.SettingsAsync(db, context.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        Settings = await BenchmarkQueries.SettingsAsync(db, context.Id, cancellationToken);
        foreach (var setting in Settings)
        {
            if (!Choices.TryGetValue(setting.Category, out var text) || text is null)
            {
                continue;
            }

            if (!Enum.TryParse<SharingChoice>(text, out var choice) || !Enum.IsDefined(choice))
            {
                AddError("choice-" + setting.Category, $"Choose whether to share {setting.Name.ToLowerInvariant()}");
                continue;
            }

            if (choice != setting.Choice)
            {
                var shared = await share.HandleAsync(context.Id, setting.Category, choice, viewer.DisplayName, cancellationToken);
                if (!shared.Succeeded)
                {
                    AddError("choice-" + setting.Category, shared.Errors!.ByField.First().Value[0]);
                }
            }
        }

        if (HasErrors)
        {
            return Page();
        }

        return Redirect($"/o/{Slug}/benchmarks/settings?saved=true");
    }

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken cancellationToken)
    {
        var rows = await BenchmarksApi.ExportRowsAsync(db, context.Id, context.Current.Name, all: false, cancellationToken);
        return format == "json"
            ? File(BenchmarkFormat.Json(rows), "application/json", $"{Slug}-benchmarks.json")
            : File(BenchmarkFormat.Csv(rows), "text/csv; charset=utf-8", $"{Slug}-benchmarks.csv");
    }
}
