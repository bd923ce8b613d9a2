using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.SocialValue;

/// <summary>The contract manager adds a social value obligation to a contract (an imported one, say) or corrects one.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class ObligationModel(OrganisationContext context, PlaceshaperDb db, SocialValueDelivery delivery) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public SocialValueObligation? Existing { get; private set; }

    public IReadOnlyList<(string Value, string Label)> Measures { get; private set; } = [];

    [BindProperty]
    public string? MeasureCode { get; set; }

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public string? Measure { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? CommittedQuantity { get; set; }

    [BindProperty]
    public string? ProxyValue { get; set; }

    [BindProperty]
    public DateInput DueBy { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid contractId, Guid? obligationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, obligationId, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } o)
        {
            (MeasureCode, Theme, Measure, Unit) = (o.MeasureCode, o.Theme, o.Measure, o.Unit);
            CommittedQuantity = o.CommittedQuantity.ToString(CultureInfo.InvariantCulture);
            ProxyValue = o.ProxyValue?.ToString(CultureInfo.InvariantCulture);
            DueBy = o.DueBy is { } due ? DateInput.From(due) : new();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contractId, Guid? obligationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, obligationId, cancellationToken))
        {
            return NotFound();
        }

        var quantity = Number("committedQuantity", CommittedQuantity, "Enter how many or how much was promised, like 12 or 250.5");
        var proxy = string.IsNullOrWhiteSpace(ProxyValue) ? null : Number("proxyValue", ProxyValue, "Enter the proxy value in pounds per unit, like 1500 or 20.25");
        var due = DueBy.IsEmpty ? null : Date("dueBy", DueBy, "Enter the date it is due by, for example 31 3 2027");
        if (HasErrors)
        {
            return Page();
        }

        var input = new SocialValueObligation.Input(MeasureCode, Theme, Measure, Unit, quantity, proxy, due);
        var saved = Existing is { } existing
            ? await delivery.ChangeObligationAsync(Contract, existing, input, cancellationToken)
            : await delivery.AddObligationAsync(Contract, input, "officer", cancellationToken);
        if (!saved.Succeeded)
        {
            AddErrors(saved.Errors!);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#social-value");
    }

    private async Task<bool> LoadAsync(Guid contractId, Guid? obligationId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        if (obligationId is { } id)
        {
            Existing = await SocialValueDeliveryQueries.FindObligationAsync(db, contractId, id, cancellationToken);
            if (Existing is null)
            {
                return false;
            }
        }

        Measures = await db.SocialValueMeasures.AsNoTracking().Where(m => m.OrganisationId == context.Id && !m.Retired).OrderBy(m => m.Code)
            .Select(m => new ValueTuple<string, string>(m.Code, m.Code + ": " + m.Description)).ToListAsync(cancellationToken);
        return true;
    }
}
