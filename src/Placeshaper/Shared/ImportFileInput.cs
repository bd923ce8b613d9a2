namespace Placeshaper.Shared;

/// <summary>The upload fields of an import form, rendered by <c>_ImportFile.cshtml</c>: the file's error and the worksheet asked for.</summary>
public sealed record ImportFileInput(string? Error, string? Sheet);
