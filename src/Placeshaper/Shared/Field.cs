namespace Placeshaper.Shared;

/// <summary>A GOV.UK text input or textarea with its label, hint and error, rendered by <c>_Field.cshtml</c>.</summary>
public sealed record Field(
    string Id,
    string Name,
    string Label,
    string? Value,
    string? Error,
    string? Hint = null,
    string Type = "text",
    string? Width = null,
    bool Multiline = false,
    string? Prefix = null,
    string? InputMode = null,
    string? Autocomplete = "off");

/// <summary>A GOV.UK radios group, rendered by <c>_Radios.cshtml</c>.</summary>
public sealed record Radios(string Id, string Name, string Legend, IReadOnlyList<(string Value, string Label)> Options, string? Value, string? Error);

/// <summary>A GOV.UK select with its label, hint and error, rendered by <c>_Select.cshtml</c>.</summary>
public sealed record Select(string Id, string Name, string Label, IReadOnlyList<(string Value, string Label)> Options, string? Value, string? Error, string? Hint = null);
