using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Placeshaper.Data;
using Placeshaper.Hosting;
using Placeshaper.Shared;

namespace Placeshaper.Reviews;

/// <summary>
/// Where the link in the confirmation email leads. Opening it only shows a button: email scanners that follow links
/// must not publish reviews on their readers' behalf, so publishing takes a deliberate press.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class ConfirmModel(PlaceshaperDb db, WriteReview write) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public PublicOrganisation Organisation { get; private set; } = null!;

    public Review? Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string organisation, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Organisation = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string organisation, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Organisation = found;
        var attempt = string.IsNullOrWhiteSpace(Token) ? null : await write.ConfirmAsync(Token, cancellationToken);
        if (attempt is not { } confirmed || (confirmed.Succeeded && confirmed.Value.OrganisationId != found.Id))
        {
            AddError("token", "This link is not right. Check you copied all of it from the email.");
            return Page();
        }

        if (!confirmed.Succeeded)
        {
            AddErrors(confirmed.Errors);
            return Page();
        }

        Confirmed = confirmed.Value;
        return Page();
    }
}
