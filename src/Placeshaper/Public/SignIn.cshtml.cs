using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Hosting;
using Placeshaper.People;
using Placeshaper.Shared;

namespace Placeshaper.Public;

public sealed class SignInModel(
    SignInManager<Person> signIn,
    UserManager<Person> people,
    PlaceshaperDb db,
    PlaceshaperSettings settings,
    IAuthenticationSchemeProvider schemes) : FormPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => settings.DemoMode;

    public string? SingleSignOnName { get; private set; }

    public async Task OnGetAsync() => SingleSignOnName = await OpenIdConnectSignIn.DisplayNameAsync(schemes);

    public async Task<IActionResult> OnPostAsync()
    {
        SingleSignOnName = await OpenIdConnectSignIn.DisplayNameAsync(schemes);
        if (string.IsNullOrWhiteSpace(Email))
        {
            AddError("email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            AddError("password", "Enter your password");
        }

        if (HasErrors)
        {
            return Page();
        }

        var person = await people.FindByEmailAsync(Email!.Trim());
        if (person is { IsDemo: true } && !settings.DemoMode)
        {
            AddError("email", "Demo accounts cannot sign in: this installation is not in demo mode");
            return Page();
        }

        var result = person is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(person, Password!, isPersistent: false, lockoutOnFailure: true);
        if (person is not null)
        {
            db.RecordDecision(new AuditDecision(null, result.Succeeded ? "signed-in" : result.IsLockedOut ? "sign-in-locked-out" : "sign-in-failed", nameof(Person), person.Id.ToString()));
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            AddError("email", "This account is locked for 15 minutes after too many failed attempts. Try again later, or ask an administrator");
        }
        else
        {
            AddError("email", "Enter a correct email address and password");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSingleSignOnAsync()
    {
        if (await OpenIdConnectSignIn.DisplayNameAsync(schemes) is null)
        {
            return NotFound();
        }

        var redirect = "/sign-in/external?returnUrl=" + Uri.EscapeDataString(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        return Challenge(new AuthenticationProperties { RedirectUri = redirect }, OpenIdConnectSignIn.Scheme);
    }
}
