using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Hosting;
using Placeshaper.Providers;
using Placeshaper.Shared;

namespace Placeshaper.Public;

/// <summary>
/// Suppliers register to use an organisation's supplier portal: their own account and the business they act for. An
/// officer checks the business against the provider register before they can bid. Rate limited, with a honeypot.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class RegisterSupplierModel(PlaceshaperDb db, Providers.RegisterSupplier register) : FormPage
{
    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public ProviderForm Input { get; set; } = new();

    /// <summary>Hidden from people; scripts fill it in. A filled-in honeypot is thanked and thrown away.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public string OrganisationName { get; private set; } = "";

    public bool Sent { get; private set; }

    public ProviderFields Fields => new(Input, ErrorFor, IsNew: true, AllowConsortium: false);

    public async Task<IActionResult> OnGetAsync(string organisation, CancellationToken cancellationToken) =>
        await LoadAsync(organisation, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string organisation, CancellationToken cancellationToken)
    {
        if (await LoadAsync(organisation, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            Sent = true;
            return Page();
        }

        var details = Input.Read(AddError);
        if (HasErrors)
        {
            return Page();
        }

        var result = await register.SubmitAsync(organisationId, new Providers.RegisterSupplier.Command(ContactName, Email, Password, details), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        Sent = true;
        return Page();
    }

    // Anyone may use this page, so the organisation is looked up directly: only its name is shown.
    private async Task<Guid?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        var found = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Slug == key).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        OrganisationName = found?.Name ?? "";
        return found?.Id;
    }
}
