using Placeshaper.Organisations;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts;

/// <summary>Where a contract stands. Only Active and Terminated are recorded; Expired is worked out from the current expiry date.</summary>
public enum ContractStatus
{
    Active = 1,

    /// <summary>Past its current expiry date (worked out, never recorded).</summary>
    Expired = 2,

    /// <summary>Ended early: by a break clause, by agreement or for breach.</summary>
    Terminated = 3,
}

/// <summary>What a party other than the supplier does in the contract.</summary>
public enum PartyRole
{
    ConsortiumMember = 1,
    KeySubcontractor = 2,
}

/// <summary>
/// A contract in an organisation's contracts register: who delivers what, for how much, from when to when, with the
/// options to extend and break it, and what it was bought through (programme, outcomes, specification, tender, award).
/// The dates people must act on (the decision to extend, break-clause notice, review, expiry) are worked out from the
/// terms, so that nothing due is forgotten. Contracts come from an award, from the forms and API, or from an imported
/// Transparency Code contracts register, which may not know every value or date.
/// </summary>
public sealed partial class Contract : IOrganisationOwned
{
    public const int MaxReference = 100;
    public const int MaxTitle = 300;
    public const int MaxDescription = 4000;
    public const int MaxName = 300;
    public const int MaxShortText = 200;
    public const int MaxExtensions = Specification.MaxExtensions;
    public const int MaxBreakClauses = 10;
    public const int MaxParties = 50;
    public const int MaxKpis = Specification.MaxKpis;

    /// <summary>By default the decision to extend is due six months before the current expiry (issue 6).</summary>
    public const int DefaultExtensionDecisionMonths = 6;

    private readonly List<ContractExtension> extensions = [];
    private readonly List<ContractBreakClause> breakClauses = [];
    private readonly List<ContractParty> parties = [];
    private readonly List<ContractOutcome> outcomes = [];
    private readonly List<ContractKpi> kpis = [];

    private Contract()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The organisation's reference for the contract, unique within it.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>The reference as an imported register gave it ("" when it gave none); null for contracts not imported.</summary>
    public string? SourceReference { get; private set; }

    /// <summary>What identifies an imported row, so that importing the same register again adds nothing (see <see cref="ImportContracts"/>).</summary>
    public string? ImportKey { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The supplier in the provider register; null for an imported supplier not matched to it.</summary>
    public Guid? ProviderId { get; private set; }

    /// <summary>The supplier's name as recorded on the contract.</summary>
    public string SupplierName { get; private set; } = "";

    public string? SupplierPostcode { get; private set; }

    /// <summary>The supplier's company number as recorded (an imported register's own text, which may not be a Companies House number).</summary>
    public string? SupplierCompanyNumber { get; private set; }

    /// <summary>Whether the supplier is an SME as an imported register recorded it; used only when there is no provider to work it out from.</summary>
    public bool? RecordedSme { get; private set; }

    public decimal? TotalValue { get; private set; }

    public decimal? AnnualValue { get; private set; }

    public DateOnly? StartDate { get; private set; }

    /// <summary>The end of the initial term, before any extension.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>The procedure or process used to buy it, e.g. "Open procedure", "Mini-Comp", "CSO Exception".</summary>
    public string Procedure { get; private set; } = "";

    /// <summary>Whether it was advertised in OJEU or Find a Tender, when known.</summary>
    public bool? Advertised { get; private set; }

    public string Directorate { get; private set; } = "";

    /// <summary>Who bought it, when not the organisation itself (a framework or a neighbouring council).</summary>
    public string PurchasingBody { get; private set; } = "";

    /// <summary>The ProClass or CPV code, where supplied.</summary>
    public string ClassificationCode { get; private set; } = "";

    public string ClassificationDescription { get; private set; } = "";

    public Guid? ProgrammeId { get; private set; }

    public Guid? SpecificationId { get; private set; }

    public Guid? TenderId { get; private set; }

    public Guid? AwardDecisionId { get; private set; }

    public PaymentMechanism? PaymentMechanism { get; private set; }

    /// <summary>Active or Terminated as recorded; see <see cref="StatusOn"/> for Expired.</summary>
    public ContractStatus Status { get; private set; } = ContractStatus.Active;

    /// <summary>How many months before the current expiry the decision to extend is due.</summary>
    public int ExtensionDecisionMonths { get; private set; } = DefaultExtensionDecisionMonths;

    public DateOnly? ReviewDate { get; private set; }

    /// <summary>Why a contract over £5 million has fewer than three KPIs (Procurement Act 2023 s.52), when it has.</summary>
    public string KpiExemptionReason { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public IReadOnlyList<ContractExtension> Extensions => extensions;

    public IReadOnlyList<ContractBreakClause> BreakClauses => breakClauses;

    public IReadOnlyList<ContractParty> Parties => parties;

    public IReadOnlyList<ContractOutcome> Outcomes => outcomes;

    public IReadOnlyList<ContractKpi> Kpis => kpis;

    /// <summary>The end of the initial term plus every extension taken.</summary>
    public DateOnly? CurrentExpiry => EndDate?.AddMonths(extensions.Where(e => e.Taken).Sum(e => e.Months) + VariedMonths);

    /// <summary>When the decision to extend is due: only while an extension option is left.</summary>
    public DateOnly? ExtensionDecisionDue =>
        CurrentExpiry is { } expiry && extensions.Any(e => !e.Taken) ? expiry.AddMonths(-ExtensionDecisionMonths) : null;

    public ContractStatus StatusOn(DateOnly today) =>
        Status == ContractStatus.Terminated ? ContractStatus.Terminated
        : CurrentExpiry is { } expiry && expiry < today ? ContractStatus.Expired
        : ContractStatus.Active;

    public sealed record ExtensionInput(int? Months, bool Taken = false);

    public sealed record BreakClauseInput(DateOnly? On, int? NoticeMonths);

    public sealed record PartyInput(string? Name, PartyRole? Role);

    /// <summary>
    /// Everything about a contract that people set. <paramref name="Complete"/> is false only for rows of an imported
    /// register, which may lack values and dates; contracts made in Placeshaper need their value and term.
    /// </summary>
    public sealed record Details(
        string? Reference,
        string? Title,
        string? Description,
        Guid? ProviderId,
        string? SupplierName,
        string? SupplierPostcode,
        string? SupplierCompanyNumber,
        decimal? TotalValue,
        decimal? AnnualValue,
        DateOnly? StartDate,
        DateOnly? EndDate,
        IReadOnlyList<ExtensionInput?>? Extensions = null,
        IReadOnlyList<BreakClauseInput?>? BreakClauses = null,
        IReadOnlyList<PartyInput?>? Parties = null,
        string? Procedure = null,
        bool? Advertised = null,
        string? Directorate = null,
        string? PurchasingBody = null,
        string? ClassificationCode = null,
        string? ClassificationDescription = null,
        Guid? ProgrammeId = null,
        IReadOnlyList<Guid>? OutcomeIds = null,
        Guid? SpecificationId = null,
        Guid? TenderId = null,
        Guid? AwardDecisionId = null,
        PaymentMechanism? PaymentMechanism = null,
        ContractStatus? Status = null,
        int? ExtensionDecisionMonths = null,
        DateOnly? ReviewDate = null,
        string? KpiExemptionReason = null,
        bool? RecordedSme = null,
        bool Complete = true,
        ContractNature? Nature = null,
        string? ServiceCategory = null);

    /// <summary>What the details may link to: the organisation's own records, looked up by the use case.</summary>
    public sealed record Known(
        IReadOnlyDictionary<Guid, string> Providers,
        IReadOnlySet<Guid> Programmes,
        IReadOnlySet<Guid> Outcomes,
        IReadOnlySet<Guid> Specifications,
        IReadOnlySet<Guid> Tenders,
        IReadOnlySet<Guid> AwardDecisions)
    {
        public static readonly Known Nothing = new(new Dictionary<Guid, string>(), new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>());
    }

    public static Result<Contract> Create(Guid organisationId, Details details, Known known, DateTime now, string? sourceReference = null, string? importKey = null)
    {
        var contract = new Contract
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            SourceReference = sourceReference,
            ImportKey = importKey,
            CreatedAt = now,
        };
        return contract.Apply(details, known) is { } errors ? errors : contract;
    }

    /// <summary>Replaces what people set (a field left out is cleared); the KPIs are kept.</summary>
    public Errors? Change(Details details, Known known, DateTime now)
    {
        if (Apply(details, known) is { } errors)
        {
            return errors;
        }

        UpdatedAt = now;
        return null;
    }

    private Errors? Apply(Details d, Known known)
    {
        var errors = new Errors();
        Text(errors, "reference", d.Reference, MaxReference, required: true, "Enter the contract's reference");
        Text(errors, "title", d.Title, MaxTitle, required: true, "Enter the contract's title");
        Text(errors, "description", d.Description, MaxDescription, required: false, "");
        var providerName = "";
        if (d.ProviderId is { } providerId && !known.Providers.TryGetValue(providerId, out providerName!))
        {
            errors.Add("providerId", "Choose a provider from the organisation's provider register, or none");
        }

        if (string.IsNullOrWhiteSpace(d.SupplierName) && d.ProviderId is null)
        {
            errors.Add("supplierName", "Choose the supplier from the provider register or enter its name");
        }

        Text(errors, "supplierName", d.SupplierName, MaxName, required: false, "");
        Text(errors, "supplierPostcode", d.SupplierPostcode, 20, required: false, "");
        Text(errors, "supplierCompanyNumber", d.SupplierCompanyNumber, 50, required: false, "");
        Amount(errors, "totalValue", d.TotalValue, d.Complete, "Enter the total value in pounds, including any extensions");
        Amount(errors, "annualValue", d.AnnualValue, required: false, "");
        if (d.Complete && d.StartDate is null)
        {
            errors.Add("startDate", "Enter the date the contract starts");
        }

        if (d.Complete && d.EndDate is null)
        {
            errors.Add("endDate", "Enter the date the initial term ends, before any extension");
        }

        if (d.StartDate is { } start && d.EndDate is { } end && end < start)
        {
            errors.Add("endDate", "The end date must be on or after the start date");
        }

        var options = d.Extensions ?? [];
        if (options.Count > MaxExtensions)
        {
            errors.Add("extensions", $"Give up to {MaxExtensions} extension options");
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (options[i]?.Months is not { } months || months < 1 || months > Specification.MaxExtensionMonths)
            {
                errors.Add($"extensions[{i}].months", $"Enter each extension in months, from 1 to {Specification.MaxExtensionMonths}");
            }
            else if (options[i]!.Taken && i > 0 && options[i - 1] is { Taken: false })
            {
                errors.Add($"extensions[{i}].taken", $"Extension {i + 1} cannot be taken before extension {i}: options are taken in order");
            }
        }

        var breaks = d.BreakClauses ?? [];
        if (breaks.Count > MaxBreakClauses)
        {
            errors.Add("breakClauses", $"Give up to {MaxBreakClauses} break clauses");
        }

        for (var i = 0; i < breaks.Count; i++)
        {
            if (breaks[i]?.On is null)
            {
                errors.Add($"breakClauses[{i}].on", "Enter the date the contract can be broken");
            }

            if (breaks[i]?.NoticeMonths is not { } notice || notice < 0 || notice > 60)
            {
                errors.Add($"breakClauses[{i}].noticeMonths", "Enter the notice needed in months, from 0 to 60");
            }
        }

        var people = d.Parties ?? [];
        if (people.Count > MaxParties)
        {
            errors.Add("parties", $"Give up to {MaxParties} parties");
        }

        for (var i = 0; i < people.Count; i++)
        {
            Text(errors, $"parties[{i}].name", people[i]?.Name, MaxName, required: true, "Enter the party's name");
            if (people[i]?.Role is not { } role || !Enum.IsDefined(role))
            {
                errors.Add($"parties[{i}].role", "Say whether the party is a consortium member or a key subcontractor");
            }
        }

        Text(errors, "procedure", d.Procedure, MaxShortText, required: false, "");
        Text(errors, "directorate", d.Directorate, MaxShortText, required: false, "");
        Text(errors, "purchasingBody", d.PurchasingBody, MaxShortText, required: false, "");
        Text(errors, "classificationCode", d.ClassificationCode, 20, required: false, "");
        Text(errors, "classificationDescription", d.ClassificationDescription, MaxShortText, required: false, "");
        Link(errors, "programmeId", d.ProgrammeId, known.Programmes, "programme");
        Link(errors, "specificationId", d.SpecificationId, known.Specifications, "specification");
        Link(errors, "tenderId", d.TenderId, known.Tenders, "tender");
        Link(errors, "awardDecisionId", d.AwardDecisionId, known.AwardDecisions, "award decision");
        var outcomeIds = d.OutcomeIds ?? [];
        if (outcomeIds.Any(id => !known.Outcomes.Contains(id)))
        {
            errors.Add("outcomeIds", "Choose outcomes from the organisation's outcomes framework");
        }
        else if (outcomeIds.Distinct().Count() != outcomeIds.Count)
        {
            errors.Add("outcomeIds", "Each outcome can be chosen once");
        }

        if (d.PaymentMechanism is { } mechanism && !Enum.IsDefined(mechanism))
        {
            errors.Add("paymentMechanism", "Choose how the provider is paid");
        }

        if (d.Status is ContractStatus.Expired || d.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add("status", "Choose Active or Terminated: a contract is expired when its current expiry date has passed");
        }

        if (d.ExtensionDecisionMonths is { } decision && (decision < 0 || decision > 60))
        {
            errors.Add("extensionDecisionMonths", "Enter how many months before expiry the decision to extend is due, from 0 to 60");
        }

        Text(errors, "kpiExemptionReason", d.KpiExemptionReason, 2000, required: false, "");
        if (d.Nature is { } nature && !Enum.IsDefined(nature))
        {
            errors.Add("nature", "Choose goods, services or works");
        }

        var serviceCategory = CheckServiceCategory(errors, d.ServiceCategory);

        if (errors.Any)
        {
            return errors;
        }

        Reference = d.Reference!.Trim();
        Title = d.Title!.Trim();
        Description = d.Description?.Trim() ?? "";
        ProviderId = d.ProviderId;
        SupplierName = string.IsNullOrWhiteSpace(d.SupplierName) ? providerName : d.SupplierName.Trim();
        SupplierPostcode = Blank(d.SupplierPostcode);
        SupplierCompanyNumber = Blank(d.SupplierCompanyNumber);
        RecordedSme = d.RecordedSme;
        SetValue(d.TotalValue);
        AnnualValue = d.AnnualValue;
        StartDate = d.StartDate;
        EndDate = d.EndDate;
        Procedure = d.Procedure?.Trim() ?? "";
        Advertised = d.Advertised;
        Directorate = d.Directorate?.Trim() ?? "";
        PurchasingBody = d.PurchasingBody?.Trim() ?? "";
        ClassificationCode = d.ClassificationCode?.Trim() ?? "";
        ClassificationDescription = d.ClassificationDescription?.Trim() ?? "";
        ProgrammeId = d.ProgrammeId;
        SpecificationId = d.SpecificationId;
        TenderId = d.TenderId;
        AwardDecisionId = d.AwardDecisionId;
        PaymentMechanism = d.PaymentMechanism;
        // A recorded termination is final: a later edit cannot bring the contract back to life.
        Status = TerminatedOn is null ? d.Status ?? ContractStatus.Active : ContractStatus.Terminated;
        ExtensionDecisionMonths = d.ExtensionDecisionMonths ?? DefaultExtensionDecisionMonths;
        ReviewDate = d.ReviewDate;
        KpiExemptionReason = d.KpiExemptionReason?.Trim() ?? "";
        Nature = d.Nature ?? Nature;
        ServiceCategory = serviceCategory;
        extensions.Clear();
        extensions.AddRange(options.Select((o, i) => new ContractExtension(this, i + 1, o!.Months!.Value, o.Taken)));
        breakClauses.Clear();
        breakClauses.AddRange(breaks.Select((b, i) => new ContractBreakClause(this, i + 1, b!.On!.Value, b.NoticeMonths!.Value)));
        parties.Clear();
        parties.AddRange(people.Select((p, i) => new ContractParty(this, i + 1, p!.Name!.Trim(), p.Role!.Value)));
        outcomes.RemoveAll(o => !outcomeIds.Contains(o.OutcomeId));
        outcomes.AddRange(outcomeIds.Where(id => outcomes.All(o => o.OutcomeId != id)).Select(id => new ContractOutcome(this, id)));
        return null;
    }

    /// <summary>The details as they stand, for a form or a PUT that changes one thing.</summary>
    public Details ToDetails() => new(
        Reference, Title, Description, ProviderId, SupplierName, SupplierPostcode, SupplierCompanyNumber, TotalValue, AnnualValue, StartDate, EndDate,
        extensions.OrderBy(e => e.Number).Select(e => (ExtensionInput?)new ExtensionInput(e.Months, e.Taken)).ToList(),
        breakClauses.OrderBy(b => b.Number).Select(b => (BreakClauseInput?)new BreakClauseInput(b.On, b.NoticeMonths)).ToList(),
        parties.OrderBy(p => p.Number).Select(p => (PartyInput?)new PartyInput(p.Name, p.Role)).ToList(),
        Procedure, Advertised, Directorate, PurchasingBody, ClassificationCode, ClassificationDescription, ProgrammeId, outcomes.Select(o => o.OutcomeId).ToList(),
        SpecificationId, TenderId, AwardDecisionId, PaymentMechanism, Status, ExtensionDecisionMonths, ReviewDate, KpiExemptionReason, RecordedSme, Complete: false, Nature: Nature, ServiceCategory: ServiceCategory);

    /// <summary>Adds a KPI, checked as a specification's are.</summary>
    public Result<ContractKpi> AddKpi(ContractKpi.Input input, DateTime now)
    {
        if (kpis.Count >= MaxKpis)
        {
            return Errors.For("kpis", $"A contract can have up to {MaxKpis} KPIs");
        }

        if (ContractKpi.Check(input, "") is { } errors)
        {
            return errors;
        }

        var kpi = new ContractKpi(this, Guid.CreateVersion7(now), kpis.Count == 0 ? 1 : kpis.Max(k => k.Number) + 1, input);
        kpis.Add(kpi);
        UpdatedAt = now;
        return kpi;
    }

    public Errors? ChangeKpi(Guid kpiId, ContractKpi.Input input, DateTime now)
    {
        var kpi = kpis.Single(k => k.Id == kpiId);
        if (ContractKpi.Check(input, "") is { } errors)
        {
            return errors;
        }

        kpi.Set(input);
        UpdatedAt = now;
        return null;
    }

    public bool RemoveKpi(Guid kpiId, DateTime now)
    {
        if (kpis.RemoveAll(k => k.Id == kpiId) == 0)
        {
            return false;
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>Copies a specification's KPIs onto the contract (when it is made from an award), each as it was specified.</summary>
    public void CopyKpis(Specification specification, DateTime now)
    {
        foreach (var kpi in specification.Kpis.OrderBy(k => k.Number))
        {
            kpis.Add(new ContractKpi(this, Guid.CreateVersion7(now), kpis.Count + 1,
                new ContractKpi.Input(kpi.Definition, kpi.Unit, kpi.Polarity, kpi.Target, kpi.Minimum, kpi.Frequency, kpi.DataSource)));
        }
    }

    /// <summary>
    /// Procurement Act 2023 s.52: a public contract with an estimated value over £5 million must have at least three
    /// KPIs, unless the authority considers that performance could not appropriately be assessed by KPIs; that
    /// reason, when recorded, removes the warning. A warning, not a refusal: contracts are recorded as they are.
    /// </summary>
    public IReadOnlyList<string> Warnings() =>
        TotalValue > Specification.KpiThreshold && kpis.Count < Specification.KpisOverThreshold && KpiExemptionReason.Length == 0
            ? [$"The contract is worth {Money.Format(TotalValue.Value)}, over £5 million, so the Procurement Act 2023 (s.52) requires at least {Specification.KpisOverThreshold} KPIs unless the reason they cannot appropriately assess performance is recorded; this contract has {kpis.Count}."]
            : [];

    /// <summary>
    /// The dates someone must act on: the review, the decision to extend (while an option is left), the last day to
    /// give notice under each break clause, and the current expiry.
    /// </summary>
    public IReadOnlyList<KeyDate> KeyDates()
    {
        var dates = new List<KeyDate>();
        if (ReviewDate is { } review)
        {
            dates.Add(new KeyDate(KeyDateKind.Review, review, "Review the contract"));
        }

        if (ExtensionDecisionDue is { } due)
        {
            var next = extensions.OrderBy(e => e.Number).First(e => !e.Taken);
            dates.Add(new KeyDate(KeyDateKind.ExtensionDecision, due, $"Decide whether to take extension {next.Number} ({next.Months} months), {ExtensionDecisionMonths} months before expiry"));
        }

        foreach (var clause in breakClauses.OrderBy(b => b.Number))
        {
            dates.Add(new KeyDate(KeyDateKind.BreakNotice, clause.NoticeBy, $"Last day to give {clause.NoticeMonths} months' notice to break the contract on {clause.On:d MMMM yyyy}"));
        }

        if (CurrentExpiry is { } expiry)
        {
            dates.Add(new KeyDate(KeyDateKind.Expiry, expiry, "The contract expires"));
        }

        return dates.OrderBy(d => d.On).ToList();
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

    private static void Amount(Errors errors, string field, decimal? value, bool required, string missing)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, missing);
            }
        }
        else if (value < 0 || decimal.Round(value.Value, 2) != value || value > Providers.ProviderDetails.MaxAmount)
        {
            errors.Add(field, "Enter an amount in pounds and pence, not negative, under £1 trillion");
        }
    }

    private static void Link(Errors errors, string field, Guid? id, IReadOnlySet<Guid> known, string what)
    {
        if (id is { } value && !known.Contains(value))
        {
            errors.Add(field, $"Choose one of the organisation's {what}s, or none");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public enum KeyDateKind
{
    Review = 1,
    ExtensionDecision = 2,
    BreakNotice = 3,
    Expiry = 4,

    /// <summary>The exit and continuity plan's next review.</summary>
    ExitPlanReview = 5,

    /// <summary>The KPI assessment due when the contract ends (Procurement Act 2023 s.71(2)), not yet published.</summary>
    TerminationAssessment = 6,
}

/// <summary>A date someone must act on, and what to do.</summary>
public sealed record KeyDate(KeyDateKind Kind, DateOnly On, string What);
