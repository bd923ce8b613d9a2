namespace Placeshaper.Shared;

/// <summary>A GOV.UK select with its label, hint and error, rendered by <c>_Select.cshtml</c>; the first option is <paramref name="Empty"/>, meaning none.</summary>
public sealed record SelectField(
    string Id,
    string Name,
    string Label,
    IReadOnlyList<(string Value, string Label)> Options,
    string? Value,
    string? Error,
    string Empty,
    string? Hint = null);
