using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Outcomes;

public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string Slug => context.Slug;

    public string OrganisationName => context.Current.Name;

    public IReadOnlyList<OutcomeQueries.ThemeView> Themes { get; private set; } = [];

    /// <summary>Whether retired outcomes and measures are shown beside the active ones.</summary>
    public bool ShowRetired { get; private set; }

    public bool CanChange => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var themes = await OutcomeQueries.FrameworkAsync(db, context.Id, cancellationToken);
        var rows = themes.SelectMany(t => t.Outcomes.SelectMany(o => o.Measures.Select(m => (IReadOnlyList<object?>)
            [t.Name, o.Statement, m.Name, m.Unit, m.Owner, m.Baseline, m.BaselineDate, m.Latest, m.LatestDate, m.Target, m.TargetDate, m.Progress?.ShareOfWay, m.Progress is null ? null : m.Progress.OnTrack ? "on track" : "off track"])))
            .ToList();
        return new Exports.Table("outcomes", ["theme", "outcome", "measure", "unit", "owner", "baseline", "baseline_date", "latest", "latest_date", "target", "target_date", "share_of_way", "status"], rows)
            .ToFile(format);
    }

    public async Task OnGetAsync(bool retired, CancellationToken cancellationToken)
    {
        ShowRetired = retired;
        Themes = await OutcomeQueries.FrameworkAsync(db, context.Id, cancellationToken, includeRetired: retired);
    }
}
