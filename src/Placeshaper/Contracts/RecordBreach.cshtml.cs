using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

/// <summary>Records a breach (breachId absent) or changes one, e.g. to record its remedy and resolution.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class RecordBreachModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, ManageContractRisks risks) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public Breach? Existing { get; private set; }

    [BindProperty]
    public DateInput OccurredOn { get; set; } = new();

    [BindProperty]
    public string? Clause { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Severity { get; set; }

    [BindProperty]
    public DateInput RemedyNoticeOn { get; set; } = new();

    [BindProperty]
    public DateInput RemedyDue { get; set; } = new();

    [BindProperty]
    public DateInput ResolvedOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid contractId, Guid? breachId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, breachId, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } b)
        {
            OccurredOn = DateInput.From(b.OccurredOn);
            Clause = b.Clause;
            Description = b.Description;
            Severity = b.Severity.ToString();
            RemedyNoticeOn = b.RemedyNoticeOn is { } notice ? DateInput.From(notice) : new();
            RemedyDue = b.RemedyDue is { } due ? DateInput.From(due) : new();
            ResolvedOn = b.ResolvedOn is { } resolved ? DateInput.From(resolved) : new();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contractId, Guid? breachId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, breachId, cancellationToken))
        {
            return NotFound();
        }

        const string NotADate = "Enter a real date, like 27 3 2026";
        var input = new Breach.Input(
            Date("occurredOn", OccurredOn, NotADate), Clause, Description,
            Enum.TryParse<BreachSeverity>(Severity, out var severity) && !int.TryParse(Severity, out _) ? severity : null,
            Date("remedyNoticeOn", RemedyNoticeOn, NotADate), Date("remedyDue", RemedyDue, NotADate), Date("resolvedOn", ResolvedOn, NotADate));
        if (HasErrors)
        {
            return Page();
        }

        var errors = Existing is { } breach
            ? await risks.ChangeBreachAsync(breach, input, cancellationToken)
            : (await risks.RecordBreachAsync(Contract, input, viewer.DisplayName, cancellationToken)).Errors;
        if (errors is not null)
        {
            AddErrors(errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#breaches");
    }

    private async Task<bool> LoadAsync(Guid contractId, Guid? breachId, CancellationToken cancellationToken)
    {
        Contract = (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken))!;
        if (Contract is null)
        {
            return false;
        }

        if (breachId is { } id)
        {
            Existing = await db.ContractBreaches.FindAsync([id], cancellationToken);
            return Existing is not null && Existing.ContractId == contractId;
        }

        return true;
    }
}
