using System.Security.Cryptography;
using Placeshaper.Organisations;

namespace Placeshaper.Tenders;

/// <summary>What a tender document is, as bidders and OCDS's documentType codelist know it.</summary>
public enum TenderDocumentKind
{
    /// <summary>The invitation to tender: instructions, timetable, how to bid (OCDS biddingDocuments).</summary>
    InvitationToTender = 1,

    /// <summary>The specification of what is to be delivered (OCDS technicalSpecifications).</summary>
    Specification = 2,

    /// <summary>The pricing schedule bidders complete (OCDS biddingDocuments).</summary>
    PricingSchedule = 3,

    /// <summary>The draft contract and its terms (OCDS contractDraft).</summary>
    ContractTerms = 4,

    /// <summary>How bids will be evaluated (OCDS evaluationCriteria).</summary>
    EvaluationCriteria = 5,

    /// <summary>Anything else bidders need (OCDS biddingDocuments).</summary>
    Other = 6,
}

/// <summary>
/// A procurement document the buyer gives every bidder. Documents are added and removed freely while the tender is a
/// draft; once it is published they are what bidders rely on, so none is removed, and one added later is an addendum
/// with the reason for it, before the deadline for bids (Procurement Act 2023 s.31 lets a buyer modify the tender
/// documents; it must then consider extending the time for bids).
/// </summary>
public sealed class TenderDocument : IOrganisationOwned
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int MaxTitle = 200;

    public const int MaxReason = 2000;

    public const int MaxPerTender = 30;

    private TenderDocument()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid TenderId { get; private set; }

    public string Title { get; private set; } = "";

    public TenderDocumentKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public long Size { get; private set; }

    /// <summary>The SHA-256 of the content, so a bidder can show which version they read.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Added after publication: an addendum, with why.</summary>
    public bool IsAddendum { get; private set; }

    public string AddendumReason { get; private set; } = "";

    public Guid AddedBy { get; private set; }

    public DateTime AddedAt { get; private set; }

    public static Result<TenderDocument> Add(Tender tender, int existing, string? title, TenderDocumentKind? kind, string? fileName, byte[]? content, string? addendumReason, Guid personId, DateTime now)
    {
        var errors = new Errors();
        var published = !tender.IsDraft;
        if (tender.Status == TenderStatus.Cancelled || published && !tender.IsOpenForBids(now))
        {
            return Errors.For("tender", "Documents can be added to a draft, or as an addendum to a published tender until the deadline for bids");
        }

        if (existing >= MaxPerTender)
        {
            errors.Add("fileName", $"A tender can have up to {MaxPerTender} documents");
        }

        var name = title?.Trim() ?? "";
        if (name.Length is 0 or > MaxTitle)
        {
            errors.Add("title", $"Give the document a title, up to {MaxTitle} characters, like Specification");
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("kind", "Say what kind of document it is");
        }

        var accepted = OfficeDocuments.Accept(fileName);
        if (accepted is null)
        {
            errors.Add("fileName", OfficeDocuments.Rule);
        }

        if (content is not { Length: > 0 })
        {
            errors.Add("content", "The file is empty");
        }
        else if (content.Length > MaxBytes)
        {
            errors.Add("content", $"The file is larger than {MaxBytes / 1024 / 1024} MB");
        }

        var reason = addendumReason?.Trim() ?? "";
        if (published && reason.Length == 0)
        {
            errors.Add("addendumReason", "The tender is published: say why this document is added, for every bidder to read");
        }

        if (reason.Length > MaxReason)
        {
            errors.Add("addendumReason", $"The reason can be up to {MaxReason:N0} characters");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new TenderDocument
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = tender.OrganisationId,
            TenderId = tender.Id,
            Title = name,
            Kind = kind!.Value,
            FileName = accepted!.Value.Name,
            ContentType = accepted.Value.ContentType,
            Content = content!,
            Size = content!.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            IsAddendum = published,
            AddendumReason = published ? reason : "",
            AddedBy = personId,
            AddedAt = now,
        };
    }

    /// <summary>Only a draft's documents can be removed: bidders may already have read a published one.</summary>
    public Errors? CanRemove(Tender tender) =>
        tender.Id != TenderId ? Errors.For("document", "This document belongs to another tender")
        : tender.IsDraft ? null : Errors.For("document", "The tender is published: bidders may have read this document, so it stays. Add an addendum to correct it.");
}
