using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Intelligence;

/// <summary>
/// A resident asks for their contact email to be erased (UK GDPR Article 17): an administrator finds their reports by
/// the address and erases it from all of them. The address travels in form posts only, never in a web address, so it
/// does not end up in browser histories or server logs.
/// </summary>
[RequiresRole(Role.Administrator)]
public sealed class ErasureModel(OrganisationContext context, EraseContactEmails erase, ContactEmailRetentionSettings retention) : FormPage
{
    [BindProperty]
    public string? Email { get; set; }

    public string Slug => context.Slug;

    public int RetentionDays => retention.Days;

    /// <summary>The reports found with the address, once looked for.</summary>
    public IReadOnlyList<EraseContactEmails.Found>? Found { get; private set; }

    [TempData]
    public string? Erased { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync(CancellationToken cancellationToken)
    {
        var found = await erase.FindAsync(context.Id, Email, cancellationToken);
        if (!found.Succeeded)
        {
            AddErrors(found.Errors);
            return Page();
        }

        Found = found.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        var erased = await erase.OnRequestAsync(context.Id, Email, cancellationToken);
        if (!erased.Succeeded)
        {
            AddErrors(erased.Errors);
            return Page();
        }

        Erased = erased.Value == 1 ? "The email address was erased from 1 report" : $"The email address was erased from {erased.Value} reports";
        return RedirectToPage(new { org = context.Slug });
    }
}
