using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class RequestVariationModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, VaryContract vary) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public VariationLedger Ledger { get; private set; } = null!;

    [BindProperty]
    public string? ValueChange { get; set; }

    [BindProperty]
    public string? TermMonths { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var value = Number("valueChange", ValueChange, "Enter the change of value in pounds, like 12000 or -5000");
        int? months = null;
        if (!string.IsNullOrWhiteSpace(TermMonths))
        {
            if (int.TryParse(TermMonths.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                months = parsed;
            }
            else
            {
                AddError("termMonths", "Enter the change of term as a whole number of months, like 6 or -3");
            }
        }

        if (HasErrors)
        {
            return Page();
        }

        var requested = await vary.RequestAsync(Contract, new Variation.Input(value, months, Description, Reason), viewer.PersonId!.Value, viewer.DisplayName, cancellationToken);
        if (!requested.Succeeded)
        {
            AddErrors(requested.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}/variations/{requested.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        Contract = (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken))!;
        if (Contract is null)
        {
            return false;
        }

        Ledger = VaryContract.Ledger(Contract, await VaryContract.ListAsync(db, context.Id, contractId, cancellationToken));
        return true;
    }
}
