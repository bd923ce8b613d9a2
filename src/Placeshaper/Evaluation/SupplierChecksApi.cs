using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// Proportionate supplier checks of a tender's bidders: financial standing against the annual value of what each bid
/// for, with the consortium, guarantee and recorded-reason routes. The bidder about to win needs a passing check
/// before the award decision; a bidder that does not meet it is left out of the ranking.
/// </summary>
public static class SupplierChecksApi
{
    public sealed record CheckRequest(decimal? AnnualValue, decimal? Turnover, string? GuarantorName, decimal? GuarantorTurnover, string? OverrideReason, decimal? TurnoverMultiple);

    public sealed record CheckView(
        Guid BidId, string Bidder, FinancialStanding.Outcome Outcome, bool Passes, bool Excluded, decimal AnnualValue, string AnnualValueBasis, decimal TurnoverMultiple,
        decimal Required, decimal? Turnover, IReadOnlyList<SupplierCheck.Member> Members, string GuarantorName, decimal? GuarantorTurnover, string OverrideReason,
        string Explanation, string CheckedBy, DateTime CheckedAt);

    /// <summary>What a check of one bidder starts from: the suggested annual value and what the register holds.</summary>
    public sealed record StartingPoint(Guid BidId, string Bidder, decimal SuggestedAnnualValue, string AnnualValueBasis, decimal? RegisterTurnover, IReadOnlyList<SupplierCheck.Member> Members, CheckView? Check);

    public static void Map(RouteGroupBuilder evaluation)
    {
        var checks = evaluation.MapGroup("/supplier-checks").WithMetadata(new RequiresRoleAttribute(TendersApi.Buyers));
        checks.MapGet("/", ListAsync).WithName("ListSupplierChecks").WithSummary("The financial standing checks recorded for the tender's bidders");
        checks.MapGet("/{bidId:guid}", StartingPointAsync).WithName("GetSupplierCheck")
            .WithSummary("One bidder's check, with the suggested annual value and the register's turnover it starts from").ProducesProblem(StatusCodes.Status409Conflict);
        checks.MapPut("/{bidId:guid}", RecordAsync).WithName("RecordSupplierCheck")
            .WithSummary("Check one bidder's financial standing: turnover at least twice the annual value, or as a consortium, with a guarantee, or accepted with a recorded reason")
            .WithDescription("Blank annualValue and turnover take the suggested annual value (the estimated value of what the bid priced over the initial term) and the provider register's turnover. A check that does not meet the threshold leaves the bid out of the ranking; the winning bid needs a passing check before the award decision. Refused (409) once an award decision has been taken.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<List<CheckView>>, ProblemHttpResult>> ListAsync(Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is null)
        {
            return Problems.NotFound("Tender");
        }

        var checks = await db.SupplierChecks.AsNoTracking().Where(c => c.TenderId == tenderId).OrderBy(c => c.CheckedAt).ToListAsync(cancellationToken);
        var views = await ViewsAsync(db, checks, cancellationToken);
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<StartingPoint>, ProblemHttpResult>> StartingPointAsync(
        Guid tenderId, Guid bidId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CheckSuppliers checkSuppliers, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var (prepared, read) = await checkSuppliers.PrepareAsync(tender, bidId, viewer.PersonId!.Value, cancellationToken);
        if (prepared is null)
        {
            return Refused(tender, read);
        }

        var check = prepared.Current is { } current ? (await ViewsAsync(db, [current], cancellationToken))[0] : null;
        return TypedResults.Ok(new StartingPoint(prepared.Bid.Id, prepared.Bidder, prepared.Known.AnnualValue.Value, prepared.Known.AnnualValue.Basis,
            prepared.Known.RegisterTurnover, prepared.Known.Members, check));
    }

    private static async Task<Results<Ok<CheckView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid tenderId, Guid bidId, CheckRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CheckSuppliers checkSuppliers, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var outcome = await checkSuppliers.RecordAsync(tender, bidId,
            new SupplierCheck.Figures(request.AnnualValue, request.Turnover, request.GuarantorName, request.GuarantorTurnover, request.OverrideReason, request.TurnoverMultiple),
            viewer.PersonId!.Value, cancellationToken);
        return outcome switch
        {
            { NotFound: true } => Problems.NotFound("Bid"),
            { Read: not SealedRead.Allowed } => Refused(tender, outcome.Read),
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Ok((await ViewsAsync(db, [outcome.Check!], cancellationToken))[0]),
        };
    }

    private static ProblemHttpResult Refused(Tender tender, SealedRead read) => read switch
    {
        SealedRead.Allowed => Problems.NotFound("Bid"),
        SealedRead.TooEarly => BidProblems.Sealed(tender),
        _ => Problems.Conflict(CheckSuppliers.Refusal(read)),
    };

    private static async Task<List<CheckView>> ViewsAsync(PlaceshaperDb db, IReadOnlyList<SupplierCheck> checks, CancellationToken cancellationToken)
    {
        var bidders = await BidViews.BiddersAsync(db, checks.Select(c => c.ProviderId), cancellationToken);
        var people = await EvaluationQueries.NamesAsync(db, checks.Select(c => c.CheckedBy), cancellationToken);
        return checks.Select(c => new CheckView(
            c.BidId, bidders.GetValueOrDefault(c.ProviderId, ""), c.Outcome, c.Passes, c.Excludes, c.AnnualValue, c.AnnualValueBasis, c.TurnoverMultiple, c.Required,
            c.Turnover, c.Members, c.GuarantorName, c.GuarantorTurnover, c.OverrideReason, c.Explanation, people.GetValueOrDefault(c.CheckedBy, ""), c.CheckedAt)).ToList();
    }
}
