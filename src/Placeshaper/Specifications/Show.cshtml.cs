using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Specifications;

public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db, AgreeSpecification agree) : SpecificationPage(context, db)
{
    public sealed record TenderChoice(Guid Id, string Reference, string Title, bool IsDraft, Guid? SpecificationId);

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The programme's tenders: those linked to this specification, and those that could be.</summary>
    public IReadOnlyList<TenderChoice> Tenders { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> MeasureNames { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public Guid? TenderId { get; set; }

    [BindProperty]
    public bool CopyLots { get; set; }

    public bool CanUse => Context.Current.HasAny(TendersApi.Buyers) && Specification.IsAgreed;

    public async Task<IActionResult> OnGetAsync(Guid specificationId, CancellationToken cancellationToken) =>
        await ShowAsync(specificationId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(Guid specificationId, string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(specificationId, cancellationToken))
        {
            return NotFound();
        }

        return new Exports.Table(
            "specification-kpis",
            ["number", "definition", "unit", "better", "target", "minimum_acceptable", "frequency", "data_source"],
            Specification.Kpis.OrderBy(k => k.Number).Select(k => (IReadOnlyList<object?>)
                [k.Number, k.Definition, k.Unit, k.Polarity == Polarity.HigherIsBetter ? "higher" : "lower", k.Target, k.Minimum, k.Frequency.ToString().ToLowerInvariant(), k.DataSource]).ToList())
            .ToFile(format);
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(specificationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await agree.HandleAsync(Specification, cancellationToken) is { } errors)
        {
            AddErrors(errors, _ => "agree");
            await ShowAsync(specificationId, cancellationToken);
            return Page();
        }

        return Redirect(Home);
    }

    /// <summary>Links a tender of the programme to this agreed specification and, while the tender is a draft, copies the lots into it.</summary>
    public async Task<IActionResult> OnPostUseAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(specificationId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanUse)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var tender = TenderId is { } id && Tenders.Any(t => t.Id == id) ? await TenderQueries.FindAsync(Db, Context.Id, id, cancellationToken) : null;
        if (tender is null)
        {
            AddError("tenderId", "Choose one of the programme's tenders");
            return Page();
        }

        var errors = tender.UseSpecification(Specification);
        if (errors is null && CopyLots)
        {
            errors = tender.SetLots(Specification.LotValues(tender.EstimatedValue).Select(l => ((string?)l.Title, (decimal?)l.Value)).ToList(), Specification.NoLotsReason, tender.SuitableForSme, tender.SuitableForVcse, Now);
        }

        if (errors is not null)
        {
            AddErrors(errors, _ => "tenderId");
            return Page();
        }

        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{Slug}/tenders/{tender.Id}");
    }

    public static string Figure(decimal value) => value.ToString("#,##0.####", CultureInfo.GetCultureInfo("en-GB"));

    private async Task<bool> ShowAsync(Guid specificationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(specificationId, cancellationToken))
        {
            return false;
        }

        Warnings = Specification.Warnings(await SpecificationQueries.TenderValueAsync(Db, Context.Id, Specification.ProgrammeId, cancellationToken));
        Tenders = await Db.Tenders.AsNoTracking().Where(t => t.ProgrammeId == Specification.ProgrammeId && t.Status != TenderStatus.Cancelled)
            .OrderBy(t => t.Reference).Select(t => new TenderChoice(t.Id, t.Reference, t.Title, t.Status == TenderStatus.Draft, t.SpecificationId)).ToListAsync(cancellationToken);
        var measures = Specification.Kpis.Where(k => k.MeasureId is not null).Select(k => k.MeasureId!.Value).ToList();
        MeasureNames = await Db.OutcomeMeasures.AsNoTracking().Where(m => measures.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return true;
    }
}
