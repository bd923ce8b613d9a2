using System.Globalization;
using System.Reflection;

namespace Placeshaper.Tenders;

/// <summary>The kinds of contract the Procurement Act 2023 sets different thresholds for, as a council buys them.</summary>
public enum ContractKind
{
    GoodsAndServices = 1,

    /// <summary>Services in Schedule 1's light touch list: social care, health, education and similar services to people.</summary>
    LightTouchServices = 2,

    Works = 3,
}

/// <summary>
/// The thresholds in force on a date, read from dated reference data (<c>Tenders/Reference/procurement-thresholds.csv</c>)
/// rather than code, so a change of the law is a new dated row with its source, and a procurement keeps the thresholds
/// in force when it commenced. Amounts include VAT.
/// </summary>
public sealed class ProcurementThresholds
{
    public sealed record Threshold(string Kind, decimal Amount, bool VatInclusive, DateOnly From, DateOnly? To, string Source);

    private readonly IReadOnlyList<Threshold> rows;

    private ProcurementThresholds(IReadOnlyList<Threshold> rows) => this.rows = rows;

    public static ProcurementThresholds Official { get; } = Load();

    public IReadOnlyList<Threshold> All => rows;

    /// <summary>The threshold for a kind of contract on a date, or null when the reference data does not cover it.</summary>
    public Threshold? For(ContractKind kind, DateOnly on) => In(kind.ToString(), on);

    /// <summary>From this value (including VAT) a council's below-threshold contract is notifiable.</summary>
    public Threshold? Notifiable(DateOnly on) => In("BelowThresholdNotifiable", on);

    private Threshold? In(string kind, DateOnly on) =>
        rows.Where(r => r.Kind == kind && r.From <= on && (r.To is null || r.To >= on)).OrderByDescending(r => r.From).FirstOrDefault();

    private static ProcurementThresholds Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("procurement-thresholds.csv")
            ?? throw new InvalidOperationException("The procurement thresholds reference data is missing from the build.");
        var table = Imports.ImportTable.Read(ReadAll(stream), "procurement-thresholds.csv");
        var rows = table.Rows.Select(r => new Threshold(
            r["kind"] ?? "",
            decimal.Parse(r["amount_gbp"] ?? "", CultureInfo.InvariantCulture),
            bool.Parse(r["vat_inclusive"] ?? ""),
            DateOnly.ParseExact(r["from"] ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r["to"] is { Length: > 0 } to ? DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            r["source"] ?? "")).ToList();
        return new ProcurementThresholds(rows);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
