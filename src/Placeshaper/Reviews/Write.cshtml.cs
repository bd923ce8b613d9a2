using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Hosting;
using Placeshaper.Shared;

namespace Placeshaper.Reviews;

/// <summary>
/// The review form: no account, rate limited, a honeypot for scripts, email confirmation before anything is published.
/// It answers "check your email" whatever address was given (see <see cref="WriteReview"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class WriteModel(PlaceshaperDb db, WriteReview write, Viewer viewer) : FormPage
{
    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public int? Quality { get; set; }

    [BindProperty]
    public int? Reliability { get; set; }

    [BindProperty]
    public int? Respect { get; set; }

    [BindProperty]
    public int? Value { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool AcceptRules { get; set; }

    /// <summary>Hidden from people; scripts fill it in. A filled-in honeypot is thanked and thrown away.</summary>
    [BindProperty]
    public string? Website { get; set; }

    public PublicOrganisation Organisation { get; private set; } = null!;

    public Guid ProviderId { get; private set; }

    public string ProviderName { get; private set; } = "";

    public IReadOnlyList<ReviewQueries.Service> Services { get; private set; } = [];

    public bool Sent { get; private set; }

    /// <summary>The value of the "another service" choice.</summary>
    public const string AnotherService = "other";

    public async Task<IActionResult> OnGetAsync(string organisation, Guid providerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(organisation, providerId, cancellationToken))
        {
            return NotFound();
        }

        Service ??= Services.Count == 1 ? Services[0].ContractId.ToString() : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string organisation, Guid providerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(organisation, providerId, cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            Sent = true;
            return Page();
        }

        var contractId = Guid.TryParse(Service, out var id) ? id : (Guid?)null;
        var input = new Review.Input(providerId, contractId, new ReviewRatings(Quality, Reliability, Respect, Value), Comment, DisplayName, Email, AcceptRules);
        if (string.IsNullOrEmpty(Service))
        {
            AddError("service", "Choose the service you used");
            AddErrors(Review.Check(input));
            return Page();
        }

        var written = await write.SubmitAsync(Organisation.Id, input, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            token => Url.Page("/Reviews/Confirm", null, new { organisation = Organisation.Slug, token }, Request.Scheme, Request.Host.Value)!,
            viewer.Find(Organisation.Slug)?.ProviderId, cancellationToken);
        if (!written.Succeeded)
        {
            AddErrors(written.Errors);
            return Page();
        }

        Sent = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string organisation, Guid providerId, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return false;
        }

        Services = await ReviewQueries.ServicesAsync(db, found.Id, providerId, cancellationToken);
        if (Services.Count == 0)
        {
            return false;
        }

        (Organisation, ProviderId) = (found, providerId);
        ProviderName = await db.Providers.IgnoreQueryFilters().Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(cancellationToken);
        return true;
    }
}
