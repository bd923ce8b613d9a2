using Placeshaper.Organisations;

namespace Placeshaper.Needs;

/// <summary>
/// A needs assessment for one topic (a JSNA chapter, say): the narrative, the indicators it rests on, links to wider
/// evidence, and the date by which it must be reviewed.
/// </summary>
public sealed class NeedsAssessment : IOrganisationOwned
{
    private NeedsAssessment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Topic { get; private set; } = "";

    public string Narrative { get; private set; } = "";

    /// <summary>Codes of the indicators it draws on, comma-separated.</summary>
    public string IndicatorCodes { get; private set; } = "";

    /// <summary>Links to evidence elsewhere (reports, surveys), one per line.</summary>
    public string EvidenceLinks { get; private set; } = "";

    public DateOnly ReviewBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When it was archived, if it has been: it leaves the current list but is kept, with <see cref="ArchivedReason"/>.</summary>
    public DateTime? ArchivedAt { get; private set; }

    public string? ArchivedReason { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    public IReadOnlyList<string> Indicators => IndicatorCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> Links => EvidenceLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsDueForReview(DateOnly today) => ReviewBy <= today;

    public static Result<NeedsAssessment> Write(
        Guid organisationId, string? topic, string? narrative, IReadOnlyCollection<string> indicatorCodes, IReadOnlyCollection<string> knownIndicators, string? links, DateOnly? reviewBy, DateTime now)
    {
        var assessment = new NeedsAssessment { Id = Guid.CreateVersion7(now), OrganisationId = organisationId };
        var written = assessment.Apply(topic, narrative, indicatorCodes, knownIndicators, links, reviewBy, now);
        return written is null ? assessment : written;
    }

    /// <summary>Rewrites the topic, narrative, indicators, evidence links and review date, by the rules of <see cref="Write"/>.</summary>
    public Result<NeedsAssessment> Revise(
        string? topic, string? narrative, IReadOnlyCollection<string> indicatorCodes, IReadOnlyCollection<string> knownIndicators, string? links, DateOnly? reviewBy, DateTime now)
    {
        if (IsArchived)
        {
            return Errors.For("narrative", "An archived needs assessment cannot be changed");
        }

        var errors = Apply(topic, narrative, indicatorCodes, knownIndicators, links, reviewBy, now);
        return errors is null ? this : errors;
    }

    /// <summary>Takes the assessment out of the current list, keeping it and the reason.</summary>
    public Result<NeedsAssessment> Archive(string? reason, DateTime now)
    {
        if (IsArchived)
        {
            return Errors.For("reason", "This needs assessment is already archived");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            return Errors.For("reason", "Say why the needs assessment is being archived, up to 500 characters");
        }

        (ArchivedAt, ArchivedReason, UpdatedAt) = (now, reason.Trim(), now);
        return this;
    }

    private Errors? Apply(
        string? topic, string? narrative, IReadOnlyCollection<string> indicatorCodes, IReadOnlyCollection<string> knownIndicators, string? links, DateOnly? reviewBy, DateTime now)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(topic) || topic.Trim().Length > 200)
        {
            errors.Add("topic", "Enter the topic, up to 200 characters");
        }

        if (string.IsNullOrWhiteSpace(narrative) || narrative.Trim().Length > 20_000)
        {
            errors.Add("narrative", "Write what the evidence says, up to 20,000 characters");
        }

        var unknown = indicatorCodes.Where(c => !knownIndicators.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("indicators", "There is no indicator " + string.Join(", ", unknown));
        }

        var linkList = (links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (linkList.Any(l => !Uri.TryCreate(l, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("evidenceLinks", "Put one web address per line, each starting https://");
        }
        else if (string.Join("\n", linkList).Length > 20_000)
        {
            errors.Add("evidenceLinks", "Keep the links to 20,000 characters in all");
        }

        if (reviewBy is null)
        {
            errors.Add("reviewBy", "Enter the date by which the assessment must be reviewed");
        }

        var codes = string.Join(",", indicatorCodes.Select(c => c.Trim().ToLowerInvariant()).Distinct());
        if (codes.Length > 2000)
        {
            errors.Add("indicators", "Choose fewer indicators");
        }

        if (errors.Any)
        {
            return errors;
        }

        Topic = topic!.Trim();
        Narrative = narrative!.Trim();
        IndicatorCodes = codes;
        EvidenceLinks = string.Join("\n", linkList);
        ReviewBy = reviewBy!.Value;
        UpdatedAt = now;
        return null;
    }
}
