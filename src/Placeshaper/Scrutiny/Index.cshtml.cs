using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Scrutiny;

/// <summary>Every scrutiny question on the record, newest first, with what is overdue.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public QuestionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public string Slug => context.Slug;

    public bool CanAsk => context.Current.HasAny(ScrutinyAccess.Askers);

    public IReadOnlyList<ScrutinyQueries.Listed> Questions { get; private set; } = [];

    /// <summary>The programmes and contracts a committee report can be made for.</summary>
    public IReadOnlyList<Subjects.Choice> Reportable { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Questions = await ScrutinyQueries.ListAsync(db, context.Id, new(Status, Overdue), cancellationToken);
        Reportable = (await Subjects.ChoicesAsync(db, context.Id, cancellationToken)).Where(c => c.Group is "Programmes" or "Contracts").ToList();
    }

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return new Exports.Table("scrutiny questions", ["number", "title", "about", "subject", "asked_by", "asked_on", "due_on", "status", "overdue", "answers"],
            Questions.Select(q => (IReadOnlyList<object?>)[$"Q{q.Number}", q.Title, q.Subject.ToString(), q.SubjectName, q.AskedBy, DateOnly.FromDateTime(q.AskedAt), q.DueOn,
                q.Status.ToString(), q.Overdue ? "yes" : "no", q.Answers]).ToList())
            .ToFile(format);
    }
}
