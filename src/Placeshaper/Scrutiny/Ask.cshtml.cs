using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Scrutiny;

[RequiresRole(Role.Councillor)]
public sealed class AskModel(OrganisationContext context, PlaceshaperDb db, AskQuestion ask, Viewer viewer) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? About { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public DateInput DueOn { get; set; } = new();

    public string Slug => context.Slug;

    public IReadOnlyList<Subjects.Choice> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Choices = await Subjects.ChoicesAsync(db, context.Id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (subject, subjectId) = Subjects.Parse(About);
        if (!DueOn.IsEmpty && DueOn.Value is null)
        {
            AddError("dueOn", "Enter a real date for the answer, like 27 3 2027, or leave it empty");
        }

        var asked = await ask.AskAsync(context.Id, new ScrutinyQuestion.Input(Title, Question, subject, subjectId, DueOn.Value), viewer.PersonId!.Value, viewer.DisplayName, cancellationToken);
        if (!asked.Succeeded || HasErrors)
        {
            AddErrors(asked.Errors ?? new Common.Errors(), field => field is "subject" or "subjectId" ? "about" : field);
            Choices = await Subjects.ChoicesAsync(db, context.Id, cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/scrutiny/{asked.Value.Id}");
    }
}
