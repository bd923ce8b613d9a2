using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Scrutiny;

/// <summary>One question's thread: officers answer; the councillor who asked follows up or closes it.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db, AskQuestion ask, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public ScrutinyQuestion Question { get; private set; } = null!;

    public string? SubjectName { get; private set; }

    public bool CanAnswer => context.Current.HasAny(ScrutinyAccess.Answerers) && Question.Status != QuestionStatus.Closed && viewer.PersonId != Question.AskedByPersonId;

    public bool IsAsker => viewer.PersonId == Question.AskedByPersonId;

    public bool Overdue => Question.IsOverdue(db.Clock.GetUtcNow().UtcDateTime.UkDate());

    public async Task<IActionResult> OnGetAsync(Guid questionId, CancellationToken cancellationToken) =>
        await LoadAsync(questionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(Guid questionId, string? text, CancellationToken cancellationToken)
    {
        if (!context.Current.HasAny(ScrutinyAccess.Answerers))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await RespondAsync(questionId, q => ask.AnswerAsync(q, text, viewer.PersonId!.Value, viewer.DisplayName, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostFollowUpAsync(Guid questionId, string? text, CancellationToken cancellationToken) =>
        RespondAsync(questionId, q => ask.FollowUpAsync(q, text, viewer.PersonId!.Value, viewer.DisplayName, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid questionId, CancellationToken cancellationToken) =>
        RespondAsync(questionId, q => ask.CloseAsync(q, viewer.PersonId!.Value, cancellationToken), cancellationToken);

    private async Task<IActionResult> RespondAsync(Guid questionId, Func<ScrutinyQuestion, Task<Result<ScrutinyQuestion>>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(questionId, cancellationToken))
        {
            return NotFound();
        }

        var done = await act(Question);
        if (!done.Succeeded)
        {
            AddErrors(done.Errors, field => field == "question" ? "text" : field);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/scrutiny/{questionId}");
    }

    private async Task<bool> LoadAsync(Guid questionId, CancellationToken cancellationToken)
    {
        if (await ScrutinyQueries.FindAsync(db, context.Id, questionId, cancellationToken) is not { } question)
        {
            return false;
        }

        Question = question;
        SubjectName = question.SubjectId is { } id ? (await ScrutinyQueries.SubjectNamesAsync(db, [question], cancellationToken)).GetValueOrDefault(id) : null;
        return true;
    }
}
