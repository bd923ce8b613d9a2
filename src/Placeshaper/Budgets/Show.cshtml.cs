using Microsoft.AspNetCore.Mvc;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;

namespace Placeshaper.Budgets;

// Suppliers' users never read the buyer's programmes and pooled money (Roles.Officers).
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Kind { get; set; } = nameof(BudgetLineKind.Spend);

    [BindProperty]
    public DateInput OccurredOn { get; set; } = new();

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    public string Slug => context.Slug;

    public Guid OrganisationId => context.Id;

    public BudgetQueries.Found? Found { get; private set; }

    /// <summary>Only the host records against the pot, and only its finance officers and commissioners.</summary>
    public bool CanRecord => Found?.Role == ProgrammeRole.Lead && context.Current.HasAny([Role.FinanceOfficer, Role.Commissioner]);

    public async Task<IActionResult> OnGetDownloadAsync(Guid budgetId, string table, string format, CancellationToken cancellationToken)
    {
        var found = await BudgetQueries.FindAsync(db, budgetId, context.Id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        return table == "lines"
            ? new Exports.Table($"{found.Budget.Name} lines", ["date", "kind", "description", "amount_gbp"],
                found.Lines.Select(l => (IReadOnlyList<object?>)[l.OccurredOn, l.Kind.ToString(), l.Description, l.Amount]).ToList()).ToFile(format)
            : new Exports.Table($"{found.Budget.Name} statement", ["partner", "contributed_gbp", "share_of_pot", "spend_attributed_gbp", "variance_share_ratio", "share_of_variance_gbp"],
                found.Statement.Partners.Select(p => (IReadOnlyList<object?>)[p.Name, p.Contributed, p.ShareOfPot, p.AttributedSpend, p.VarianceShareRatio, p.ShareOfVariance]).ToList()).ToFile(format);
    }

    public async Task<IActionResult> OnGetAsync(Guid budgetId, CancellationToken cancellationToken)
    {
        Found = await BudgetQueries.FindAsync(db, budgetId, context.Id, cancellationToken);
        return Found is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid budgetId, CancellationToken cancellationToken)
    {
        Found = await BudgetQueries.FindAsync(db, budgetId, context.Id, cancellationToken);
        if (Found is null)
        {
            return NotFound();
        }

        if (!CanRecord)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!OccurredOn.IsEmpty && OccurredOn.Value is null)
        {
            AddError("on", "The date must be a real date, like 27 3 2026");
        }

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (Money.TryParse(Amount, out var pounds))
            {
                amount = pounds;
            }
            else
            {
                AddError("amount", "Enter the amount in pounds and pence, like 1,250.00");
            }
        }

        if (!Enum.TryParse<BudgetLineKind>(Kind, out var kind))
        {
            AddError("kind", "Choose whether this is spend or a commitment");
        }

        var line = BudgetLine.Record(Found.Budget, kind, OccurredOn.Value, Description, amount, db.Clock.GetUtcNow().UtcDateTime);
        if (!line.Succeeded || HasErrors)
        {
            AddErrors(line.Errors ?? new Errors());
            return Page();
        }

        db.BudgetLines.Add(line.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/budgets/{budgetId}");
    }
}
