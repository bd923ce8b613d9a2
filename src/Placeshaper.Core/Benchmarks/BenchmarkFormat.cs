using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Placeshaper.Benchmarks;

/// <summary>
/// The open benchmark dataset format (docs/benchmarking.md), as CSV with a header or as JSON, so that installations can
/// pool figures. The same columns in both; numbers with "." for decimals whatever the culture.
/// </summary>
public static class BenchmarkFormat
{
    public const string FormatName = "placeshaper-benchmarks/1";

    public static readonly string[] Columns = ["category", "period", "measure", "kind", "unit", "value", "provider", "provider_named", "contributor", "contributor_named"];

    public sealed record FigureJson(
        [property: JsonPropertyName("category")] string? Category,
        [property: JsonPropertyName("period")] string? Period,
        [property: JsonPropertyName("measure")] string? Measure,
        [property: JsonPropertyName("kind")] string? Kind,
        [property: JsonPropertyName("unit")] string? Unit,
        [property: JsonPropertyName("value")] JsonElement? Value,
        [property: JsonPropertyName("provider")] string? Provider,
        [property: JsonPropertyName("provider_named")] bool? ProviderNamed,
        [property: JsonPropertyName("contributor")] string? Contributor,
        [property: JsonPropertyName("contributor_named")] bool? ContributorNamed);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record FigureOut(
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("period")] string Period,
        [property: JsonPropertyName("measure")] string Measure,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("unit")] string Unit,
        [property: JsonPropertyName("value")] decimal Value,
        [property: JsonPropertyName("provider")] string Provider,
        [property: JsonPropertyName("provider_named")] bool ProviderNamed,
        [property: JsonPropertyName("contributor")] string Contributor,
        [property: JsonPropertyName("contributor_named")] bool ContributorNamed);

    public sealed record DatasetJson(
        [property: JsonPropertyName("format")] string? Format,
        [property: JsonPropertyName("figures")] IReadOnlyList<FigureJson>? Figures);

    /// <summary>Each figure's row: its contributor is the organisation's own name for its own figures, named as it chose.</summary>
    public static IReadOnlyList<string[]> Rows(IEnumerable<BenchmarkFigure> figures, string organisationName, Func<string, bool> ownNamed) =>
        figures.Select(f => new[]
        {
            f.Category, f.Period, f.Measure, BenchmarkFigure.KindCode(f.Kind), f.Unit, f.Value.ToString("0.############", CultureInfo.InvariantCulture), f.Provider,
            f.ProviderNamed ? "yes" : "no", f.Contributor ?? organisationName, (f.Contributor is null ? ownNamed(f.Category) : f.ContributorNamed) ? "yes" : "no",
        }).ToList();

    /// <summary>Live figures' rows: always the organisation's own, its providers not named (they were not asked).</summary>
    public static IReadOnlyList<string[]> LiveRows(IEnumerable<LiveFigures.Figure> figures, string organisationName, Func<string, bool> ownNamed) =>
        figures.Select(f => new[]
        {
            f.Category, f.Period, f.Measure, BenchmarkFigure.KindCode(f.Kind), f.Unit, f.Value.ToString("0.############", CultureInfo.InvariantCulture), f.Provider,
            "no", organisationName, ownNamed(f.Category) ? "yes" : "no",
        }).ToList();

    public static byte[] Csv(IReadOnlyList<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Columns)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Json(IReadOnlyList<string[]> rows) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                format = FormatName,
                figures = rows.Select(r => new FigureOut(r[0], r[1], r[2], r[3], r[4], decimal.Parse(r[5], CultureInfo.InvariantCulture), r[6], r[7] == "yes", r[8], r[9] == "yes")).ToList(),
            },
            Indented);

    /// <summary>Whether the content is JSON rather than CSV: its first character that is not white space is "{".</summary>
    public static bool IsJson(byte[] content) =>
        Encoding.UTF8.GetString(content).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{');

    // A formula-looking cell is prefixed with ' so that a spreadsheet shows it as text (CSV injection).
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
