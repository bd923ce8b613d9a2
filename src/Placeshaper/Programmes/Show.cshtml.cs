using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Budgets;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

// Suppliers' users never read the buyer's programmes and pooled money (Roles.Officers).
[RequiresRole(Placeshaper.Organisations.Role.Administrator, Placeshaper.Organisations.Role.Commissioner, Placeshaper.Organisations.Role.ProcurementOfficer, Placeshaper.Organisations.Role.FinanceOfficer, Placeshaper.Organisations.Role.Evaluator, Placeshaper.Organisations.Role.Councillor)]
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

    /// <summary>
    /// The lead's tables on the page: the outcomes and measures ("outcomes"), the decisions log ("decisions") and the
    /// stage history ("stages"). A partner is not shown them, so it gets 404 here too.
    /// </summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid programmeId, string? table, string format, CancellationToken cancellationToken)
    {
        var (programme, role) = await ProgrammeAccess.FindAsync(db, programmeId, context.Id, cancellationToken);
        if (programme is null || role != ProgrammeRole.Lead)
        {
            return NotFound();
        }

        switch (table)
        {
            case "decisions":
                var decisions = await ProgrammeQueries.DecisionsAsync(db, programme.Id, cancellationToken);
                return new Exports.Table($"{programme.Name} decisions", ["date", "title", "decided_by", "summary", "papers"],
                    decisions.Select(d => (IReadOnlyList<object?>)[d.DecidedOn, d.Title, d.DecisionMakers, d.Summary, d.PapersUrl]).ToList()).ToFile(format);
            case "stages":
                var history = await ProgrammeQueries.HistoryAsync(db, programme.Id, cancellationToken);
                return new Exports.Table($"{programme.Name} stage history", ["at", "by", "entered", "left", "stages_after", "reason"],
                    history.Select(c => (IReadOnlyList<object?>)[c.At, c.ByName, Describe(c.Entered), Describe(c.Left), Describe(Stages.FromStored(c.ToStages)), c.Reason]).ToList()).ToFile(format);
            default:
                var outcomes = (await Placeshaper.Outcomes.OutcomeQueries.FrameworkAsync(db, context.Id, cancellationToken))
                    .SelectMany(t => t.Outcomes)
                    .Where(o => o.ProgrammeId == programme.Id);
                return new Exports.Table($"{programme.Name} outcomes", ["outcome", "measure", "indicator", "status"],
                    outcomes.SelectMany(o => o.Measures.Select(m => (IReadOnlyList<object?>)
                        [o.Statement, m.Name, m.IndicatorCode, m.Progress is null ? "no figure yet" : m.Progress.OnTrack ? "on track" : "off track"])).ToList()).ToFile(format);
        }
    }

    private static string Describe(IEnumerable<Stage> stages) => string.Join("; ", stages.Select(s => s.Describe()));

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
