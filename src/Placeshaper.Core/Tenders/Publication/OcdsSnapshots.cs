namespace Placeshaper.Tenders.Publication;

/// <summary>An organisation's identifier in a registered scheme, such as <c>GB-LAE</c> for English councils or <c>GB-COH</c> for companies.</summary>
public sealed record OcdsIdentifier(string Scheme, string Id, string? LegalName = null);

/// <summary>The buying organisation as OCDS names it: a local party id, its name and its identifier when it has one.</summary>
public sealed record OcdsBuyer(string Id, string Name, OcdsIdentifier? Identifier = null);

/// <summary>
/// What a published tender says to the world, copied out of the entity so that the releases are built from plain
/// values: the same builder serves tenders from the database and hand-made ones in tests.
/// </summary>
public sealed record TenderSnapshot(
    Guid Id,
    string Reference,
    string Title,
    string Description,
    ContractKind Kind,
    decimal EstimatedValue,
    Route Route,
    TenderStatus Status,
    bool AboveThreshold,
    DateTime PublishedAt,
    DateTime? ClarificationDeadline,
    DateTime? SubmissionDeadline,
    decimal PriceWeight,
    decimal QualityWeight,
    decimal SocialValueWeight,
    string SocialValueWaiverReason,
    IReadOnlyList<TenderSnapshot.Question> Questions,
    IReadOnlyList<TenderSnapshot.Lot> Lots,
    string NoLotsReason,
    bool SuitableForSme,
    bool SuitableForVcse,
    IReadOnlyList<TenderSnapshot.Document>? DocumentList = null)
{
    public sealed record Lot(int Number, string Title, decimal EstimatedValue);

    /// <summary>
    /// A tender document as OCDS lists it: <paramref name="Type"/> from the open documentType codelist, the file's media
    /// type as its format, published with the tender or, for an addendum, when it was added.
    /// </summary>
    public sealed record Document(string Id, string Type, string Title, string Description, string Format, DateTime Published);

    public IReadOnlyList<Document> Documents => DocumentList ?? [];

    public sealed record Question(QuestionKind Kind, string Text, decimal Weight);

    /// <summary>A published tender's snapshot. Drafts are never published, so asking for one is a bug.</summary>
    public static TenderSnapshot Of(Tender tender, ProcurementThresholds thresholds, IReadOnlyList<TenderDocuments.Listed>? documents = null)
    {
        var published = tender.PublishedAt ?? throw new InvalidOperationException($"Tender {tender.Id} is a draft: it has nothing to publish.");
        return new TenderSnapshot(
            tender.Id, tender.Reference, tender.Title, tender.Description, tender.Kind, tender.EstimatedValue, tender.Route, tender.Status,
            tender.Advice(thresholds, DateOnly.FromDateTime(published)).AboveThreshold,
            published, tender.ClarificationDeadline, tender.SubmissionDeadline,
            tender.PriceWeight, tender.QualityWeight, tender.SocialValueWeight, tender.SocialValueWaiverReason,
            tender.Questions.OrderBy(q => q.Order).Select(q => new Question(q.Kind, q.Text, q.Weight)).ToList(),
            tender.Lots.OrderBy(l => l.Number).Select(l => new Lot(l.Number, l.Title, l.EstimatedValue)).ToList(),
            tender.NoLotsReason, tender.SuitableForSme, tender.SuitableForVcse,
            (documents ?? []).Select(d => new Document(d.Id.ToString(), DocumentType(d.Kind), d.Title, d.IsAddendum ? $"Addendum: {d.AddendumReason}" : "", d.ContentType,
                d.IsAddendum ? d.AddedAt : published)).ToList());
    }

    /// <summary>OCDS's documentType codelist (open): the codes that say what each kind of tender document is.</summary>
    public static string DocumentType(TenderDocumentKind kind) => kind switch
    {
        TenderDocumentKind.Specification => "technicalSpecifications",
        TenderDocumentKind.ContractTerms => "contractDraft",
        TenderDocumentKind.EvaluationCriteria => "evaluationCriteria",
        _ => "biddingDocuments",
    };
}

/// <summary>A supplier named in an award, with its register identifier and whether it is a voluntary, community or social enterprise.</summary>
public sealed record SupplierSnapshot(string Id, string Name, OcdsIdentifier? Identifier = null, bool? Vcse = null);

/// <summary>OCDS's closed awardStatus codelist.</summary>
public enum AwardState
{
    Pending,
    Active,
    Cancelled,
    Unsuccessful,
}

/// <summary>OCDS's closed contractStatus codelist.</summary>
public enum ContractState
{
    Pending,
    Active,
    Cancelled,
    Terminated,
}

/// <summary>
/// An award decision for one or more lots (none: the whole tender), with the standstill period in which unsuccessful
/// bidders may challenge it (Procurement Act 2023 s.51: 8 working days), and the contract signed after it, if any.
/// <see cref="OcdsAwards"/> makes them from award decisions.
/// </summary>
public sealed record AwardSnapshot(
    string Id,
    DateTime Date,
    AwardState Status,
    IReadOnlyList<SupplierSnapshot> Suppliers,
    decimal Value,
    IReadOnlyList<int> LotNumbers,
    DateTime? StandstillStart,
    DateTime? StandstillEnd,
    ContractSnapshot? Contract = null);

/// <summary>The contract that follows an award: its value, its period and when it was signed.</summary>
public sealed record ContractSnapshot(string Id, ContractState Status, decimal Value, DateTime? Start, DateTime? End, DateTime? DateSigned);
