using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Shared;

namespace Placeshaper.Access;

public sealed class TokensModel(PlaceshaperDb db, Viewer viewer, IssueToken issue, TimeProvider clock) : FormPage
{
    public IReadOnlyList<TokensApi.TokenSummary> Tokens { get; private set; } = [];

    public IReadOnlyList<ViewerOrganisation> Organisations => viewer.Organisations;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? name, string? organisation, string? days, CancellationToken cancellationToken)
    {
        int? parsedDays = null;
        if (!string.IsNullOrWhiteSpace(days))
        {
            if (int.TryParse(days, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                parsedDays = value;
            }
            else
            {
                AddError("days", "Days must be a whole number, like 90");
            }
        }

        if (!HasErrors)
        {
            var result = await issue.HandleAsync(viewer, name, organisation, parsedDays, cancellationToken);
            if (result.Succeeded)
            {
                NewSecret = result.Value.Secret;
            }
            else
            {
                AddErrors(result.Errors);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.PersonId == viewer.PersonId, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await TokenQueries.ForPerson(db, viewer.PersonId!.Value).ToListAsync(cancellationToken);
}
