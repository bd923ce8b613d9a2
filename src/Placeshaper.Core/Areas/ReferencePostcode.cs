namespace Placeshaper.Areas;

/// <summary>
/// A postcode from the ONS Postcode Directory (ONSPD), shared by every organisation on the installation: the
/// geography it falls in, so that a resident's or supplier's postcode can be placed in an organisation's areas.
/// Source: ONS Postcode Directory, Open Government Licence; contains OS data © Crown copyright and database right,
/// Royal Mail data © Royal Mail copyright and database right.
/// </summary>
public sealed class ReferencePostcode
{
    /// <summary>In the ONS "pcds" form: upper case, one space before the inward code (e.g. "AB1 0AA").</summary>
    public string Postcode { get; set; } = "";

    public string? LocalAuthorityCode { get; set; }

    public string? WardCode { get; set; }

    public string? Lsoa21Code { get; set; }

    public string? Msoa21Code { get; set; }

    public decimal? Latitude { get; set; }

    public decimal? Longitude { get; set; }

    /// <summary>Index of Multiple Deprivation rank of the postcode's LSOA (1 is most deprived), as ONSPD gives it.</summary>
    public int? ImdRank { get; set; }

    /// <summary>Year and month the postcode was terminated (yyyymm), if it no longer exists.</summary>
    public string? TerminatedIn { get; set; }

    /// <summary>"ab10aa", "AB1  0AA" and "ab1 0aa" all become "AB1 0AA"; null when it cannot be a UK postcode.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var compact = new string(text.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length is >= 5 and <= 7 && char.IsLetter(compact[0]) && char.IsDigit(compact[^3]) && char.IsLetter(compact[^1]) && char.IsLetter(compact[^2])
            ? compact[..^3] + " " + compact[^3..]
            : null;
    }
}
