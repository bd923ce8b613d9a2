namespace Placeshaper.Intelligence;

/// <summary>A report with its organisation's slug, for <c>_Tags.cshtml</c> to link its indicator to the indicator's page.</summary>
public sealed record TaggedItem(string Slug, IntelligenceQueries.Item Item);

/// <summary>The published reports tagged to one needs indicator, for <c>_TaggedIntelligence.cshtml</c> on the indicator's page.</summary>
public sealed record TaggedIntelligence(string Slug, IReadOnlyList<IntelligenceQueries.Item> Items);
