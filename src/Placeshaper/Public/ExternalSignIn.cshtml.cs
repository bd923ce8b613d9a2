using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Hosting;
using Placeshaper.People;

namespace Placeshaper.Public;

/// <summary>Where the identity provider sends people back: matches them to an existing account by email.</summary>
public sealed class ExternalSignInModel(SignInManager<Person> signIn, UserManager<Person> people, PlaceshaperDb db, PlaceshaperSettings settings) : PageModel
{
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var email = external.Principal?.FindFirstValue(ClaimTypes.Email);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (email is null)
        {
            Problem = "Your organisation's sign-in did not complete.";
            return await RefusedAsync("single-sign-on-failed", "");
        }

        var person = await people.FindByEmailAsync(email);
        if (person is null || (person.IsDemo && !settings.DemoMode))
        {
            Problem = $"There is no Placeshaper account for {email}.";
            return await RefusedAsync("single-sign-on-refused-no-account", email);
        }

        if (await people.IsLockedOutAsync(person))
        {
            Problem = "This account is locked. Try again later, or ask an administrator.";
            return await RefusedAsync("single-sign-on-refused-locked", person.Id.ToString());
        }

        await signIn.SignInAsync(person, isPersistent: false, authenticationMethod: "oidc");
        db.RecordDecision(new AuditDecision(null, "signed-in-single-sign-on", nameof(Person), person.Id.ToString()));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private async Task<IActionResult> RefusedAsync(string action, string who)
    {
        db.RecordDecision(new AuditDecision(null, action, "SignIn", who));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Page();
    }
}
