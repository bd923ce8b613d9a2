using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Hosting;
using Placeshaper.Intelligence;
using Placeshaper.Shared;

namespace Placeshaper.Public;

/// <summary>The public form for residents: no account, rate limited, a honeypot for scripts, and moderation before use.</summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class TellUsModel(PlaceshaperDb db, ContactEmailRetentionSettings retention) : FormPage
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Area { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    /// <summary>Hidden from people; scripts fill it in. A filled-in honeypot is thanked and thrown away.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public string OrganisationName { get; private set; } = "";

    public IReadOnlyList<AreaQueries.Listed> Areas { get; private set; } = [];

    public bool Sent { get; private set; }

    /// <summary>How long an email address is kept after the report is dealt with, as the privacy wording tells residents.</summary>
    public int RetentionDays => retention.Days;

    public async Task<IActionResult> OnGetAsync(string organisation, CancellationToken cancellationToken) =>
        await LoadAsync(organisation, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string organisation, CancellationToken cancellationToken)
    {
        var organisationId = await LoadAsync(organisation, cancellationToken);
        if (organisationId is null)
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            Sent = true;
            return Page();
        }

        var areaId = Areas.FirstOrDefault(a => a.Code == Area)?.Id;
        var result = IntelligenceItem.Submit(
            organisationId.Value,
            Enum.TryParse<IntelligenceKind>(Kind, out var kind) ? kind : null,
            Body,
            areaId,
            null,
            "Resident",
            null,
            ContactEmail,
            db.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        db.IntelligenceItems.Add(result.Value);
        await db.SaveChangesAsync(cancellationToken);
        Sent = true;
        return Page();
    }

    // Anyone may use this page, so the organisation is looked up directly: only its name and its areas' names are shown.
    private async Task<Guid?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        var found = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Slug == key).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        OrganisationName = found.Name;
        Areas = (await db.Areas.IgnoreQueryFilters().AsNoTracking().Where(a => a.OrganisationId == found.Id && a.Level != AreaLevel.Comparator)
                .OrderBy(a => a.Level).ThenBy(a => a.Name).Select(a => new AreaQueries.Listed(a.Id, a.Code, a.Name, a.Level, null)).ToListAsync(cancellationToken))
            .ToList();
        return found.Id;
    }
}
