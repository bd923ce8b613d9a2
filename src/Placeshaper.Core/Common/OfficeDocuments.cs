namespace Placeshaper.Common;

/// <summary>
/// The files people exchange in a procurement, tender documents and bids alike: what offices make, never executables
/// or archives, each served with the content type its extension names.
/// </summary>
public static class OfficeDocuments
{
    public const int MaxFileName = 200;

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".csv"] = "text/csv",
        [".txt"] = "text/plain",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    /// <summary>The file's name without any path, and its content type; null when the name or the kind of file will not do.</summary>
    public static (string Name, string ContentType)? Accept(string? fileName)
    {
        // Some browsers send the whole path, with either kind of separator: only the file's own name is kept.
        var path = fileName?.Trim() ?? "";
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        return name.Length is 0 or > MaxFileName || name.Any(char.IsControl) || !Types.TryGetValue(Path.GetExtension(name), out var type)
            ? null
            : (name, type);
    }

    public static string Rule => $"Name the file, up to {MaxFileName} characters, as one of {string.Join(", ", Types.Keys)}";
}
