using System.Reflection;

namespace Placeshaper.Spend;

/// <summary>
/// Councils and government organisations, so that a supplier in spend that is one of them is classified public sector
/// (and so never SME or VCSE) by its name, not only by the words <see cref="SupplierClassifier"/> looks for. Read from
/// the GOV.UK Registers as archived in <c>drkane/registers-backup</c> @ d77d9399 (Open Government Licence v3.0),
/// shipped unchanged in <c>Spend/Reference/</c> and taken on 2026-11-21:
/// <list type="bullet">
/// <item><c>register-local-authority-eng.csv</c>, <c>-sct.csv</c>: councils in England and Scotland (their names and
/// official names, "Devon" and "Devon County Council"; past councils kept, as old spend still names them);</item>
/// <item><c>register-local-authority-nir.csv</c>: councils in Northern Ireland;</item>
/// <item><c>register-government-organisation.csv</c>: government departments, agencies and public bodies.</item>
/// </list>
/// Names are compared normalised (<see cref="Providers.NameNormaliser"/>), as payments' supplier keys are, not by
/// <see cref="SupplierNames.MatchKey"/>, which would cut "Cabinet Office" to "CABINET" (OFFICE reads as a branch); a
/// council's short name ("Devon") counts only with COUNCIL after it: a supplier called "DEVON" alone may be anything.
/// </summary>
public static class PublicBodies
{
    public sealed record Body(string Name, string Register);

    private static readonly Lazy<IReadOnlyDictionary<string, Body>> ByKey = new(Load);

    /// <summary>Every name the registers give, by match key.</summary>
    public static IReadOnlyDictionary<string, Body> All => ByKey.Value;

    /// <summary>The public body a supplier's normalised name names, or null.</summary>
    public static Body? Find(string? supplierKey) =>
        string.IsNullOrEmpty(supplierKey) ? null : ByKey.Value.GetValueOrDefault(supplierKey);

    private static Dictionary<string, Body> Load()
    {
        var byKey = new Dictionary<string, Body>(StringComparer.Ordinal);
        void Add(string? name, string register)
        {
            var key = Providers.NameNormaliser.Normalise(name);
            if (key.Length > 0)
            {
                byKey.TryAdd(key, new Body(name!.Trim(), register));
            }
        }

        foreach (var (file, register) in new[] { ("register-local-authority-eng.csv", "local authorities in England"), ("register-local-authority-sct.csv", "local authorities in Scotland") })
        {
            foreach (var row in Read(file).Rows)
            {
                Add(row["official-name"], register);
                Add(row["name"] is { } name ? name + " Council" : null, register);
            }
        }

        foreach (var row in Read("register-local-authority-nir.csv").Rows)
        {
            Add(row["name"], "local authorities in Northern Ireland");
        }

        foreach (var row in Read("register-government-organisation.csv").Rows)
        {
            Add(row["name"], "government organisations");
        }

        return byKey;
    }

    private static Imports.ImportTable Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(file)
            ?? throw new InvalidOperationException($"The public bodies reference data {file} is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Imports.ImportTable.Read(memory.ToArray(), file);
    }
}
