using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Market;

/// <summary>How the market was engaged: an event, a survey, one-to-one conversations or a written request for views.</summary>
public enum EngagementFormat
{
    Event = 1,
    Webinar = 2,
    Survey = 3,
    OneToOne = 4,
    RequestForInformation = 5,
}

/// <summary>
/// Early engagement with providers before anything is tendered ("Commission Impossible?": talk to the market, small
/// and voluntary providers included, while the service can still be shaped). Procurement Act 2023 s.16 allows it, and
/// asks that it does not give anyone an unfair advantage, so what was learned is recorded and can be shared.
/// </summary>
public sealed class EngagementEvent : IOrganisationOwned
{
    private EngagementEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Title { get; private set; } = "";

    public EngagementFormat Format { get; private set; }

    public int Providers { get; private set; }

    public int SmallOrVoluntaryProviders { get; private set; }

    /// <summary>What providers told us, and what the council will do about it.</summary>
    public string Summary { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public static Result<EngagementEvent> Record(Programme programme, DateOnly? heldOn, string? title, EngagementFormat? format, int? providers, int? smallOrVoluntary, string? summary, DateTime now)
    {
        var errors = new Errors();
        if (heldOn is null)
        {
            errors.Add("heldOn", "Enter when it took place");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            errors.Add("title", "Enter a title, up to 300 characters");
        }

        if (format is null || !Enum.IsDefined(format.Value))
        {
            errors.Add("format", "Choose how providers were engaged");
        }

        if (providers is not { } count || count < 0 || count > 100_000)
        {
            errors.Add("providers", "Enter how many providers took part, 0 or more");
        }

        if (smallOrVoluntary is not { } small || small < 0)
        {
            errors.Add("smallOrVoluntaryProviders", "Enter how many of them were small businesses or voluntary organisations, 0 or more");
        }
        else if (providers is { } all && small > all)
        {
            errors.Add("smallOrVoluntaryProviders", "Small and voluntary providers cannot outnumber all the providers who took part");
        }

        if (string.IsNullOrWhiteSpace(summary) || summary.Length > 8000)
        {
            errors.Add("summary", "Say what providers told you and what you will do about it, up to 8,000 characters");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new EngagementEvent
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = programme.OrganisationId,
            ProgrammeId = programme.Id,
            HeldOn = heldOn!.Value,
            Title = title!.Trim(),
            Format = format!.Value,
            Providers = providers!.Value,
            SmallOrVoluntaryProviders = smallOrVoluntary!.Value,
            Summary = summary!.Trim(),
            RecordedAt = now,
        };
    }
}

public enum ChallengeStatus
{
    Received = 1,
    Accepted = 2,
    AcceptedWithModifications = 3,
    Rejected = 4,
}

/// <summary>
/// An expression of interest under the community right to challenge (Localism Act 2011, Part 5, Chapter 2): a
/// voluntary or community body, charity, parish council or group of staff offers to run a service. The council
/// accepts it (which starts a procurement), accepts it with modifications, or rejects it with its reasons.
/// </summary>
public sealed class RightToChallenge : IOrganisationOwned
{
    private RightToChallenge()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Challenger { get; private set; } = "";

    public string Service { get; private set; } = "";

    public DateOnly ReceivedOn { get; private set; }

    public ChallengeStatus Status { get; private set; } = ChallengeStatus.Received;

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>Why it was accepted, modified or rejected: what the challenger is told.</summary>
    public string Reasons { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public static Result<RightToChallenge> Receive(Programme programme, string? challenger, string? service, DateOnly? receivedOn, DateTime now)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(challenger) || challenger.Trim().Length > 300)
        {
            errors.Add("challenger", "Enter who expressed the interest, up to 300 characters");
        }

        if (string.IsNullOrWhiteSpace(service) || service.Trim().Length > 1000)
        {
            errors.Add("service", "Enter the service they want to run, up to 1,000 characters");
        }

        if (receivedOn is null)
        {
            errors.Add("receivedOn", "Enter when the expression of interest was received");
        }
        else if (receivedOn > DateOnly.FromDateTime(now))
        {
            errors.Add("receivedOn", "The date received cannot be in the future");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new RightToChallenge
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = programme.OrganisationId,
            ProgrammeId = programme.Id,
            Challenger = challenger!.Trim(),
            Service = service!.Trim(),
            ReceivedOn = receivedOn!.Value,
            RecordedAt = now,
        };
    }

    public Errors? Decide(ChallengeStatus? outcome, DateOnly? decidedOn, string? reasons)
    {
        var errors = new Errors();
        if (Status != ChallengeStatus.Received)
        {
            return Errors.For("outcome", "This expression of interest has already been decided");
        }

        if (outcome is null or ChallengeStatus.Received || !Enum.IsDefined(outcome.Value))
        {
            errors.Add("outcome", "Choose accepted, accepted with modifications or rejected");
        }

        if (decidedOn is null)
        {
            errors.Add("decidedOn", "Enter the date of the decision");
        }
        else if (decidedOn < ReceivedOn)
        {
            errors.Add("decidedOn", "The decision cannot come before the expression of interest was received");
        }

        if (string.IsNullOrWhiteSpace(reasons) || reasons.Length > 4000)
        {
            errors.Add("reasons", "Give the reasons the challenger will be told, up to 4,000 characters");
        }

        if (errors.Any)
        {
            return errors;
        }

        Status = outcome!.Value;
        DecidedOn = decidedOn;
        Reasons = reasons!.Trim();
        return null;
    }
}
