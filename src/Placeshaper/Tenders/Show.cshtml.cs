using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Tenders;

public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db, Timetable.TimetableCheck timetable) : TenderPage(context, db)
{
    /// <summary>The timetable against the minimum periods loaded (s.54): warnings, not errors.</summary>
    public IReadOnlyList<string> TimetableWarnings { get; private set; } = [];

    [BindProperty]
    public string? Route { get; set; }

    [BindProperty]
    public string? RouteReason { get; set; }

    public ProcedureAdvice Advice => Tender.Advice(ProcurementThresholds.Official, DateOnly.FromDateTime(Tender.PublishedAt ?? Now));

    /// <summary>How many live bids are in: the one thing about bids anyone may know before the deadline.</summary>
    public int BidsReceived { get; private set; }

    /// <summary>Bidders' questions not yet answered or declined.</summary>
    public int ClarificationsAwaiting { get; private set; }

    /// <summary>The agreed specification the tender buys against, if it is linked to one.</summary>
    public Specifications.LinkedSpecification? Specification { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        Route = Tender.Route.ToString();
        RouteReason = Tender.RouteReason;
        BidsReceived = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Db.Bids, b => b.TenderId == Tender.Id && b.Status == Bids.BidStatus.Submitted, cancellationToken);
        TimetableWarnings = await timetable.WarningsAsync(Tender, Now, cancellationToken);
        ClarificationsAwaiting = await Clarifications.ClarificationQueries.AwaitingAsync(Db, Tender.Id, cancellationToken);
        Specification = await Specifications.LinkedSpecification.LoadAsync(Db, Slug, Tender.OrganisationId, Tender.SpecificationId, cancellationToken);
        return Page();
    }

    /// <summary>The award criteria as bidders will see them: each question, its part, weight and score descriptors.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid tenderId, string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        var part = (QuestionKind kind) => kind == QuestionKind.Quality ? ("quality", Tender.QualityWeight) : ("social value", Tender.SocialValueWeight);
        return new Exports.Table($"{Tender.Reference} award criteria",
            ["part", "part_weight", "question", "question_weight", "score_0", "score_1", "score_2", "score_3", "score_4", "score_5"],
            Tender.Questions.OrderBy(q => q.Order).Select(q => (IReadOnlyList<object?>)[part(q.Kind).Item1, part(q.Kind).Item2, q.Text, q.Weight, .. q.DescriptorList]).ToList()).ToFile(format);
    }

    public async Task<IActionResult> OnPostRouteAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Tenders.Route? route = Enum.TryParse<Tenders.Route>(Route, out var r) && Enum.IsDefined(r) ? r : null;
        return await SaveOrShowAsync(Tender.ChooseRoute(route, RouteReason, ProcurementThresholds.Official, DateOnly.FromDateTime(Now)), Home + "#route-to-market", cancellationToken,
            f => f == "tender" ? "route" : f);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseChangeAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Route = Tender.Route.ToString();
        return await SaveOrShowAsync(PublishTender.Apply(Db, Tender), Home, cancellationToken, f => f == "route" ? "route" : "publish");
    }
}
