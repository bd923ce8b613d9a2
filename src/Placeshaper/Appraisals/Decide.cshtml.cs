using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Appraisals;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class DecideModel(OrganisationContext context, PlaceshaperDb db, DecideAppraisal handler) : AppraisalPage(context, db)
{
    [BindProperty]
    public Guid? OptionId { get; set; }

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? DecisionMakers { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? PapersUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        if (Appraisal.IsDecided)
        {
            return Redirect(Home);
        }

        OptionId ??= Appraisal.Calculate() is { } results ? Guid.Parse(results.Leaders[0]) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        if (!DecidedOn.IsEmpty && DecidedOn.Value is null)
        {
            AddError("decidedOn", "The date of the decision must be a real date, like 27 3 2026");
            return Page();
        }

        var errors = await handler.HandleAsync(Programme, Appraisal, new DecideAppraisal.Command(OptionId, DecidedOn.Value, DecisionMakers, Summary, PapersUrl), cancellationToken);
        if (errors is not null)
        {
            AddErrors(errors, f => f switch
            {
                "appraisal" or "exitStrategy" => "option",
                "title" => "summary",
                _ => f,
            });
            return Page();
        }

        return Redirect(Home + "#decision");
    }
}
