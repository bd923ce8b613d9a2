using System.Text.Json;
using Placeshaper.Organisations;

namespace Placeshaper.Providers;

public enum RegistrationStatus
{
    /// <summary>Waiting for an officer: the person can sign in but acts for no provider yet.</summary>
    Pending = 1,

    /// <summary>Linked to a provider in the register; the person is one of its users.</summary>
    Approved = 2,

    /// <summary>Refused, with the reason the person is shown.</summary>
    Rejected = 3,
}

/// <summary>
/// A supplier's request to use an organisation's supplier portal: who is asking, and the business they say they act
/// for. An officer approves it by linking it to a provider in the register (an existing one, or a new one made from
/// the details given) or rejects it with a reason. Nobody acts for a provider on their own say-so, because that would
/// let anyone bid in another supplier's name.
/// </summary>
public sealed class SupplierRegistration : IOrganisationOwned
{
    public const int MaxName = 200;

    public const int MaxReason = 2000;

    private SupplierRegistration()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The account of the person asking: made when they registered, or theirs already.</summary>
    public Guid PersonId { get; private set; }

    public string ContactName { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The business's name as given, for lists.</summary>
    public string SupplierName { get; private set; } = "";

    /// <summary>The business's details as given and checked, as JSON: the register entry an approval would make.</summary>
    public string DetailsJson { get; private set; } = "{}";

    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Pending;

    public DateTime SubmittedAt { get; private set; }

    public Guid? ProviderId { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public ValidProviderDetails Details => JsonSerializer.Deserialize<ValidProviderDetails>(DetailsJson)!;

    public static Result<SupplierRegistration> Submit(Guid organisationId, Guid personId, string email, string? contactName, ValidProviderDetails details, DateTime now)
    {
        var name = contactName?.Trim() ?? "";
        if (name.Length is 0 or > MaxName)
        {
            return Errors.For("contactName", $"Enter your name, up to {MaxName} characters");
        }

        return new SupplierRegistration
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            PersonId = personId,
            ContactName = name,
            Email = email,
            SupplierName = details.Name,
            DetailsJson = JsonSerializer.Serialize(details),
            SubmittedAt = now,
        };
    }

    public Errors? Approve(Guid providerId, Guid personId, DateTime now)
    {
        if (Status != RegistrationStatus.Pending)
        {
            return Errors.For("status", $"This registration was already {Status.ToString().ToLowerInvariant()}");
        }

        Status = RegistrationStatus.Approved;
        ProviderId = providerId;
        DecidedBy = personId;
        DecidedAt = now;
        return null;
    }

    public Errors? Reject(string? reason, Guid personId, DateTime now)
    {
        if (Status != RegistrationStatus.Pending)
        {
            return Errors.For("status", $"This registration was already {Status.ToString().ToLowerInvariant()}");
        }

        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > MaxReason)
        {
            return Errors.For("reason", $"Say why, up to {MaxReason:N0} characters: the supplier is shown it");
        }

        Status = RegistrationStatus.Rejected;
        Reason = text;
        DecidedBy = personId;
        DecidedAt = now;
        return null;
    }
}
