using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

/// <summary>What a programme review decides (issue 8, item 4).</summary>
public enum ReviewDecision
{
    /// <summary>Buy the service again: redesign the specification and go back to market.</summary>
    Recommission = 1,

    /// <summary>Change the delivery model (in-house, grant, partnership…): revisit the outcomes and appraise the options.</summary>
    ChangeModel = 2,

    /// <summary>Stop the service: the programme stays in review while it winds down, and is closed.</summary>
    Decommission = 3,

    /// <summary>Carry on: extend the contracts and keep managing delivery.</summary>
    Extend = 4,
}

/// <summary>
/// A programme's review: lessons learned and the decision that sends it back round the wheel (docs/programme-review.md).
/// The figures the review looked at (outcomes, contracts' performance, social value, residents' ratings, spend against
/// the pooled budget) are read live on the review page; the decision, lessons and the move it made are kept.
/// </summary>
public sealed class ProgrammeReview : IOrganisationOwned
{
    public const int MaxText = 4000;

    private ProgrammeReview()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public ReviewDecision Decision { get; private set; }

    public string Lessons { get; private set; } = "";

    public string Reason { get; private set; } = "";

    /// <summary>The stages the decision moved the programme to, stored like <see cref="Programme.ActiveStages"/>.</summary>
    public string ToStages { get; private set; } = "";

    public Guid? ByPersonId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime ReviewedAt { get; private set; }

    /// <summary>
    /// Where each decision sends the programme on the wheel. Recommissioning redesigns and goes back to market (the
    /// seeds' "design and specify" then "source providers"); changing the model revisits the outcomes and appraises the
    /// delivery options (options appraisals sit with design); extending keeps delivery going; decommissioning leaves
    /// the programme in review and learn, closed.
    /// </summary>
    public static IReadOnlyList<Stage> StagesFor(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Recommission => [Stage.DesignSpecification, Stage.SourceProviders],
        ReviewDecision.ChangeModel => [Stage.PriorityOutcomes, Stage.DesignSpecification],
        ReviewDecision.Decommission => [Stage.ReviewAndLearn],
        ReviewDecision.Extend => [Stage.ManageDelivery],
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    public static string Describe(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Recommission => "Recommission",
        ReviewDecision.ChangeModel => "Change the delivery model",
        ReviewDecision.Decommission => "Decommission",
        ReviewDecision.Extend => "Extend",
        _ => decision.ToString(),
    };

    public static Result<ProgrammeReview> Decide(Programme programme, ReviewDecision? decision, string? lessons, string? reason, Guid? byPersonId, string byName, DateTime now)
    {
        var errors = new Errors();
        if (decision is null || !Enum.IsDefined(decision.Value))
        {
            errors.Add("decision", "Choose the decision: recommission, change the delivery model, decommission or extend");
        }

        if (string.IsNullOrWhiteSpace(lessons) || lessons.Length > MaxText)
        {
            errors.Add("lessons", "Enter the lessons learned, up to 4,000 characters");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            errors.Add("reason", "Say why, for the record, up to 2,000 characters");
        }

        if (programme.ClosedAt is not null)
        {
            errors.Add("decision", "The programme was decommissioned and is closed");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new ProgrammeReview
        {
            Id = Guid.CreateVersion7(now),
            ProgrammeId = programme.Id,
            OrganisationId = programme.OrganisationId,
            Decision = decision!.Value,
            Lessons = lessons!.Trim(),
            Reason = reason!.Trim(),
            ToStages = Stages.ToStored(StagesFor(decision.Value)),
            ByPersonId = byPersonId,
            ByName = byName,
            ReviewedAt = now,
        };
    }
}

/// <summary>Records a programme's review and turns the wheel as its decision says, through <see cref="MoveProgramme"/>; audited.</summary>
public sealed class ReviewProgramme(PlaceshaperDb db, MoveProgramme move)
{
    public sealed record Command(ReviewDecision? Decision, string? Lessons, string? Reason);

    public async Task<Result<ProgrammeReview>> HandleAsync(Programme programme, Command command, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var review = ProgrammeReview.Decide(programme, command.Decision, command.Lessons, command.Reason, db.Scope.PersonId, db.Scope.ActorName, now);
        if (!review.Succeeded)
        {
            return review;
        }

        var decision = review.Value!.Decision;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.ProgrammeReviews.Add(review.Value);
        if (decision == ReviewDecision.Decommission)
        {
            programme.Close(now);
        }

        db.RecordDecision(new AuditDecision(programme.OrganisationId, "programme-reviewed", nameof(Programme), programme.Id.ToString(),
            After: System.Text.Json.JsonSerializer.Serialize(new { decision = decision.ToString(), reason = review.Value.Reason, stages = review.Value.ToStages })));
        var target = ProgrammeReview.StagesFor(decision);
        if (Stages.ToStored(target) != programme.ActiveStages)
        {
            var moved = await move.HandleAsync(programme, new MoveProgramme.Command(target.Select(s => s.ToString()).ToList(),
                $"Programme review: {ProgrammeReview.Describe(decision)}. {review.Value.Reason}"), cancellationToken);
            if (!moved.Succeeded)
            {
                return moved.Errors!;
            }
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return review.Value;
    }
}

internal sealed class ProgrammeReviewConfiguration : IEntityTypeConfiguration<ProgrammeReview>
{
    public void Configure(EntityTypeBuilder<ProgrammeReview> builder)
    {
        builder.ToTable("programme_reviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Lessons).HasMaxLength(ProgrammeReview.MaxText);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.ToStages).HasMaxLength(200);
        builder.Property(r => r.ByName).HasMaxLength(200);
        builder.HasIndex(r => r.ProgrammeId);
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
