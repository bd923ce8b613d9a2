using System.Text.Json;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>
/// One spend file that was imported: its name, checksum and counts, and what was skipped and why. A refused file
/// leaves no import behind; a file imported again gets an import of its own that adds nothing (all duplicates).
/// </summary>
public sealed class SpendImport : IOrganisationOwned
{
    public const int MaxFileName = 260;

    private SpendImport()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>SHA-256 of the file's bytes, hex, lower case.</summary>
    public string Sha256 { get; private set; } = "";

    public string Encoding { get; private set; } = "";

    /// <summary>The header row's line and how each field was mapped, as "Field=Header" pairs.</summary>
    public string Mapping { get; private set; } = "";

    /// <summary>Rows below the header, blank ones included.</summary>
    public int Read { get; private set; }

    public int Imported { get; private set; }

    /// <summary>Payments already held for the organisation (from this file earlier, or an overlapping one).</summary>
    public int Duplicates { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Problems found; always 0 for a stored import, kept so that the report has one shape everywhere.</summary>
    public int Errors { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>JSON array of the skipped rows as {line, reason}; runs of blank rows are one entry.</summary>
    public string SkipReport { get; private set; } = "[]";

    public DateTime ImportedAt { get; private set; }

    /// <summary>
    /// The import's number within its organisation (1, 2, …), given when it starts writing: its payments carry it
    /// rather than the import's id (<see cref="SpendPayment"/>). Null only inside an import that has not started writing.
    /// </summary>
    public int? Number { get; private set; }

    /// <summary>An import begun; its checksum is given when it is finished, the file being hashed meanwhile.</summary>
    public static SpendImport Start(Guid organisationId, string fileName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = organisationId,
        FileName = fileName.Length > MaxFileName ? fileName[..MaxFileName] : fileName,
        ImportedAt = now,
    };

    public void Numbered(int number) => Number = number;

    public void Finish(SpendFileReader reader, string sha256, int imported, int duplicates, decimal total)
    {
        Sha256 = sha256;
        Encoding = reader.Encoding;
        Mapping = reader.Mapping is { } mapping
            ? $"line {reader.HeaderLine}: " + string.Join("; ", mapping.Describe(reader.Headers).Select(m => $"{m.Key}={m.Value}"))
            : "";
        Read = reader.Read;
        Imported = imported;
        Duplicates = duplicates;
        Skipped = reader.SkippedCount;
        Errors = reader.Problems.Count;
        Total = total;
        SkipReport = JsonSerializer.Serialize(reader.Skipped.Select(s => new SkippedRow(s.Line, s.Reason)));
    }

    public IReadOnlyList<SkippedRow> SkippedRows => JsonSerializer.Deserialize<List<SkippedRow>>(SkipReport) ?? [];

    public sealed record SkippedRow(int Line, string Reason);

    public ImportProblem ToProblem(SkippedRow row) => new(FileName, row.Line, null, row.Reason);
}

/// <summary>
/// One payment from a spend file, as the file gave it, with the supplier's name also normalised for matching
/// (<see cref="Providers.NameNormaliser"/>), read through the <c>spend_transactions</c> view over the payments as
/// stored (<see cref="SpendPayment"/>, ADR 0024), which gives back the organisation's and the import's ids. Written in
/// bulk (<see cref="SpendWriter"/>), never one by one through EF.
/// </summary>
public sealed class SpendTransaction : IOrganisationOwned
{
    private SpendTransaction()
    {
    }

    /// <summary>
    /// The payment's import number and line as one number (ADR 0028): unique within the organisation, in the order
    /// payments were written.
    /// </summary>
    public long Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ImportId { get; private set; }

    public int Line { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The month as yyyymm, for grouping without date functions that differ between databases.</summary>
    public int Month { get; private set; }

    public decimal Amount { get; private set; }

    public string? SupplierName { get; private set; }

    /// <summary>The normalised name, "" when the name was redacted or not given.</summary>
    public string SupplierKey { get; private set; } = "";

    public bool Redacted { get; private set; }

    public string? TransactionNumber { get; private set; }

    public string? ServiceArea { get; private set; }

    public string? ExpenseType { get; private set; }

    public string? Description { get; private set; }

    public string? CompanyNumber { get; private set; }

    public string? VatNumber { get; private set; }

    public string? Postcode { get; private set; }

    /// <summary>The payment's identity within its organisation (<see cref="SpendIdentity"/>): a file imported twice adds nothing.</summary>
    public long IdentityKey { get; private set; }
}

/// <summary>
/// A payment as stored (<c>spend_payments</c>, ADR 0024): the organisation and the import as small integers (its
/// <see cref="SpendLedger"/>'s number and <see cref="SpendImport.Number"/>) rather than two 36-character ids, so the
/// row is about half the size; keyed by the organisation's number, the import's and the line, the order payments are
/// written in, and in SQLite stored in that key alone (ADR 0028). Written in bulk only (<see cref="SpendWriter"/>); read through
/// <see cref="SpendTransaction"/>, which has the ids back and the organisation filter.
/// </summary>
public sealed class SpendPayment
{
    private SpendPayment()
    {
    }

    public int OrganisationNumber { get; private set; }

    public int ImportNumber { get; private set; }

    public int Line { get; private set; }

    public DateOnly Date { get; private set; }

    public int Month { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>The supplier as written and its key, by number within the organisation (<see cref="SpendSupplierName"/>).</summary>
    public int SupplierNumber { get; private set; }

    public bool Redacted { get; private set; }

    public string? TransactionNumber { get; private set; }

    /// <summary>The service area and expense type, by number within the organisation (<see cref="SpendServiceExpense"/>).</summary>
    public int ServiceExpenseNumber { get; private set; }

    public string? Description { get; private set; }

    public string? CompanyNumber { get; private set; }

    public string? VatNumber { get; private set; }

    public string? Postcode { get; private set; }

    public long IdentityKey { get; private set; }
}

/// <summary>
/// A supplier as an organisation's files write it, with the key its name normalises to, kept once and numbered within
/// the organisation: a payment carries the number rather than the two texts (ADR 0027). Written by the import only.
/// </summary>
public sealed class SpendSupplierName
{
    private SpendSupplierName()
    {
    }

    public int OrganisationNumber { get; private set; }

    public int Number { get; private set; }

    public string? SupplierName { get; private set; }

    public string SupplierKey { get; private set; } = "";
}

/// <summary>A service area and expense type as an organisation's files write them, kept once and numbered (ADR 0027).</summary>
public sealed class SpendServiceExpense
{
    private SpendServiceExpense()
    {
    }

    public int OrganisationNumber { get; private set; }

    public int Number { get; private set; }

    public string? ServiceArea { get; private set; }

    public string? ExpenseType { get; private set; }
}

/// <summary>
/// An organisation's spend ledger: the small number its payments carry instead of its id, given at its first import,
/// and how many imports it has started (the next import's number). Updated by each import, which also serialises
/// two imports for one organisation.
/// </summary>
public sealed class SpendLedger : IOrganisationOwned
{
    private SpendLedger()
    {
    }

    public int Number { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Imports { get; private set; }

    /// <summary>
    /// How this organisation's payment identities are worked out (<see cref="SpendIdentity"/>): ledgers opened before
    /// migration 0041 keep SHA-256, so their files re-imported still match; ledgers opened since use XXH3.
    /// </summary>
    public int IdentityScheme { get; private set; } = SpendIdentity.Current;
}

/// <summary>
/// Spend per organisation, month and supplier, kept up to date by each import so that summaries over millions of
/// payments read thousands of rows. The supplier is its normalised name and company number ("" when not given).
/// </summary>
public sealed class SpendSupplierMonth : IOrganisationOwned
{
    private SpendSupplierMonth()
    {
    }

    public Guid OrganisationId { get; private set; }

    public int Month { get; private set; }

    public string SupplierKey { get; private set; } = "";

    public string CompanyNumber { get; private set; } = "";

    public decimal Total { get; private set; }

    public int Transactions { get; private set; }
}
