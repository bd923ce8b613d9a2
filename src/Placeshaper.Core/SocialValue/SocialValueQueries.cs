using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.SocialValue;

/// <summary>
/// A measure a tender can offer bidders to commit against: one of the organisation's own, or a shipped PPN 002
/// reference row (which has no unit or proxy value: the bidder gives the unit).
/// </summary>
public sealed record MeasureOption(string Code, string Theme, string? Outcome, string Description, string? Unit, decimal? ProxyValue, string? Source, bool IsReference)
{
    public string Label => $"{Code}: {Description}{(Unit is null ? "" : $" ({Unit})")}";

    public static MeasureOption Of(SocialValueMeasure m) => new(m.Code, m.Theme, m.Outcome, m.Description, m.Unit, m.ProxyValue, m.Source, false);

    public static MeasureOption Of(SocialValueReference.Row r) =>
        new(r.Code, r.Mission, null, $"{r.Mission} (PPN 002 mission)", null, null, $"{r.Source} (published {r.Published:yyyy-MM-dd})", true);
}

public static class SocialValueQueries
{
    /// <summary>The organisation's own measures, retired ones included, by code.</summary>
    public static async Task<IReadOnlyList<SocialValueMeasure>> ListAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var rows = await db.SocialValueMeasures.AsNoTracking().Where(m => m.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return rows.OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>What a draft tender may offer: the organisation's measures in use (not retired), then the PPN 002 reference rows.</summary>
    public static async Task<IReadOnlyList<MeasureOption>> OptionsAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
    [
        .. (await ListAsync(db, organisationId, cancellationToken)).Where(m => !m.Retired).Select(MeasureOption.Of),
        .. SocialValueReference.Rows.Select(MeasureOption.Of),
    ];
}

public static class SocialValueLimits
{
    /// <summary>Enough for a tender's social value questions; more is a list nobody reads.</summary>
    public const int MaxMeasuresPerTender = 50;
}
