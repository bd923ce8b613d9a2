using System.Security.Cryptography;
using System.Text;
using Placeshaper.Organisations;

namespace Placeshaper.Reviews;

public enum ReviewStatus
{
    /// <summary>Waiting for the reviewer to follow the link in the confirmation email; never shown.</summary>
    AwaitingConfirmation = 1,

    /// <summary>Confirmed, but something in it or around it needs a moderator's eye before anyone reads it.</summary>
    HeldForModeration = 2,

    Published = 3,

    /// <summary>Breaks the house rules; kept for the record with the moderator's reason, never shown.</summary>
    Rejected = 4,
}

/// <summary>The dimensions residents rate, each from 1 to 5 stars.</summary>
public sealed record ReviewRatings(int? Quality, int? Reliability, int? Respect, int? Value)
{
    public static readonly IReadOnlyList<(string Field, string Name, string Question)> Dimensions =
    [
        ("quality", "Quality", "How good was the care or service itself?"),
        ("reliability", "Reliability", "Did they turn up and do what they said, when they said?"),
        ("respect", "Respect", "Were you treated with dignity and listened to?"),
        ("value", "Value", "Was it good value for what you or the council paid?"),
    ];

    public IEnumerable<int?> All => [Quality, Reliability, Respect, Value];
}

/// <summary>
/// A resident's or service user's rating and review of a service a provider delivers: Essex Assist's "'tripadvisor'
/// style ratings" of care providers (Localis/LGiU, Commissioning for Better Public Services), so that people choosing
/// a service, for example those who fund their own care, can read what others found. A review is published only once
/// its writer confirms their email address, and only if it keeps the house rules. The address itself is never kept
/// beyond confirmation: only a one-way hash, to allow one review per person per service in six months.
/// </summary>
public sealed class Review : IOrganisationOwned
{
    public const int MaxComment = 2000;
    public const int MinComment = 20;
    public const int MaxDisplayName = 60;
    public const int MaxReply = 2000;
    public const int MaxNote = 1000;

    /// <summary>One review per person per service in this many months (issue 8).</summary>
    public const int MonthsBetweenReviews = 6;

    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private Review()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ProviderId { get; private set; }

    /// <summary>The contract the service is delivered under, when the reviewer chose one.</summary>
    public Guid? ContractId { get; private set; }

    public int Quality { get; private set; }

    public int Reliability { get; private set; }

    public int Respect { get; private set; }

    public int Value { get; private set; }

    public string Comment { get; private set; } = "";

    /// <summary>The name the reviewer chose to show, or "" for "a resident".</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>
    /// SHA-256 of the lower-cased address: enough to spot a second review by the same person. Unsalted, so never copied
    /// into the audit trail, and cleared once the review is older than the months between reviews (<see cref="ForgetReviewers"/>).
    /// </summary>
    public string EmailHash { get; private set; } = "";

    /// <summary>SHA-256 of the sender's network address, to spot a flood from one place; never shown, and cleared after a few days (<see cref="ForgetReviewers"/>).</summary>
    public string SenderHash { get; private set; } = "";

    public string ConfirmationTokenHash { get; private set; } = "";

    public ReviewStatus Status { get; private set; }

    /// <summary>Why it was held, as the moderator reads it: "a link", "personal data: a phone number", "many reviews of this provider today".</summary>
    public string HeldBecause { get; private set; } = "";

    public string ModerationNote { get; private set; } = "";

    public DateTime SubmittedAt { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public DateTime? ModeratedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public string Reply { get; private set; } = "";

    public DateTime? RepliedAt { get; private set; }

    /// <summary>The mean of the four dimensions: what the star distribution and the ranking use.</summary>
    public decimal Overall => (Quality + Reliability + Respect + Value) / 4m;

    public sealed record Input(Guid? ProviderId, Guid? ContractId, ReviewRatings? Ratings, string? Comment, string? DisplayName, string? Email, bool AcceptRules);

    /// <summary>Checks what the reviewer wrote; the caller checks the provider and service exist and the once-in-six-months rule.</summary>
    public static Errors Check(Input input)
    {
        var errors = new Errors();
        if (input.ProviderId is null)
        {
            errors.Add("providerId", "Choose the provider you are reviewing");
        }

        var ratings = input.Ratings ?? new ReviewRatings(null, null, null, null);
        foreach (var ((field, name, _), value) in ReviewRatings.Dimensions.Zip(ratings.All))
        {
            if (value is not (>= 1 and <= 5))
            {
                errors.Add(field, $"Rate {name.ToLowerInvariant()} from 1 to 5 stars");
            }
        }

        var comment = input.Comment?.Trim() ?? "";
        if (comment.Length < MinComment)
        {
            errors.Add("comment", $"Tell others about your experience in at least {MinComment} characters");
        }
        else if (comment.Length > MaxComment)
        {
            errors.Add("comment", $"Keep your review to {MaxComment:N0} characters or fewer");
        }

        if ((input.DisplayName?.Trim().Length ?? 0) > MaxDisplayName)
        {
            errors.Add("displayName", $"Keep the name to {MaxDisplayName} characters or fewer");
        }

        if (!Emails.IsValid(input.Email?.Trim() ?? ""))
        {
            errors.Add("email", "Enter your email address, like name@example.com, so we can check the review is yours");
        }

        if (!input.AcceptRules)
        {
            errors.Add("acceptRules", "Confirm that your review keeps the house rules");
        }

        return errors;
    }

    /// <summary>Makes a review waiting for confirmation, and the secret for its link (only its hash is kept).</summary>
    public static (Review Review, string Token) Submit(Guid organisationId, Input input, string senderAddress, DateTime now)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var review = new Review
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            ProviderId = input.ProviderId!.Value,
            ContractId = input.ContractId,
            Quality = input.Ratings!.Quality!.Value,
            Reliability = input.Ratings.Reliability!.Value,
            Respect = input.Ratings.Respect!.Value,
            Value = input.Ratings.Value!.Value,
            Comment = input.Comment!.Trim(),
            DisplayName = input.DisplayName?.Trim() ?? "",
            EmailHash = HashEmail(input.Email!),
            SenderHash = Hash(senderAddress),
            ConfirmationTokenHash = Hash(token),
            Status = ReviewStatus.AwaitingConfirmation,
            SubmittedAt = now,
        };
        return (review, token);
    }

    public static string HashEmail(string email) => Hash(email.Trim().ToLowerInvariant());

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// The reviewer followed the link: the review is published, or held for a moderator with the reasons given.
    /// Following the link twice changes nothing.
    /// </summary>
    public Result<Review> Confirm(IReadOnlyList<string> holdReasons, DateTime now)
    {
        if (Status != ReviewStatus.AwaitingConfirmation)
        {
            return this;
        }

        if (now - SubmittedAt > ConfirmationLifetime)
        {
            return Errors.For("token", "This link has expired. Please write your review again.");
        }

        ConfirmedAt = now;
        if (holdReasons.Count > 0)
        {
            (Status, HeldBecause) = (ReviewStatus.HeldForModeration, string.Join("; ", holdReasons));
        }
        else
        {
            (Status, PublishedAt) = (ReviewStatus.Published, now);
        }

        return this;
    }

    /// <summary>A moderator publishes a held review, or rejects a held or published one naming the house rule it breaks.</summary>
    public Result<Review> Moderate(bool publish, string? note, DateTime now)
    {
        if (Status is ReviewStatus.AwaitingConfirmation or ReviewStatus.Rejected || (publish && Status == ReviewStatus.Published))
        {
            return Errors.For("decision", Status == ReviewStatus.AwaitingConfirmation
                ? "The reviewer has not confirmed this review yet"
                : "This review has already been moderated");
        }

        if (!publish && string.IsNullOrWhiteSpace(note))
        {
            return Errors.For("note", "Say which house rule the review breaks, for the record");
        }

        if (note?.Trim().Length > MaxNote)
        {
            return Errors.For("note", $"Keep the note to {MaxNote:N0} characters or fewer");
        }

        (Status, ModerationNote, ModeratedAt) = (publish ? ReviewStatus.Published : ReviewStatus.Rejected, note?.Trim() ?? "", now);
        PublishedAt = publish ? now : null;
        return this;
    }

    /// <summary>The provider's right of reply, shown under the review; a second reply replaces the first.</summary>
    public Result<Review> ReplyAsProvider(Guid providerId, string? reply, DateTime now)
    {
        if (providerId != ProviderId)
        {
            return Errors.For("reply", "Only the provider reviewed can reply");
        }

        if (Status != ReviewStatus.Published)
        {
            return Errors.For("reply", "You can reply once the review is published");
        }

        var text = reply?.Trim() ?? "";
        if (text.Length is 0 or > MaxReply)
        {
            return Errors.For("reply", $"Write your reply, up to {MaxReply:N0} characters");
        }

        (Reply, RepliedAt) = (text, now);
        return this;
    }
}
