using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Audit;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// Where a tender's evaluation stands: declarations, the panel and its progress, every score once all have
/// submitted, and the moderated ranking with its working.
/// </summary>
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, SealedBids sealedBids, DecideAward decide) : TenderPage(context, db)
{
    public BidEvaluation? Evaluation { get; private set; }

    public IReadOnlyList<Guid> LiveBids { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Bidders { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<(Guid Id, string Name)> Appointable { get; private set; } = [];

    public IReadOnlyList<EvaluationResults.Lot>? Results { get; private set; }

    public IReadOnlyList<AwardDecision> Awards { get; private set; } = [];

    /// <summary>The bidders' financial standing checks, by bid.</summary>
    public IReadOnlyDictionary<Guid, SupplierCheck> Checks { get; private set; } = new Dictionary<Guid, SupplierCheck>();

    public DateOnly Today => Common.UkTime.UkDate(Now);

    [BindProperty]
    public string? AbnormallyLowExplanation { get; set; }

    public Guid Me => viewer.PersonId!.Value;

    public bool IsReader => Viewing.HasAny(BidsApi.Readers);

    public bool IsBuyer => Viewing.HasAny(TendersApi.Buyers);

    public bool ClearToRead => Evaluation?.IsClearToRead(Me) == true && IsReader;

    [BindProperty]
    public string? Conflict { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public Guid? PersonId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken) => await ShowAsync(tenderId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostDeclareAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!IsReader || Evaluation is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        bool? conflict = Conflict switch { "yes" => true, "no" => false, _ => null };
        if (Evaluation.Declare(Me, conflict, Details, Now) is { } errors)
        {
            AddErrors(errors);
            return Page();
        }

        Db.RecordDecision(new AuditDecision(Tender.OrganisationId, "conflict-declared", nameof(Tender), Tender.Id.ToString(), After: JsonSerializer.Serialize(new { person = Me, conflict })));
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"{Home}/evaluation");
    }

    public async Task<IActionResult> OnPostAppointAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!IsBuyer || Evaluation is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var errors = PersonId is { } person && Appointable.Any(p => p.Id == person)
            ? Evaluation.Appoint(person, Now)
            : Common.Errors.For("personId", "Choose who to appoint");
        if (errors is not null)
        {
            AddErrors(errors);
            return Page();
        }

        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"{Home}/evaluation#panel");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Evaluation?.Submit(Me, LiveBids, Tender, Now) is { } errors)
        {
            AddErrors(errors, field => field == "panel" ? "submit" : "submit");
            return Page();
        }

        Db.RecordDecision(new AuditDecision(Tender.OrganisationId, "scores-submitted", nameof(Tender), Tender.Id.ToString(), After: JsonSerializer.Serialize(new { person = Me })));
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"{Home}/evaluation");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid tenderId, Guid? lotId, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!IsBuyer || Evaluation is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await decide.DecideAsync(Tender, Evaluation, lotId, AbnormallyLowExplanation, Me, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            AddError("award", refusal);
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, field => field == "abnormallyLowExplanation" ? $"explanation-{lotId?.ToString() ?? "whole"}" : "award");
        }

        return HasErrors ? Page() : Redirect($"{Home}/evaluation#award");
    }

    public async Task<IActionResult> OnPostAwardAsync(Guid tenderId, Guid decisionId, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!IsBuyer || Awards.FirstOrDefault(a => a.Id == decisionId) is not { } decision)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var tracked = await Db.AwardDecisions.FindAsync([decision.Id], cancellationToken);
        if (await decide.AwardAsync(tracked!, Me, cancellationToken) is { } errors)
        {
            AddErrors(errors);
            return Page();
        }

        return Redirect($"{Home}/evaluation#award");
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid tenderId, string format, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Results is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var rows = Results.SelectMany(l => l.Bids.Select(b => (IReadOnlyList<object?>)
            [l.Name, b.Score.Rank, b.Bidder, b.Score.Price, R(b.Score.PriceScore), R(b.Score.QualityScore), R(b.Score.SocialValueScore), R(b.Score.Total), b.Score.AbnormallyLow ? "yes" : "no"])).ToList();
        return new Exports.Table($"{Tender.Reference}-evaluation", ["lot", "rank", "bidder", "price_gbp_incl_vat", "price_score", "quality_score", "social_value_score", "total", "abnormally_low"], rows).ToFile(format);
    }

    private static decimal R(decimal score) => Calculators.Rounding.ToTwoPlaces(score);

    private async Task<IActionResult?> ShowAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        Evaluation = await EvaluationQueries.FindOrStartAsync(Db, Tender, cancellationToken);
        if (Evaluation is null)
        {
            return null;
        }

        LiveBids = await EvaluationQueries.LiveBidsAsync(Db, Tender.Id, cancellationToken);
        Awards = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(Db.AwardDecisions.Where(a => a.TenderId == Tender.Id)), cancellationToken);
        var providers = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            Db.Bids.Where(b => LiveBids.Contains(b.Id)), b => b.Id, b => b.ProviderId, cancellationToken);
        var names = await BidViews.BiddersAsync(Db, providers.Values, cancellationToken);
        Bidders = providers.ToDictionary(p => p.Key, p => names.GetValueOrDefault(p.Value, ""));
        People = await EvaluationQueries.NamesAsync(Db, Evaluation.Panel.Select(m => m.PersonId).Concat(Evaluation.Declarations.Select(d => d.PersonId)), cancellationToken);
        Appointable = (await EvaluationPeople.ListAsync(Db, Tender.OrganisationId, cancellationToken)).Where(p => Evaluation.Panel.All(m => m.PersonId != p.Id)).ToList();
        if (ClearToRead && Evaluation.IsModerated(LiveBids, Tender))
        {
            var (_, opened) = await sealedBids.ReadAllAsync(Tender, Me, cancellationToken);
            Checks = await EvaluationQueries.ChecksAsync(Db, Tender.Id, cancellationToken);
            var ranked = EvaluationResults.For(Tender, Evaluation, opened.Select(o => EvaluationQueries.Entry(o, Bidders.GetValueOrDefault(o.Bid.Id, ""))).ToList(),
                EvaluationQueries.Excluded(Checks));
            Results = ranked.Succeeded ? ranked.Value : null;
        }

        return null;
    }
}
