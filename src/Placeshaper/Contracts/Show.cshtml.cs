using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public bool CanChange => context.Current.HasAny(ContractAccess.Editors);

    public ContractQueries.Listed Listed { get; private set; } = null!;

    public Contract Contract => Listed.Contract;

    public string? Programme { get; private set; }

    public string? Specification { get; private set; }

    public string? Tender { get; private set; }

    public IReadOnlyList<(Guid Id, string Statement)> Outcomes { get; private set; } = [];

    public ContractChanges Changes { get; private set; } = null!;

    public IReadOnlyList<Areas.WardQueries.Listed> Wards { get; private set; } = [];

    /// <summary>The day the contract ended, while the KPI assessment due on termination is not published.</summary>
    public DateOnly? TerminationDue { get; private set; }

    /// <summary>The contract's KPIs, or its key dates (<paramref name="table"/> = dates).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid contractId, string format, string? table, CancellationToken cancellationToken)
    {
        if (await ContractQueries.DetailAsync(db, context.Id, contractId, cancellationToken) is not { } listed)
        {
            return NotFound();
        }

        var c = listed.Contract;
        return table == "dates"
            ? new Exports.Table(c.Reference + " key dates", ["date", "kind", "what"], c.KeyDates().Select(d => (IReadOnlyList<object?>)[d.On, ContractText.Kind(d.Kind), d.What]).ToList()).ToFile(format)
            : new Exports.Table(
                c.Reference + " KPIs",
                ["number", "definition", "unit", "better", "target", "minimum_acceptable", "frequency", "data_source"],
                c.Kpis.OrderBy(k => k.Number).Select(k => (IReadOnlyList<object?>)
                    [k.Number, k.Definition, k.Unit, k.HigherIsBetter ? "higher" : "lower", k.Target, k.Minimum, k.Frequency.ToString().ToLowerInvariant(), k.DataSource]).ToList())
                .ToFile(format);
    }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.DetailAsync(db, context.Id, contractId, cancellationToken) is not { } listed)
        {
            return NotFound();
        }

        Listed = listed;
        var c = listed.Contract;
        Programme = c.ProgrammeId is { } programmeId ? await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) : null;
        Specification = c.SpecificationId is { } specificationId ? await db.Specifications.AsNoTracking().Where(s => s.Id == specificationId).Select(s => s.Title).SingleOrDefaultAsync(cancellationToken) : null;
        Tender = c.TenderId is { } tenderId ? await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId).Select(t => t.Reference + " " + t.Title).SingleOrDefaultAsync(cancellationToken) : null;
        var outcomeIds = c.Outcomes.Select(o => o.OutcomeId).ToList();
        Outcomes = (await db.Outcomes.AsNoTracking().Where(o => outcomeIds.Contains(o.Id)).Select(o => new { o.Id, o.Statement }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Statement)).ToList();
        Changes = await ContractChanges.LoadAsync(db, context, c, cancellationToken);
        Wards = await Placeshaper.Wards.ContractWards.OfAsync(db, c.Id, cancellationToken);
        TerminationDue = Delivery.PerformanceNotice.TerminationAssessmentDue(
            c, await db.Set<Delivery.PerformanceNotice>().AsNoTracking().Where(n => n.ContractId == c.Id).ToListAsync(cancellationToken), db.Clock.GetUtcNow().UtcDateTime.UkDate());
        return Page();
    }
}
