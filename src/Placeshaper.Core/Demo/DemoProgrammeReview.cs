using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Demo;

/// <summary>A demo programme that went all the way round the wheel and was reviewed: the review decided to recommission it.</summary>
internal static class DemoProgrammeReview
{
    public const string Name = "Positive activities for young people";

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, (Guid Id, string Name) chris, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Programmes.IgnoreQueryFilters().AnyAsync(p => p.OrganisationId == anytown.Id && p.Name == Name, cancellationToken))
        {
            return;
        }

        var (programme, first) = Programme.Start(anytown.Id, Name,
            "Youth clubs, detached youth work and holiday activities in the wards with the fewest places for young people to go, run by voluntary groups under a three-year grant agreement.",
            [], chris.Id, chris.Name, now.AddDays(-1100)).Value;
        db.Programmes.Add(programme);
        db.StageChanges.Add(first);
        (Stage[] Stages, string Reason, int DaysAgo)[] turns =
        [
            ([Stage.PriorityOutcomes], "Young people's survey and youth council workshops set the priorities.", 1000),
            ([Stage.DesignSpecification, Stage.SourceProviders], "Grant prospectus agreed; applications open to voluntary groups.", 900),
            ([Stage.ManageDelivery], "Grant agreements signed with four groups.", 800),
            ([Stage.ManageDelivery, Stage.ReviewAndLearn], "Final year of the grants: the review begins with young people's evaluation.", 120),
        ];
        foreach (var (stages, reason, days) in turns)
        {
            db.StageChanges.Add(programme.MoveTo(stages, reason, chris.Id, chris.Name, now.AddDays(-days)).Value!);
        }

        var review = ProgrammeReview.Decide(programme, ReviewDecision.Recommission,
            "Attendance held up where groups had their own buildings; detached work reached the young people clubs did not. Three-year grants were too short for groups to recruit and keep youth workers.",
            "Outcomes were mostly met and young people rated the clubs well, but provision was patchy across wards. Recommission as a five-year contract in lots by area.",
            chris.Id, chris.Name, now.AddDays(-30)).Value!;
        db.ProgrammeReviews.Add(review);
        db.StageChanges.Add(programme.MoveTo(ProgrammeReview.StagesFor(ReviewDecision.Recommission), $"Programme review: {ProgrammeReview.Describe(ReviewDecision.Recommission)}. {review.Reason}",
            chris.Id, chris.Name, now.AddDays(-30)).Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
