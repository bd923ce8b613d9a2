using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Shared;
using Placeshaper.Tenders;

namespace Placeshaper.Bids;

public static class BidProblems
{
    public static ProblemHttpResult Sealed(Tender tender) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Bids are sealed",
        detail: tender.SubmissionDeadline is { } deadline
            ? $"Nobody can read a bid before the deadline, {deadline.ToLocalUkTime()}. This attempt has been recorded in the audit trail."
            : "Nobody can read a bid before the deadline. This attempt has been recorded in the audit trail.");

    public static ProblemHttpResult NotDeclared() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Declare any conflict of interest first",
        detail: "Nobody reads bids before declaring whether they have a conflict of interest with any bidder (POST …/evaluation/declaration).");

    public static ProblemHttpResult NotOpened() => Api.Problems.Conflict("The deadline has passed but the bids have not been opened yet: open them first (POST …/bids/open), which is recorded.");
}
