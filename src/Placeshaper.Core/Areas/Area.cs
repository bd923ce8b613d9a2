using System.Text.RegularExpressions;
using Placeshaper.Organisations;

namespace Placeshaper.Areas;

public enum AreaLevel
{
    /// <summary>The whole authority (county, unitary, district or borough).</summary>
    Authority,

    /// <summary>A district within a county.</summary>
    District,

    /// <summary>An electoral ward or division.</summary>
    Ward,

    /// <summary>A statistical neighbourhood: MSOA or LSOA.</summary>
    Neighbourhood,

    /// <summary>A locality the organisation defines itself, e.g. a primary care network footprint.</summary>
    Locality,

    /// <summary>Not part of the organisation, but compared with it: England (E92000001), a region, a statistical neighbour.</summary>
    Comparator,
}

/// <summary>A place in an organisation's geography, identified by its ONS (GSS) code where it has one.</summary>
public sealed partial class Area : IOrganisationOwned
{
    private Area()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>ONS GSS code (E06000023, E05…, E01…) or the organisation's own code for a locality.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public AreaLevel Level { get; private set; }

    public Guid? ParentId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>A GSS code is a letter for the country (E, W, S, N, K, L, M), two digits for the entity and six more.</summary>
    public static bool IsGssCode(string code) => GssPattern().IsMatch(code);

    /// <summary>The rules a code must meet: GSS codes for official levels; a locality may use any short code.</summary>
    public static string? CodeProblem(string code, AreaLevel level) =>
        code.Length is 0 or > 20 ? "a code of 1 to 20 characters is needed"
        : level != AreaLevel.Locality && !IsGssCode(code) ? $"'{code}' is not an ONS code (a letter and eight digits, like E05001234)"
        : null;

    internal static Area New(Guid organisationId, string code, string name, AreaLevel level, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Code = code,
        Name = name,
        Level = level,
        CreatedAt = now,
    };

    /// <summary>Applies imported values; says whether anything changed.</summary>
    internal bool Update(string name, AreaLevel level, Guid? parentId)
    {
        if (Name == name && Level == level && ParentId == parentId)
        {
            return false;
        }

        (Name, Level, ParentId) = (name, level, parentId);
        return true;
    }

    [GeneratedRegex("^[EWSNKLM][0-9]{8}$")]
    private static partial Regex GssPattern();
}
