using Placeshaper.Organisations;

namespace Placeshaper.Contracts;

/// <summary>
/// What happens if the provider fails or the contract ends: how the service continues, how data and assets come back,
/// what TUPE means for the staff, who else could provide it, and who owns the plan. One per contract, reviewed at least
/// every <see cref="DefaultReviewMonths"/> months; an overdue review is a contract reminder.
/// </summary>
public sealed class ExitPlan : IOrganisationOwned
{
    public const int MaxText = 4000;
    public const int MaxOwner = 200;

    /// <summary>The next review is due a year after the last unless people say otherwise.</summary>
    public const int DefaultReviewMonths = 12;

    private ExitPlan()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public string Continuity { get; private set; } = "";

    public string DataAndAssets { get; private set; } = "";

    public string Tupe { get; private set; } = "";

    public string AlternativeProviders { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public DateOnly LastReviewedOn { get; private set; }

    public DateOnly NextReviewDue { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public sealed record Input(string? Continuity, string? DataAndAssets, string? Tupe, string? AlternativeProviders, string? Owner, DateOnly? LastReviewedOn, DateOnly? NextReviewDue);

    public bool OverdueOn(DateOnly today) => NextReviewDue < today;

    public static Result<ExitPlan> Create(Contract contract, Input input, DateTime now)
    {
        var plan = new ExitPlan { Id = Guid.CreateVersion7(now), OrganisationId = contract.OrganisationId, ContractId = contract.Id };
        return plan.Change(input, now) is { } errors ? errors : plan;
    }

    public Errors? Change(Input input, DateTime now)
    {
        var errors = new Errors();
        Text(errors, "continuity", input.Continuity, MaxText, true, "Say how the service continues if the provider fails or the contract ends");
        Text(errors, "dataAndAssets", input.DataAndAssets, MaxText, true, "Say how data and assets come back");
        Text(errors, "tupe", input.Tupe, MaxText, false, "");
        Text(errors, "alternativeProviders", input.AlternativeProviders, MaxText, false, "");
        Text(errors, "owner", input.Owner, MaxOwner, true, "Name who owns the plan");
        if (input.LastReviewedOn is null)
        {
            errors.Add("lastReviewedOn", "Enter the date the plan was last reviewed");
        }
        else if (input.LastReviewedOn > now.UkDate())
        {
            errors.Add("lastReviewedOn", "The last review cannot be in the future");
        }

        if (input.NextReviewDue is { } next && input.LastReviewedOn is { } last && next <= last)
        {
            errors.Add("nextReviewDue", "The next review is due after the last");
        }

        if (errors.Any)
        {
            return errors;
        }

        Continuity = input.Continuity!.Trim();
        DataAndAssets = input.DataAndAssets!.Trim();
        Tupe = input.Tupe?.Trim() ?? "";
        AlternativeProviders = input.AlternativeProviders?.Trim() ?? "";
        Owner = input.Owner!.Trim();
        LastReviewedOn = input.LastReviewedOn!.Value;
        NextReviewDue = input.NextReviewDue ?? LastReviewedOn.AddMonths(DefaultReviewMonths);
        UpdatedAt = now;
        return null;
    }

    private static void Text(Errors errors, string field, string? value, int max, bool required, string missing)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing + $", up to {max:N0} characters");
        }
        else if (value?.Trim().Length > max)
        {
            errors.Add(field, $"Up to {max:N0} characters");
        }
    }
}
