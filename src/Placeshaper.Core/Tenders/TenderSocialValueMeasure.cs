using Placeshaper.Organisations;

namespace Placeshaper.Tenders;

/// <summary>
/// A social value measure a tender offers bidders to commit against, copied from the organisation's measure (or the
/// PPN 002 reference row) when chosen, so that what bidders saw stays as published even if the measure is later
/// updated or retired.
/// </summary>
public sealed class TenderSocialValueMeasure : IOrganisationOwned
{
    private TenderSocialValueMeasure()
    {
    }

    internal TenderSocialValueMeasure(Tender tender, Guid id, SocialValue.MeasureOption option, int order)
    {
        Id = id;
        TenderId = tender.Id;
        OrganisationId = tender.OrganisationId;
        Code = option.Code;
        Theme = option.Theme;
        Outcome = option.Outcome;
        Description = option.Description;
        Unit = option.Unit;
        ProxyValue = option.ProxyValue;
        Source = option.Source;
        IsReference = option.IsReference;
        Order = order;
    }

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Code { get; private set; } = "";

    public string Theme { get; private set; } = "";

    public string? Outcome { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>The unit commitments against it are counted in; null for a PPN 002 mission, where the bidder says.</summary>
    public string? Unit { get; private set; }

    /// <summary>The buyer's proxy value in pounds per unit when chosen, or null.</summary>
    public decimal? ProxyValue { get; private set; }

    public string? Source { get; private set; }

    public bool IsReference { get; private set; }

    public int Order { get; private set; }

    public string Label => $"{Code}: {Description}{(Unit is null ? "" : $" ({Unit})")}";
}
