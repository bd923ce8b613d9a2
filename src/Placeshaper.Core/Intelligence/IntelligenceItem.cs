using Placeshaper.Organisations;

namespace Placeshaper.Intelligence;

public enum IntelligenceKind
{
    /// <summary>Something people need that is not being met.</summary>
    Need,

    /// <summary>How a service is working for the people who use it.</summary>
    Service,
}

public enum IntelligenceStatus
{
    /// <summary>From a member of the public: waits for a moderator before commissioners rely on it.</summary>
    AwaitingModeration,
    Published,
    Rejected,
}

/// <summary>
/// What a resident, councillor or provider has seen about a need or a service, tagged to an area and a needs indicator:
/// how "involve communities in priority setting" (Localis, Commission Impossible?, 2011) reaches commissioners.
/// </summary>
public sealed class IntelligenceItem : IOrganisationOwned
{
    private IntelligenceItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public IntelligenceKind Kind { get; private set; }

    public string Body { get; private set; } = "";

    public Guid? AreaId { get; private set; }

    public Guid? IndicatorId { get; private set; }

    /// <summary>Who said it, as it is shown: "Resident", "Councillor", "Provider" or "Officer".</summary>
    public string SubmitterRole { get; private set; } = "";

    /// <summary>The signed-in person who submitted it; empty for residents, who need no account.</summary>
    public Guid? SubmittedByPersonId { get; private set; }

    /// <summary>A resident's optional address for a reply; never shown outside the organisation.</summary>
    public string? ContactEmail { get; private set; }

    public IntelligenceStatus Status { get; private set; }

    public string? ModerationNote { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime? ModeratedAt { get; private set; }

    public static Result<IntelligenceItem> Submit(
        Guid organisationId, IntelligenceKind? kind, string? body, Guid? areaId, Guid? indicatorId, string submitterRole, Guid? personId, string? contactEmail, DateTime now)
    {
        var errors = new Errors();
        if (kind is null)
        {
            errors.Add("kind", "Say whether this is about a need or a service");
        }

        if (string.IsNullOrWhiteSpace(body) || body.Trim().Length < 10)
        {
            errors.Add("body", "Tell us what you have seen, in at least a sentence");
        }
        else if (body.Length > 4000)
        {
            errors.Add("body", "Keep it to 4,000 characters or fewer");
        }

        if (!string.IsNullOrWhiteSpace(contactEmail) && (contactEmail.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(contactEmail.Trim(), out _)))
        {
            errors.Add("contactEmail", "Enter an email address in the correct format, like name@example.com, or leave it empty");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new IntelligenceItem
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Kind = kind!.Value,
            Body = body!.Trim(),
            AreaId = areaId,
            IndicatorId = indicatorId,
            SubmitterRole = submitterRole,
            SubmittedByPersonId = personId,
            ContactEmail = string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim(),

            // People with accounts are accountable for what they write; the public's reports are read by a moderator first.
            Status = personId is null ? IntelligenceStatus.AwaitingModeration : IntelligenceStatus.Published,
            SubmittedAt = now,
        };
    }

    /// <summary>
    /// Tags the report to an area and a needs indicator, or clears either, so that it is read beside the figures for
    /// that need. A rejected report is not used for anything, so it is not tagged.
    /// </summary>
    public Result<IntelligenceItem> Tag(Guid? areaId, Guid? indicatorId)
    {
        if (Status == IntelligenceStatus.Rejected)
        {
            return Errors.For("indicator", "This report was rejected, so it is not used and cannot be tagged");
        }

        (AreaId, IndicatorId) = (areaId, indicatorId);
        return this;
    }

    /// <summary>
    /// Erases the resident's contact email (UK GDPR Article 17, right to erasure, and Article 5(1)(e), storage
    /// limitation). Returns false when there was none. The report itself stays: it holds no personal data by its house rules.
    /// </summary>
    public bool EraseContactEmail()
    {
        if (ContactEmail is null)
        {
            return false;
        }

        ContactEmail = null;
        return true;
    }

    public Result<IntelligenceItem> Moderate(bool publish, string? note, DateTime now)
    {
        if (Status != IntelligenceStatus.AwaitingModeration)
        {
            return Errors.For("decision", "This report has already been moderated");
        }

        if (!publish && string.IsNullOrWhiteSpace(note))
        {
            return Errors.For("note", "Say which house rule the report breaks, for the record");
        }

        (Status, ModerationNote, ModeratedAt) = (publish ? IntelligenceStatus.Published : IntelligenceStatus.Rejected, note?.Trim(), now);
        return this;
    }
}
