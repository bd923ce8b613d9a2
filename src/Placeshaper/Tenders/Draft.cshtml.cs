using Microsoft.AspNetCore.Mvc;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;

namespace Placeshaper.Tenders;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class DraftModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? ProgrammeId { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? EstimatedValue { get; set; }

    public string Slug => context.Slug;

    public IReadOnlyList<(string Value, string Label)> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var count = await TenderQueries.ListAsync(db, context.Id, cancellationToken);
        Reference ??= $"{context.Slug.ToUpperInvariant()}-{db.Clock.GetUtcNow().Year}-{count.Count + 1:000}";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ContractKind? kind = Enum.TryParse<ContractKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(EstimatedValue))
        {
            if (Money.TryParse(EstimatedValue, out var pounds))
            {
                value = pounds;
            }
            else
            {
                AddError("estimatedValue", "Enter the estimated value in pounds, like 250000 or £1,250,000");
            }
        }

        if (ProgrammeId is { } programmeId && await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken) is null)
        {
            AddError("programmeId", "Choose one of the programmes this organisation leads");
        }

        var drafted = Tender.Draft(context.Id, ProgrammeId, Reference, Title, Description, kind, value, ProcurementThresholds.Official, db.Clock.GetUtcNow().UtcDateTime);
        if (drafted.Succeeded && (await TenderQueries.ListAsync(db, context.Id, cancellationToken)).Any(t => t.Reference == drafted.Value.Reference))
        {
            AddError("reference", $"There is already a tender with the reference {drafted.Value.Reference}");
        }

        if (!drafted.Succeeded || HasErrors)
        {
            AddErrors(drafted.Errors ?? new Errors());
            return Page();
        }

        db.Tenders.Add(drafted.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{Slug}/tenders/{drafted.Value.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Programmes = (await ProgrammeQueries.ForOrganisationAsync(db, context.Id, cancellationToken))
            .Where(p => p.Role == ProgrammeRole.Lead).Select(p => (p.Id.ToString(), p.Name)).ToList();
}
