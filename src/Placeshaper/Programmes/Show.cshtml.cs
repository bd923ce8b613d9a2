using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Budgets;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string Slug => context.Slug;

    public Programme Programme { get; private set; } = null!;

    public ProgrammeRole Role { get; private set; }

    public string LeadName { get; private set; } = "";

    public IReadOnlyList<string> PartnerNames { get; private set; } = [];

    public IReadOnlyList<StageChange> History { get; private set; } = [];

    public IReadOnlyList<ProgrammeDecision> Decisions { get; private set; } = [];

    public IReadOnlyList<Appraisals.AppraisalQueries.Summary> Appraisals { get; private set; } = [];

    public IReadOnlyList<PooledBudget> Budgets { get; private set; } = [];

    /// <summary>The golden thread: the outcomes this programme works towards, each with its measures, their progress and the needs evidence behind them.</summary>
    public IReadOnlyList<Outcomes.OutcomeQueries.OutcomeView> Outcomes { get; private set; } = [];

    public bool CanEdit => Role == ProgrammeRole.Lead && context.Current.HasAny([Organisations.Role.Commissioner, Organisations.Role.Administrator]);

    public bool CanSetUpBudget => Role == ProgrammeRole.Lead && context.Current.HasAny([Organisations.Role.Commissioner, Organisations.Role.FinanceOfficer]);

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var (programme, role) = await ProgrammeAccess.FindAsync(db, programmeId, context.Id, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        (Programme, Role) = (programme, role);
        var names = await ProgrammeQueries.OrganisationNamesAsync(db, programme, cancellationToken);
        LeadName = names[programme.OrganisationId].Name;
        PartnerNames = programme.Partners.Select(p => names[p.OrganisationId].Name).Order(StringComparer.Ordinal).ToList();
        Budgets = await BudgetQueries.ForProgrammeAsync(db, programme.Id, cancellationToken);
        if (role == ProgrammeRole.Lead)
        {
            History = await ProgrammeQueries.HistoryAsync(db, programme.Id, cancellationToken);
            // Retired outcomes stay on the programme, marked retired: the programme's history should not lose them.
            Outcomes = (await Placeshaper.Outcomes.OutcomeQueries.FrameworkAsync(db, context.Id, cancellationToken, includeRetired: true))
                .SelectMany(t => t.Outcomes)
                .Where(o => o.ProgrammeId == programme.Id)
                .ToList();
            Decisions = await ProgrammeQueries.DecisionsAsync(db, programme.Id, cancellationToken);
            Appraisals = await Placeshaper.Appraisals.AppraisalQueries.ForProgrammeAsync(db, programme.Id, cancellationToken);
        }

        return Page();
    }
}
