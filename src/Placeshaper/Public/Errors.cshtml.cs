using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Placeshaper.Public;

/// <summary>The pages shown for 403, 404 and other errors, worded as the GOV.UK error-page pattern advises.</summary>
public sealed class ErrorsModel : PageModel
{
    public string Heading { get; private set; } = "";

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public void OnGet(string code) => Describe(code);

    public void OnPost(string code) => Describe(code);

    private void Describe(string code) => (Heading, Paragraphs) = code switch
    {
        "404" => ("Page not found", (IReadOnlyList<string>)["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address."]),
        "403" => ("You cannot see this page", ["Your roles at this organisation do not include this page. Ask an administrator if you need it."]),
        "429" => ("You have sent too many in a short time", ["To protect the service from automated abuse, we limit how often a form can be sent. Try again in 10 minutes."]),
        _ => ("Sorry, there is a problem with the service", ["Try again later."]),
    };
}
