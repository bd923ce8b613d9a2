using Placeshaper.Shared;

namespace Placeshaper.Needs;

/// <summary>What <c>_AssessmentFields.cshtml</c> renders: a needs assessment's fields, new or changed.</summary>
public sealed record AssessmentFields(
    string? Topic, string? Narrative, IReadOnlyCollection<string> Chosen, string? EvidenceLinks, DateInput ReviewBy,
    IReadOnlyDictionary<string, string> IndicatorNames, Func<string, string?> ErrorFor);
