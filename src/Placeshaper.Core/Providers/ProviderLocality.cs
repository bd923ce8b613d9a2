namespace Placeshaper.Providers;

/// <summary>Whether a provider is local to the organisation: yes, no, or not known (and why).</summary>
public sealed record ProviderLocality(bool? IsLocal, string Reason)
{
    /// <summary>
    /// A provider is local when its registered or trading postcode lies in the organisation's own authority area: the
    /// postcode's local authority (from the ONS Postcode Directory loaded on the installation) is the code of one of
    /// the organisation's areas at <c>Authority</c> level, or of a <c>District</c> within it (a county's districts are
    /// its local authorities in ONS terms). It is not local when every postcode it has is in the directory and none is
    /// in the area, and not known when it has no postcode, a postcode is missing from the directory, or the
    /// organisation has no authority area to compare with.
    /// </summary>
    /// <param name="postcodes">The provider's postcodes with what they are ("registered", "trading"), already normalised.</param>
    /// <param name="localAuthorityOf">The local authority code of each postcode that is in the directory (null when the directory gives none).</param>
    /// <param name="authority">The codes of the organisation's authority and district areas, with a name for the reason.</param>
    public static ProviderLocality Decide(
        IReadOnlyList<(string What, string Postcode)> postcodes,
        IReadOnlyDictionary<string, string?> localAuthorityOf,
        IReadOnlyDictionary<string, string> authority)
    {
        if (authority.Count == 0)
        {
            return new(null, "Not known: the organisation has no authority area to compare with (import its areas)");
        }

        if (postcodes.Count == 0)
        {
            return new(null, "Not known: no postcode recorded");
        }

        foreach (var (what, postcode) in postcodes)
        {
            if (localAuthorityOf.GetValueOrDefault(postcode) is { } code && authority.TryGetValue(code, out var name))
            {
                return new(true, $"Local: the {what} postcode {postcode} is in {name}");
            }
        }

        var unknown = postcodes.FirstOrDefault(p => !localAuthorityOf.ContainsKey(p.Postcode) || localAuthorityOf[p.Postcode] is null);
        return unknown.Postcode is not null
            ? new(null, $"Not known: the {unknown.What} postcode {unknown.Postcode} is not in the postcode directory")
            : new(false, $"Not local: {string.Join(" and ", postcodes.Select(p => $"the {p.What} postcode {p.Postcode}"))} {(postcodes.Count == 1 ? "is" : "are")} outside the area");
    }
}
