using System.Globalization;
using System.Reflection;

namespace Placeshaper.SocialValue;

/// <summary>
/// The parts of the PPN 002 social value model (Cabinet Office, 13 February 2025) shipped as reference data, read from
/// <c>Tenders/Reference/ppn-002-social-value-model.csv</c>: only what could be confirmed against GOV.UK, each row with
/// its source and publication date. Today that is the model's five missions. Its outcomes, model award criteria and
/// standard reporting metrics are not shipped, because they could not be confirmed from an official source; councils
/// import them, or their own measures, as <see cref="SocialValueMeasure"/>s (docs/social-value.md).
/// </summary>
public static class SocialValueReference
{
    /// <summary>Every shipped row's code starts so; an organisation's own measures may not.</summary>
    public const string CodePrefix = "PPN002-";

    public sealed record Row(string Code, string Level, string Mission, string Description, string Source, DateOnly Published, string Licence);

    public static IReadOnlyList<Row> Rows { get; } = Load();

    public static Row? Find(string code) => Rows.FirstOrDefault(r => string.Equals(r.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    private static List<Row> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ppn-002-social-value-model.csv")
            ?? throw new InvalidOperationException("The PPN 002 reference data is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var table = Imports.ImportTable.Read(memory.ToArray(), "ppn-002-social-value-model.csv");
        return table.Rows.Select(r => new Row(
            r["code"] ?? "", r["level"] ?? "", r["mission"] ?? "", r["description"] ?? "", r["source"] ?? "",
            DateOnly.ParseExact(r["published"] ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture), r["licence"] ?? "")).ToList();
    }
}
