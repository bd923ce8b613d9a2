using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class ExitPlanModel(OrganisationContext context, PlaceshaperDb db, ManageContractRisks risks) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public bool Exists { get; private set; }

    [BindProperty]
    public string? Continuity { get; set; }

    [BindProperty]
    public string? DataAndAssets { get; set; }

    [BindProperty]
    public string? Tupe { get; set; }

    [BindProperty]
    public string? AlternativeProviders { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public DateInput LastReviewedOn { get; set; } = new();

    [BindProperty]
    public DateInput NextReviewDue { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        if (await ManageContractRisks.ExitPlanAsync(db, context.Id, contractId, cancellationToken) is { } plan)
        {
            Exists = true;
            (Continuity, DataAndAssets, Tupe, AlternativeProviders, Owner) = (plan.Continuity, plan.DataAndAssets, plan.Tupe, plan.AlternativeProviders, plan.Owner);
            LastReviewedOn = DateInput.From(plan.LastReviewedOn);
            NextReviewDue = DateInput.From(plan.NextReviewDue);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        const string NotADate = "Enter a real date, like 27 3 2026";
        var input = new ExitPlan.Input(Continuity, DataAndAssets, Tupe, AlternativeProviders, Owner, Date("lastReviewedOn", LastReviewedOn, NotADate), Date("nextReviewDue", NextReviewDue, NotADate));
        if (HasErrors)
        {
            return Page();
        }

        var saved = await risks.SaveExitPlanAsync(Contract, input, cancellationToken);
        if (!saved.Succeeded)
        {
            AddErrors(saved.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#exit-plan");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        Contract = (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken))!;
        return Contract is not null;
    }
}
