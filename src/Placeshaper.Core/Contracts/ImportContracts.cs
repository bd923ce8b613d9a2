using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Providers;

namespace Placeshaper.Contracts;

/// <summary>
/// Imports a Local Government Transparency Code contracts register (<see cref="TransparencyRegister"/>) into an
/// organisation's contracts, whole or not at all (ADR 0010):
/// <list type="bullet">
/// <item>A row is identified by <see cref="TransparencyRegister.Key"/>; a row already imported, or repeated in the
/// file, is not added again, so importing the same file twice adds nothing.</item>
/// <item>Each contract needs a reference unique in the organisation. The register's own reference is kept as given
/// (and downloaded as given); when another contract already has it, the new one is numbered after it (S1024/2), and a
/// row with none gets NO-REF- and the start of its key.</item>
/// <item>The supplier is matched to the provider register by company number, then by normalised name, and only where
/// exactly one provider matches: never by a fuzzy likeness. An unmatched supplier is recorded by name.</item>
/// <item>Money is strict, dates are not: see <see cref="TransparencyRegister.Parse"/>. Warnings are reported with
/// the file, line and column; problems refuse the file.</item>
/// </list>
/// </summary>
public sealed class ImportContracts(PlaceshaperDb db)
{
    public async Task<ImportReport> HandleAsync(Guid organisationId, byte[] content, string file, CancellationToken cancellationToken, string? sheet = null)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var missing = TransparencyRegister.Required.Where(c => !table.Has(c)).ToList();
        if (missing.Count > 0)
        {
            return ImportReport.Refused(table, [new ImportProblem(file, table.HeaderLine, null,
                $"Not a contracts register in the Transparency Code layout: no {string.Join(", ", missing)} column. The columns are: {string.Join(", ", TransparencyRegister.Columns)}")]);
        }

        var providers = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var byNumber = providers.Where(p => p.CompanyNumber is not null).GroupBy(p => p.CompanyNumber!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byName = providers.GroupBy(p => p.NormalisedName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var existing = await db.Contracts.AsNoTracking().Where(c => c.OrganisationId == organisationId).Select(c => new { c.Reference, c.ImportKey }).ToListAsync(cancellationToken);
        var references = existing.Select(c => c.Reference).ToHashSet(StringComparer.Ordinal);
        var keys = existing.Select(c => c.ImportKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);

        var problems = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        var leftOut = new List<ImportProblem>();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var added = new List<Contract>();
        var unchanged = 0;
        foreach (var row in table.Rows)
        {
            var parsed = TransparencyRegister.Parse(row, file);
            problems.AddRange(parsed.Problems);
            if (parsed.Problems.Count > 0)
            {
                continue;
            }

            if (keys.Contains(parsed.Key))
            {
                unchanged++;
                continue;
            }

            if (inFile.TryGetValue(parsed.Key, out var earlier))
            {
                leftOut.Add(new ImportProblem(file, row.Line, TransparencyRegister.Reference, $"left out: the same contract as line {earlier}"));
                continue;
            }

            var provider = Match(parsed.Details, byNumber, byName);
            var reference = Reference(parsed.SourceReference, parsed.Key, references);
            var details = parsed.Details with { Reference = reference, ProviderId = provider?.Id };
            var known = Contract.Known.Nothing with
            {
                Providers = provider is null ? new Dictionary<Guid, string>() : new Dictionary<Guid, string> { [provider.Id] = provider.Name },
            };
            var created = Contract.Create(organisationId, details, known, now, parsed.SourceReference, parsed.Key);
            if (!created.Succeeded)
            {
                problems.AddRange(created.Errors.ByField.SelectMany(e => e.Value.Select(m =>
                    new ImportProblem(file, row.Line, TransparencyRegister.ColumnOf.GetValueOrDefault(e.Key.Split('[')[0]) ?? e.Key, m))));
                continue;
            }

            warnings.AddRange(parsed.Warnings);
            references.Add(reference);
            inFile[parsed.Key] = row.Line;
            added.Add(created.Value);
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems.OrderBy(p => p.Line));
        }

        db.Contracts.AddRange(added);
        var summary = JsonSerializer.Serialize(new
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            added = added.Count,
            matchedToProviders = added.Count(c => c.ProviderId is not null),
            warnings = warnings.Count,
            leftOut = leftOut.Count,
        });
        db.RecordDecision(new AuditDecision(organisationId, "contracts-imported", "Import", file, After: summary));
        await db.SaveChangesAsync(cancellationToken);
        return ImportReport.Imported(table, added.Count, 0, unchanged) with { LeftOut = leftOut, Warnings = warnings.Select(table.Locate).ToList() };
    }

    /// <summary>The one provider with the row's company number, or else the one with its normalised name; none when either is ambiguous.</summary>
    private static Provider? Match(Contract.Details details, Dictionary<string, List<Provider>> byNumber, Dictionary<string, List<Provider>> byName)
    {
        if (ProviderNumbers.CompanyNumber(details.SupplierCompanyNumber).Value is { } number && byNumber.TryGetValue(number, out var numbered))
        {
            return numbered.Count == 1 ? numbered[0] : null;
        }

        return byName.TryGetValue(NameNormaliser.Normalise(details.SupplierName), out var named) && named.Count == 1 ? named[0] : null;
    }

    private static string Reference(string source, string key, HashSet<string> taken)
    {
        var start = source.Length == 0 ? "NO-REF-" + key[..8].ToUpperInvariant() : source;
        var reference = start;
        for (var n = 2; taken.Contains(reference); n++)
        {
            reference = $"{start}/{n}";
        }

        return reference;
    }
}
