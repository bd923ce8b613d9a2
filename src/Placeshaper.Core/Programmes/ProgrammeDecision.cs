using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

/// <summary>An entry in a programme's decisions log: what was decided, when, by whom, and where the papers are.</summary>
public sealed class ProgrammeDecision : IOrganisationOwned
{
    private ProgrammeDecision()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Who took the decision, e.g. "Cabinet", "Health and Wellbeing Board", "Director of Adult Social Care".</summary>
    public string DecisionMakers { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>Link to the committee papers or report, when published.</summary>
    public string? PapersUrl { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>The rules a decision's record must meet, shared with decisions taken elsewhere (an options appraisal).</summary>
    public static Errors? Check(
        DateOnly? decidedOn, string? title, string? decisionMakers, string? summary, string? papersUrl, DateTime now)
    {
        var errors = new Errors();
        if (decidedOn is null)
        {
            errors.Add("decidedOn", "Enter the date of the decision");
        }
        // "Today" in the UK, which runs up to an hour ahead of UTC in summer.
        else if (decidedOn > DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))))
        {
            errors.Add("decidedOn", "The date of the decision must be today or in the past");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 300)
        {
            errors.Add("title", "Enter what was decided, up to 300 characters");
        }

        if (string.IsNullOrWhiteSpace(decisionMakers) || decisionMakers.Length > 300)
        {
            errors.Add("decisionMakers", "Enter who took the decision, up to 300 characters");
        }

        if (summary?.Length > 4000)
        {
            errors.Add("summary", "The summary can be up to 4,000 characters");
        }

        if (!string.IsNullOrWhiteSpace(papersUrl)
            && (!Uri.TryCreate(papersUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("papersUrl", "Enter the papers' web address, starting https://");
        }

        return errors.Any ? errors : null;
    }

    public static Result<ProgrammeDecision> Record(
        Programme programme, DateOnly? decidedOn, string? title, string? decisionMakers, string? summary, string? papersUrl, DateTime now)
    {
        if (Check(decidedOn, title, decisionMakers, summary, papersUrl, now) is { } errors)
        {
            return errors;
        }

        return new ProgrammeDecision
        {
            Id = Guid.CreateVersion7(now),
            ProgrammeId = programme.Id,
            OrganisationId = programme.OrganisationId,
            DecidedOn = decidedOn!.Value,
            Title = title!.Trim(),
            DecisionMakers = decisionMakers!.Trim(),
            Summary = summary?.Trim() ?? "",
            PapersUrl = string.IsNullOrWhiteSpace(papersUrl) ? null : papersUrl.Trim(),
            RecordedAt = now,
        };
    }
}
