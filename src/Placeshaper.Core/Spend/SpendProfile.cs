using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>
/// A named column mapping an organisation saves for the layout its finance system produces, so that files whose
/// headers the suggestion gets wrong (or cannot read) import the same way every time: "Date=Updated; Amount=Amount".
/// A field the profile leaves out keeps the suggested column; a field given an empty header is ignored in the file.
/// </summary>
public sealed class SpendProfile : IOrganisationOwned
{
    public const int MaxName = 100;

    private SpendProfile()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>"Field=Header" pairs separated by semicolons.</summary>
    public string Mapping { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyDictionary<SpendField, string> Fields => Parse(Mapping).Value ?? new Dictionary<SpendField, string>();

    public static Result<SpendProfile> Create(Guid organisationId, string? name, IReadOnlyDictionary<string, string?>? fields, DateTime now)
    {
        var profile = new SpendProfile { Id = Guid.NewGuid(), OrganisationId = organisationId };
        var changed = profile.Change(name, fields, now);
        return changed.Succeeded ? profile : changed.Errors;
    }

    public Result<bool> Change(string? name, IReadOnlyDictionary<string, string?>? fields, DateTime now)
    {
        var errors = new Errors();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxName)
        {
            errors.Add("name", $"Enter a name of up to {MaxName} characters");
        }

        var mapping = new List<string>();
        foreach (var (field, header) in fields ?? new Dictionary<string, string?>())
        {
            if (!Enum.TryParse<SpendField>(field, ignoreCase: true, out var known) || !Enum.IsDefined(known))
            {
                errors.Add("fields", $"'{field}' is not a spend field; the fields are {string.Join(", ", Enum.GetNames<SpendField>())}");
                continue;
            }

            var text = header?.Trim() ?? "";
            if (text.Contains(';', StringComparison.Ordinal) || text.Contains('=', StringComparison.Ordinal) || text.Length > 200)
            {
                errors.Add("fields", $"{known}: a header of up to 200 characters without ';' or '='");
                continue;
            }

            mapping.Add($"{known}={text}");
        }

        if (mapping.Count == 0)
        {
            errors.Add("fields", "Name the column of at least one field, like Date=Paid Date");
        }

        if (errors.Any)
        {
            return errors;
        }

        Name = trimmed;
        Mapping = string.Join(";", mapping);
        UpdatedAt = now;
        return true;
    }

    public static Result<Dictionary<SpendField, string>> Parse(string mapping)
    {
        var fields = new Dictionary<SpendField, string>();
        foreach (var pair in mapping.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !Enum.TryParse<SpendField>(parts[0].Trim(), ignoreCase: true, out var field))
            {
                return Errors.For("mapping", $"'{pair}' is not Field=Header");
            }

            fields[field] = parts[1].Trim();
        }

        return fields;
    }
}
