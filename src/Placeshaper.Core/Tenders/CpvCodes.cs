using System.Reflection;

namespace Placeshaper.Tenders;

/// <summary>
/// The Common Procurement Vocabulary, CPV 2008 (Commission Regulation (EC) No 213/2008, © European Union, reuse
/// allowed), in English: 9,454 codes, each eight digits and a check digit ("90911200-8"). Shipped unchanged in
/// <c>Tenders/Reference/cpv-2008-codes-en.csv</c>, taken on 2026-11-21 from
/// <c>WB-PIDA-Data-Science-Shop/procuR.github.io</c> @ 1d897cb1 (<c>cpv_codes.csv</c>). A code's division is its first
/// two digits ("90" → 90000000-7, "Sewage, refuse, cleaning and environmental services").
/// </summary>
public static class CpvCodes
{
    public sealed record Code(string Value, string Description)
    {
        /// <summary>The eight digits without the check digit.</summary>
        public string Digits => Value[..8];

        public string Division => Value[..2];
    }

    private static readonly Lazy<Dictionary<string, Code>> ByDigits = new(Load);

    public static int Count => ByDigits.Value.Count;

    /// <summary>
    /// The code written as "90911200", "90911200-8" or "90911200 - 8" (spaces ignored); null when the list has no such
    /// code, or the check digit given is not the code's.
    /// </summary>
    public static Code? Find(string? text)
    {
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var digits = compact.Length >= 8 ? compact[..8] : compact;
        if (digits.Length != 8 || !digits.All(char.IsAsciiDigit) || !ByDigits.Value.TryGetValue(digits, out var code))
        {
            return null;
        }

        return compact.Length == 8 || compact == code.Value ? code : null;
    }

    /// <summary>The division a code belongs to: the code of its first two digits followed by zeros.</summary>
    public static Code? DivisionOf(Code code) => ByDigits.Value.GetValueOrDefault(code.Division + "000000");

    private static Dictionary<string, Code> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("cpv-2008-codes-en.csv")
            ?? throw new InvalidOperationException("The CPV 2008 reference data is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var table = Imports.ImportTable.Read(memory.ToArray(), "cpv-2008-codes-en.csv");
        return table.Rows
            .Where(r => r["CODE"] is { Length: 10 })
            .Select(r => new Code(r["CODE"]!, r["EN"] ?? ""))
            .ToDictionary(c => c.Digits, StringComparer.Ordinal);
    }
}
