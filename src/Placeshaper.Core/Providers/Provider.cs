using Placeshaper.Organisations;

namespace Placeshaper.Providers;

/// <summary>What a person or a file says about a provider, before it is checked.</summary>
public sealed record ProviderDetails(
    string? Name,
    LegalForm? LegalForm,
    string? CompanyNumber = null,
    string? CharityNumber = null,
    string? VatNumber = null,
    string? RegisteredPostcode = null,
    string? TradingPostcode = null,
    int? Staff = null,
    decimal? Turnover = null,
    decimal? BalanceSheetTotal = null,
    bool? IsVcse = null,
    bool IsConsortium = false,
    IReadOnlyList<string>? SicCodes = null)
{
    public const int MaxName = 300;
    public const int MaxSicCodes = 4;
    public const int MaxStaff = 10_000_000;
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>
    /// Checks every field and writes the numbers and postcodes in their normal form (<see cref="ProviderNumbers"/>).
    /// Errors are keyed by the field's name in the API (camel case). VCSE left unsaid is suggested by the legal form.
    /// </summary>
    public Result<ValidProviderDetails> Check()
    {
        var errors = new Errors();
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName)
        {
            errors.Add("name", $"Enter the provider's name, up to {MaxName} characters");
        }

        if (LegalForm is null)
        {
            errors.Add("legalForm", "Choose the provider's legal form");
        }

        var company = Optional(errors, "companyNumber", CompanyNumber, ProviderNumbers.CompanyNumber);
        var charity = Optional(errors, "charityNumber", CharityNumber, ProviderNumbers.CharityNumber);
        var vat = Optional(errors, "vatNumber", VatNumber, ProviderNumbers.VatNumber);
        var registered = Optional(errors, "registeredPostcode", RegisteredPostcode, ProviderNumbers.Postcode);
        var trading = Optional(errors, "tradingPostcode", TradingPostcode, ProviderNumbers.Postcode);
        if (Staff is < 0 or > MaxStaff)
        {
            errors.Add("staff", "Enter the number of staff as a whole number, 0 or more");
        }

        CheckAmount(errors, "turnover", "turnover", Turnover);
        CheckAmount(errors, "balanceSheetTotal", "balance sheet total", BalanceSheetTotal);
        var sic = new List<string>();
        foreach (var text in SicCodes ?? [])
        {
            var (code, problem) = ProviderNumbers.SicCode(text);
            if (problem is not null)
            {
                errors.Add("sicCodes", problem);
            }
            else if (!sic.Contains(code!))
            {
                sic.Add(code!);
            }
        }

        if (sic.Count > MaxSicCodes)
        {
            errors.Add("sicCodes", $"Enter at most {MaxSicCodes} SIC codes, as Companies House lists them");
        }

        return errors.Any
            ? errors
            : new ValidProviderDetails(name, LegalForm!.Value, company, charity, vat, registered, trading, Staff, Turnover, BalanceSheetTotal, IsVcse ?? LegalForm.Value.SuggestsVcse(), IsConsortium, sic);
    }

    private static string? Optional(Errors errors, string field, string? text, Func<string?, (string? Value, string? Problem)> normalise)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var (value, problem) = normalise(text);
        if (problem is not null)
        {
            errors.Add(field, problem);
        }

        return value;
    }

    private static void CheckAmount(Errors errors, string field, string what, decimal? amount)
    {
        if (amount is { } value && (value < 0 || value > MaxAmount || decimal.Round(value, 2) != value))
        {
            errors.Add(field, $"Enter the {what} in pounds and pence, £0 or more, like 1,250,000");
        }
    }
}

/// <summary>Provider details that passed <see cref="ProviderDetails.Check"/>, in normal form.</summary>
public sealed record ValidProviderDetails(
    string Name,
    LegalForm LegalForm,
    string? CompanyNumber,
    string? CharityNumber,
    string? VatNumber,
    string? RegisteredPostcode,
    string? TradingPostcode,
    int? Staff,
    decimal? Turnover,
    decimal? BalanceSheetTotal,
    bool IsVcse,
    bool IsConsortium,
    IReadOnlyList<string> SicCodes)
{
    public ProviderDuplicates.Identity Identity(Guid? id) => new(id, Name, NameNormaliser.Normalise(Name), CompanyNumber, CharityNumber, VatNumber);
}

/// <summary>
/// A supplier in an organisation's provider register: a company, charity, social enterprise, public body or person
/// that delivers, or could deliver, services. Its size and whether it is local are worked out from what is held here
/// (<see cref="Size"/>, <see cref="ProviderLocality"/>); whether it is a voluntary, community or social enterprise is
/// for a person to say. A provider may be a consortium of other providers, one of them the lead. Provider users act
/// for one provider through their membership.
/// </summary>
public sealed class Provider : IOrganisationOwned
{
    private readonly List<ConsortiumMember> members = [];

    private Provider()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The name by <see cref="NameNormaliser"/>, kept for finding duplicates and matching suppliers in spend files.</summary>
    public string NormalisedName { get; private set; } = "";

    /// <summary>Empty only for providers registered before the register recorded legal forms.</summary>
    public LegalForm? LegalForm { get; private set; }

    public string? CompanyNumber { get; private set; }

    public string? CharityNumber { get; private set; }

    public string? VatNumber { get; private set; }

    public string? RegisteredPostcode { get; private set; }

    public string? TradingPostcode { get; private set; }

    /// <summary>Staff (headcount as the provider gives it), for the size tests.</summary>
    public int? Staff { get; private set; }

    /// <summary>Annual turnover in pounds.</summary>
    public decimal? Turnover { get; private set; }

    /// <summary>Balance sheet total in pounds: the total of its assets, as Companies Act 2006 s.382(5) defines it.</summary>
    public decimal? BalanceSheetTotal { get; private set; }

    /// <summary>A voluntary, community or social enterprise, as a person judged it.</summary>
    public bool IsVcse { get; private set; }

    public bool IsConsortium { get; private set; }

    /// <summary>SIC 2007 codes, comma-separated, as Companies House lists them (at most four).</summary>
    public string SicCodesStored { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public IReadOnlyList<string> SicCodes => SicCodesStored.Length == 0 ? [] : SicCodesStored.Split(',');

    /// <summary>The consortium's members, when it is one.</summary>
    public IReadOnlyList<ConsortiumMember> Members => members;

    public ProviderSize Size => ProviderSize.Classify(Staff, Turnover, BalanceSheetTotal);

    public ProviderDuplicates.Identity Identity => new(Id, Name, NameNormaliser.Normalise(Name), CompanyNumber, CharityNumber, VatNumber);

    public static Provider Register(Guid organisationId, ValidProviderDetails details, DateTime now)
    {
        var provider = new Provider { Id = Guid.CreateVersion7(now), OrganisationId = organisationId, CreatedAt = now };
        provider.Apply(details);
        return provider;
    }

    /// <summary>Replaces everything held about the provider; says whether anything changed.</summary>
    public Result<bool> Change(ValidProviderDetails details, DateTime now)
    {
        if (!details.IsConsortium && members.Count > 0)
        {
            return Errors.For("isConsortium", $"{Name} has {members.Count} consortium member{(members.Count == 1 ? "" : "s")}: remove them before saying it is not a consortium");
        }

        var before = Snapshot();
        Apply(details);
        if (Snapshot() == before)
        {
            return false;
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Adds a member to this consortium, or changes whether it leads. There is at most one lead: naming a new lead
    /// takes the role from the old. Consortia do not nest.
    /// </summary>
    public Result<ConsortiumMember> SetMember(Provider member, bool isLead, DateTime now)
    {
        var errors = new Errors();
        if (!IsConsortium)
        {
            errors.Add("memberId", $"{Name} is not a consortium: say that it is one before adding members");
        }
        else if (member.Id == Id)
        {
            errors.Add("memberId", "A consortium cannot be a member of itself");
        }
        else if (member.OrganisationId != OrganisationId)
        {
            errors.Add("memberId", "The member must be in the same provider register");
        }
        else if (member.IsConsortium)
        {
            errors.Add("memberId", $"{member.Name} is a consortium itself: add its members instead");
        }

        if (errors.Any)
        {
            return errors;
        }

        if (isLead)
        {
            foreach (var other in members.Where(m => m.MemberId != member.Id))
            {
                other.IsLead = false;
            }
        }

        var membership = members.FirstOrDefault(m => m.MemberId == member.Id);
        if (membership is null)
        {
            membership = new ConsortiumMember(Id, member.Id, isLead, now);
            members.Add(membership);
        }

        membership.IsLead = isLead;
        return membership;
    }

    /// <summary>Takes a member out of this consortium; false when it was not one.</summary>
    public bool RemoveMember(Guid memberId) => members.RemoveAll(m => m.MemberId == memberId) > 0;

    private void Apply(ValidProviderDetails details)
    {
        Name = details.Name;
        NormalisedName = NameNormaliser.Normalise(details.Name);
        LegalForm = details.LegalForm;
        CompanyNumber = details.CompanyNumber;
        CharityNumber = details.CharityNumber;
        VatNumber = details.VatNumber;
        RegisteredPostcode = details.RegisteredPostcode;
        TradingPostcode = details.TradingPostcode;
        Staff = details.Staff;
        Turnover = details.Turnover;
        BalanceSheetTotal = details.BalanceSheetTotal;
        IsVcse = details.IsVcse;
        IsConsortium = details.IsConsortium;
        SicCodesStored = string.Join(',', details.SicCodes);
    }

    /// <summary>What is held, as the details it would be given as: the starting point for a change of part of it.</summary>
    public ProviderDetails Details => new(
        Name, LegalForm, CompanyNumber, CharityNumber, VatNumber, RegisteredPostcode, TradingPostcode, Staff, Turnover, BalanceSheetTotal, IsVcse, IsConsortium, SicCodes);

    private State Snapshot() => new(Name, LegalForm, CompanyNumber, CharityNumber, VatNumber, RegisteredPostcode, TradingPostcode, Staff, Turnover, BalanceSheetTotal, IsVcse, IsConsortium, SicCodesStored);

    /// <summary>Everything held, compared by value (so £1,000.00 and £1,000 are the same amount).</summary>
    private sealed record State(
        string Name, LegalForm? LegalForm, string? CompanyNumber, string? CharityNumber, string? VatNumber, string? RegisteredPostcode, string? TradingPostcode,
        int? Staff, decimal? Turnover, decimal? BalanceSheetTotal, bool IsVcse, bool IsConsortium, string SicCodes);
}

/// <summary>A provider's place in a consortium: one row per member, the lead marked.</summary>
public sealed class ConsortiumMember
{
    private ConsortiumMember()
    {
    }

    internal ConsortiumMember(Guid consortiumId, Guid memberId, bool isLead, DateTime now) =>
        (ConsortiumId, MemberId, IsLead, AddedAt) = (consortiumId, memberId, isLead, now);

    public Guid ConsortiumId { get; private set; }

    public Guid MemberId { get; private set; }

    public bool IsLead { get; internal set; }

    public DateTime AddedAt { get; private set; }
}
