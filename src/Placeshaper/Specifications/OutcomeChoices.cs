namespace Placeshaper.Specifications;

/// <summary>The outcomes framework as checkboxes, rendered by <c>_OutcomeChoices.cshtml</c>.</summary>
public sealed record OutcomeChoices(IReadOnlyList<(Guid Id, string Statement)> Outcomes, IReadOnlyCollection<Guid> Chosen, string? Error);
