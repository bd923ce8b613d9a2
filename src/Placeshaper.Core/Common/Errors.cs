namespace Placeshaper.Common;

/// <summary>
/// What was wrong with a request, by field. Expected failures travel as values, not exceptions:
/// pages show them beside the field, the API as validation problem details, the CLI as a report.
/// </summary>
public sealed class Errors
{
    /// <summary>
    /// More than this is noise to a person and a cost to the server: a request with thousands of faults gets the first
    /// ones, which is enough to start fixing it.
    /// </summary>
    public const int Most = 200;

    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);
    private int count;

    public bool Any => byField.Count > 0;

    public Errors Add(string field, string message)
    {
        if (count >= Most)
        {
            return this;
        }

        count++;
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public static Errors For(string field, string message) => new Errors().Add(field, message);

    public Dictionary<string, string[]> ByField =>
        byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() =>
        string.Join("; ", byField.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")));
}
