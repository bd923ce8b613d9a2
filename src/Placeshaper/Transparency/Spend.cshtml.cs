using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Data;
using Placeshaper.Reviews;
using Placeshaper.Spend;

namespace Placeshaper.Transparency;

/// <summary>
/// The public list of an organisation's published spend files under the Local Government Transparency Code 2015:
/// one CSV per quarter of payments exceeding £500, in the Code's layout, with redacted beneficiaries kept redacted.
/// Anyone may read it, without signing in and without JavaScript.
/// </summary>
[AllowAnonymous]
public sealed class SpendModel(PlaceshaperDb db) : PageModel
{
    public PublicOrganisation Organisation { get; private set; } = null!;

    public IReadOnlyList<SpendTransparency.Period> Quarters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string organisation, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Organisation = found;
        Quarters = await SpendTransparency.QuartersAsync(db, found.Id, cancellationToken);
        return Page();
    }

    /// <summary>One quarter's file: <c>?handler=Download&amp;from=2025-04-01&amp;to=2025-06-30</c>.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string organisation, string? from, string? to, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var end)
            || end < start)
        {
            return BadRequest();
        }

        var rows = await SpendTransparency.RowsAsync(db, found.Id, found.Name, start, end, cancellationToken);
        var table = new Exports.Table($"{found.Slug}-spend-over-500-{start:yyyy-MM-dd}-to-{end:yyyy-MM-dd}", SpendTransparency.Headers, rows);
        return table.ToFile("csv");
    }
}
