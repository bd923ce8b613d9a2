using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Areas;

/// <summary>
/// Loads postcodes from an ONS Postcode Directory (ONSPD) CSV into the installation's shared reference table, whole or
/// not at all, and idempotently (matched by postcode). The import is recorded once in the audit trail, with the file's
/// checksum, rather than postcode by postcode.
/// </summary>
public sealed class ImportPostcodes(PlaceshaperDb db)
{
    private static readonly string[] Required = ["pcds", "oslaua", "osward"];

    public async Task<ImportReport> HandleAsync(byte[] content, string file, string? sheet, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var problems = Required.Where(c => !table.Has(c))
            .Select(c => new ImportProblem(file, table.HeaderLine, c, $"the header has no '{c}' column: is this an ONS Postcode Directory file?"))
            .ToList();
        var parsed = new Dictionary<string, ReferencePostcode>(StringComparer.Ordinal);
        foreach (var row in problems.Count > 0 ? [] : table.Rows)
        {
            var postcode = ReferencePostcode.Normalise(row["pcds"]);
            if (postcode is null)
            {
                problems.Add(new ImportProblem(file, row.Line, "pcds", $"'{row["pcds"]}' is not a postcode"));
                continue;
            }

            if (!parsed.TryAdd(postcode, new ReferencePostcode
            {
                Postcode = postcode,
                LocalAuthorityCode = Code(row["oslaua"]),
                WardCode = Code(row["osward"]),
                Lsoa21Code = Code(row["lsoa21"]),
                Msoa21Code = Code(row["msoa21"]),
                Latitude = Decimal(row["lat"], file, row.Line, "lat", problems),
                Longitude = Decimal(row["long"], file, row.Line, "long", problems),
                ImdRank = int.TryParse(row["imd"], NumberStyles.None, CultureInfo.InvariantCulture, out var imd) ? imd : null,
                TerminatedIn = row["doterm"],
            }))
            {
                problems.Add(new ImportProblem(file, row.Line, "pcds", $"{postcode} appears more than once"));
            }
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems);
        }

        int added = 0, updated = 0;
        foreach (var chunk in parsed.Values.Chunk(1000))
        {
            var keys = chunk.Select(p => p.Postcode).ToList();
            var existing = await db.ReferencePostcodes.Where(p => keys.Contains(p.Postcode)).ToDictionaryAsync(p => p.Postcode, StringComparer.Ordinal, cancellationToken);
            foreach (var incoming in chunk)
            {
                if (!existing.TryGetValue(incoming.Postcode, out var stored))
                {
                    db.ReferencePostcodes.Add(incoming);
                    added++;
                }
                else if (db.Entry(stored).CurrentValues is var values && !Same(stored, incoming))
                {
                    values.SetValues(incoming);
                    updated++;
                }
            }
        }

        db.RecordDecision(new AuditDecision(null, "postcodes-imported", "Import", file, After: $"{{\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(content))}\",\"added\":{added},\"updated\":{updated}}}"));
        await db.SaveChangesAsync(cancellationToken);
        return ImportReport.Imported(table, added, updated, parsed.Count - added - updated);
    }

    private static bool Same(ReferencePostcode a, ReferencePostcode b) =>
        (a.LocalAuthorityCode, a.WardCode, a.Lsoa21Code, a.Msoa21Code, a.Latitude, a.Longitude, a.ImdRank, a.TerminatedIn)
        == (b.LocalAuthorityCode, b.WardCode, b.Lsoa21Code, b.Msoa21Code, b.Latitude, b.Longitude, b.ImdRank, b.TerminatedIn);

    /// <summary>ONSPD writes "pseudo" codes such as S99999999 for "none"; those are kept out.</summary>
    private static string? Code(string? value) =>
        value is null || value.EndsWith("99999999", StringComparison.Ordinal) ? null : value.ToUpperInvariant();

    private static decimal? Decimal(string? value, string file, int line, string column, List<ImportProblem> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && Math.Abs(parsed) <= 180)
        {
            return Math.Round(parsed, 6, MidpointRounding.AwayFromZero);
        }

        problems.Add(new ImportProblem(file, line, column, $"'{value}' is not a coordinate"));
        return null;
    }
}
