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

    public IReadOnlyList<string> Indicators => IndicatorCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> Links => EvidenceLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsDueForReview(DateOnly today) => ReviewBy <= today;

    public static Result<NeedsAssessment> Write(
        Guid organisationId, string? topic, string? narrative, IReadOnlyCollection<string> indicatorCodes, IReadOnlyCollection<string> knownIndicators, string? links, DateOnly? reviewBy, DateTime now)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(topic) || topic.Length > 200)
        {
            errors.Add("topic", "Enter the topic, up to 200 characters");
        }

        if (string.IsNullOrWhiteSpace(narrative) || narrative.Length > 20_000)
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

        if (reviewBy is null)
        {
            errors.Add("reviewBy", "Enter the date by which the assessment must be reviewed");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new NeedsAssessment
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Topic = topic!.Trim(),
            Narrative = narrative!.Trim(),
            IndicatorCodes = string.Join(",", indicatorCodes.Select(c => c.ToLowerInvariant()).Distinct()),
            EvidenceLinks = string.Join("\n", linkList),
            ReviewBy = reviewBy!.Value,
            UpdatedAt = now,
        };
    }
}
