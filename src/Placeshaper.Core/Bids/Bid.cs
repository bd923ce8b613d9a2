using Placeshaper.Organisations;

namespace Placeshaper.Bids;

public enum BidStatus
{
    Submitted = 1,
    Withdrawn = 2,

    /// <summary>The bidder sent a new bid in its place before the deadline.</summary>
    Replaced = 3,
}

/// <summary>
/// A provider's sealed bid for a tender. Only who bid and when is readable; the content stays an encrypted envelope
/// until the deadline has passed and an officer has opened the tender's bids. A withdrawn or replaced bid's envelope
/// is erased, so it can never be opened; its receipt stays as proof of what was sent.
/// </summary>
public sealed class Bid : IOrganisationOwned
{
    private Bid()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The buyer: the organisation running the tender.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid ProviderId { get; private set; }

    public Guid SubmittedBy { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public BidStatus Status { get; private set; } = BidStatus.Submitted;

    public DateTime? ClosedAt { get; private set; }

    /// <summary>Which sealing key wrapped this bid's key.</summary>
    public string KeyId { get; private set; } = "";

    public byte[] Envelope { get; private set; } = [];

    /// <summary>SHA-256 of the envelope as submitted, in hex: the bidder's proof of submission.</summary>
    public string Receipt { get; private set; } = "";

    public BidSeal.Identity Identity => new(OrganisationId, TenderId, Id, ProviderId);

    internal static Bid Seal(Guid organisationId, Guid tenderId, Guid providerId, Guid personId, ReadOnlySpan<byte> content, SealingKeys keys, DateTime now)
    {
        var bid = new Bid
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            TenderId = tenderId,
            ProviderId = providerId,
            SubmittedBy = personId,
            SubmittedAt = now,
            KeyId = keys.CurrentId,
        };
        bid.Envelope = BidSeal.Seal(content, bid.Identity, keys.Current);
        bid.Receipt = BidSeal.Receipt(bid.Envelope);
        return bid;
    }

    internal void Close(BidStatus status, DateTime now)
    {
        Status = status;
        ClosedAt = now;
        Envelope = [];
    }
}
