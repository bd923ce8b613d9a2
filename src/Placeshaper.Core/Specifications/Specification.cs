using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Specifications;

/// <summary>
/// How the provider is paid. Defined here, where the specification chooses it, for the contracts issue to reuse when it
/// works the payments out.
/// </summary>
public enum PaymentMechanism
{
    /// <summary>A fixed price or block contract: the same sum whatever the volume.</summary>
    FixedPrice = 1,

    /// <summary>A price for an agreed volume, with a rate for activity above or below it.</summary>
    CostAndVolume = 2,

    /// <summary>Part of the price (the outcome share) is paid only for outcomes achieved.</summary>
    PaymentByResults = 3,

    /// <summary>Investors fund the service and the commissioner repays them for outcomes achieved.</summary>
    SocialImpactBond = 4,

    /// <summary>The provider recovers its investment, then shares the savings it makes.</summary>
    GainShare = 5,
}

public enum KpiFrequency
{
    Monthly = 1,
    Quarterly = 2,
    Yearly = 3,
}

public enum SpecificationStatus
{
    Draft = 1,
    Agreed = 2,
}

/// <summary>
/// An outcome-based specification: what the service is for in residents' terms, the outcomes it serves, how
/// performance will be measured, how long the contract runs, how it is divided for small providers to bid, and how the
/// provider is paid. Agreeing it is an audited decision that fixes it, because tenders and contracts rely on it.
/// </summary>
public sealed class Specification : IOrganisationOwned
{
    public const int MaxKpis = 50;
    public const int MaxExtensions = 10;
    public const int MaxContractMonths = 360;
    public const int MaxExtensionMonths = 120;

    /// <summary>Procurement Act 2023 s.52: at least three KPIs for a public contract with an estimated value over £5 million.</summary>
    public const decimal KpiThreshold = 5_000_000m;
    public const int KpisOverThreshold = 3;

    private readonly List<SpecificationOutcome> outcomes = [];
    private readonly List<SpecificationKpi> kpis = [];
    private readonly List<SpecificationExtension> extensions = [];
    private readonly List<SpecificationLot> lots = [];

    private Specification()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What the service is for, in the words residents would use.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>The initial term in months, before any extension; null until set.</summary>
    public int? ContractMonths { get; private set; }

    /// <summary>Why the contract is not divided into lots small providers could bid for, when it is not.</summary>
    public string NoLotsReason { get; private set; } = "";

    public PaymentMechanism? PaymentMechanism { get; private set; }

    /// <summary>For payment by results: the percentage of the price paid only for outcomes achieved.</summary>
    public decimal? OutcomeSharePercent { get; private set; }

    /// <summary>Whether deductions (service credits) are made when KPIs are missed.</summary>
    public bool ServiceCredits { get; private set; }

    public SpecificationStatus Status { get; private set; } = SpecificationStatus.Draft;

    public DateTime CreatedAt { get; private set; }

    public DateTime? AgreedAt { get; private set; }

    public Guid? AgreedBy { get; private set; }

    public IReadOnlyList<SpecificationOutcome> Outcomes => outcomes;

    public IReadOnlyList<SpecificationKpi> Kpis => kpis;

    public IReadOnlyList<SpecificationExtension> Extensions => extensions;

    public IReadOnlyList<SpecificationLot> Lots => lots;

    public bool IsAgreed => Status == SpecificationStatus.Agreed;

    /// <summary>The longest the contract can run: the initial term and every extension option taken.</summary>
    public int? TotalMonths => ContractMonths is { } months ? months + extensions.Sum(e => e.Months) : null;

    public sealed record KpiInput(
        string? Definition, string? Unit, Polarity? Polarity, decimal? Target, decimal? Minimum, KpiFrequency? Frequency, string? DataSource, Guid? MeasureId = null);

    public sealed record LotInput(string? Title, decimal? SharePercent);

    public static Result<Specification> Start(Programme programme, string? title, string? purpose, IReadOnlyList<Guid>? outcomeIds, IReadOnlySet<Guid> knownOutcomes, DateTime now)
    {
        var specification = new Specification
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = programme.OrganisationId,
            ProgrammeId = programme.Id,
            CreatedAt = now,
        };
        return specification.Describe(title, purpose, outcomeIds, knownOutcomes) is { } errors ? errors : specification;
    }

    /// <summary>The title, purpose and outcomes. An outcome-based specification needs at least one outcome from the framework.</summary>
    public Errors? Describe(string? title, string? purpose, IReadOnlyList<Guid>? outcomeIds, IReadOnlySet<Guid> knownOutcomes)
    {
        var errors = Unagreed();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            errors.Add("title", "Enter the specification's title, up to 300 characters");
        }

        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > 4000)
        {
            errors.Add("purpose", "Say what the service is for, in residents' words, up to 4,000 characters");
        }

        var ids = outcomeIds ?? [];
        if (ids.Count == 0)
        {
            errors.Add("outcomeIds", "Choose at least one outcome from the outcomes framework: an outcome-based specification starts from the outcomes");
        }
        else if (ids.Any(id => !knownOutcomes.Contains(id)))
        {
            errors.Add("outcomeIds", "Choose outcomes from the organisation's active outcomes framework");
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("outcomeIds", "Each outcome can be chosen once");
        }

        if (errors.Any)
        {
            return errors;
        }

        Title = title!.Trim();
        Purpose = purpose!.Trim();
        outcomes.RemoveAll(o => !ids.Contains(o.OutcomeId));
        foreach (var id in ids.Where(id => outcomes.All(o => o.OutcomeId != id)))
        {
            outcomes.Add(new SpecificationOutcome(this, id));
        }

        return null;
    }

    /// <summary>
    /// The KPIs, each with a target and a minimum acceptable level on the right side of it: below the target when
    /// higher is better, above it when lower is better. <paramref name="measureOutcomes"/> maps each active measure
    /// to its outcome; a KPI's measure must belong to one of the specification's outcomes.
    /// </summary>
    public Errors? SetKpis(IReadOnlyList<KpiInput?> inputs, IReadOnlyDictionary<Guid, Guid> measureOutcomes, DateTime now)
    {
        var errors = Unagreed();
        if (inputs.Count > MaxKpis)
        {
            errors.Add("kpis", $"A specification can have up to {MaxKpis} KPIs");
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"kpis[{i}]";
            if (inputs[i] is not { } input)
            {
                errors.Add(field, "Give the KPI's definition, unit, target, minimum, frequency and data source");
                continue;
            }

            if (string.IsNullOrWhiteSpace(input.Definition) || input.Definition.Trim().Length > 1000)
            {
                errors.Add($"{field}.definition", "Define what the KPI measures, up to 1,000 characters");
            }

            if (string.IsNullOrWhiteSpace(input.Unit) || input.Unit.Trim().Length > 50)
            {
                errors.Add($"{field}.unit", "Give the unit, like % or visits, up to 50 characters");
            }

            if (input.Polarity is not (Polarity.HigherIsBetter or Polarity.LowerIsBetter))
            {
                errors.Add($"{field}.polarity", "Say whether higher or lower is better");
            }

            if (input.Target is not { } target || !Figure(target))
            {
                errors.Add($"{field}.target", "Enter the target, a number with up to 4 decimal places");
            }

            if (input.Minimum is not { } minimum || !Figure(minimum))
            {
                errors.Add($"{field}.minimum", "Enter the minimum acceptable level, a number with up to 4 decimal places");
            }
            else if (input.Target is { } t && Figure(t) && input.Polarity == Polarity.HigherIsBetter && minimum > t)
            {
                errors.Add($"{field}.minimum", "Higher is better, so the minimum acceptable level cannot be above the target");
            }
            else if (input.Target is { } t2 && Figure(t2) && input.Polarity == Polarity.LowerIsBetter && minimum < t2)
            {
                errors.Add($"{field}.minimum", "Lower is better, so the minimum acceptable level cannot be below the target");
            }

            if (input.Frequency is null || !Enum.IsDefined(input.Frequency.Value))
            {
                errors.Add($"{field}.frequency", "Choose how often it is reported: monthly, quarterly or yearly");
            }

            if (string.IsNullOrWhiteSpace(input.DataSource) || input.DataSource.Trim().Length > 500)
            {
                errors.Add($"{field}.dataSource", "Say where the data comes from, up to 500 characters");
            }

            if (input.MeasureId is { } measure
                && (!measureOutcomes.TryGetValue(measure, out var outcome) || outcomes.All(o => o.OutcomeId != outcome)))
            {
                errors.Add($"{field}.measureId", "Choose an active measure of one of the specification's outcomes, or none");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        kpis.Clear();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i]!;
            kpis.Add(new SpecificationKpi(
                this, Guid.CreateVersion7(now), i + 1, input.Definition!.Trim(), input.Unit!.Trim(), input.Polarity!.Value, input.Target!.Value, input.Minimum!.Value,
                input.Frequency!.Value, input.DataSource!.Trim(), input.MeasureId));
        }

        return null;
    }

    /// <summary>The initial term and the extension options, e.g. 60 months and two extensions of 12.</summary>
    public Errors? SetTerm(int? contractMonths, IReadOnlyList<int>? extensionMonths)
    {
        var errors = Unagreed();
        if (contractMonths is not { } months || months < 1 || months > MaxContractMonths)
        {
            errors.Add("contractMonths", $"Enter the contract length in months, from 1 to {MaxContractMonths}");
        }

        var options = extensionMonths ?? [];
        if (options.Count > MaxExtensions)
        {
            errors.Add("extensions", $"Give up to {MaxExtensions} extension options");
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] < 1 || options[i] > MaxExtensionMonths)
            {
                errors.Add($"extensions[{i}]", $"Enter each extension in months, from 1 to {MaxExtensionMonths}");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        ContractMonths = contractMonths;
        extensions.Clear();
        for (var i = 0; i < options.Count; i++)
        {
            extensions.Add(new SpecificationExtension(this, i + 1, options[i]));
        }

        return null;
    }

    /// <summary>
    /// Lots small providers can bid for, each a share of the contract's value, or the reason for one contract: the
    /// same rule tenders apply (never one lot: that is the whole contract).
    /// </summary>
    public Errors? SetLots(IReadOnlyList<LotInput?> inputs, string? noLotsReason, DateTime now)
    {
        var errors = Unagreed();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(inputs[i]?.Title) || inputs[i]!.Title!.Trim().Length > 300)
            {
                errors.Add($"lots[{i}].title", "Give the lot a title, up to 300 characters");
            }

            if (inputs[i]?.SharePercent is not { } share || share <= 0 || share >= 100 || decimal.Round(share, 2) != share)
            {
                errors.Add($"lots[{i}].sharePercent", "Enter the lot's share of the contract's value, a percentage above 0 and below 100, to at most 2 decimal places");
            }
        }

        if (inputs.Count == 1)
        {
            errors.Add("lots", "One lot is the whole contract: add at least two lots, or none and say why");
        }

        if (inputs.Count == 0 && string.IsNullOrWhiteSpace(noLotsReason))
        {
            errors.Add("noLotsReason", "Say why the contract is not divided into lots that small providers could bid for");
        }

        if (inputs.Count > 1 && !errors.Any && inputs.Sum(l => l!.SharePercent!.Value) != 100)
        {
            errors.Add("lots", $"The lots' shares add up to {inputs.Sum(l => l!.SharePercent!.Value):0.##}%, not 100%");
        }

        if (noLotsReason?.Length > 2000)
        {
            errors.Add("noLotsReason", "The reason can be up to 2,000 characters");
        }

        if (errors.Any)
        {
            return errors;
        }

        lots.Clear();
        for (var i = 0; i < inputs.Count; i++)
        {
            lots.Add(new SpecificationLot(this, Guid.CreateVersion7(now), i + 1, inputs[i]!.Title!.Trim(), inputs[i]!.SharePercent!.Value));
        }

        NoLotsReason = inputs.Count == 0 ? noLotsReason!.Trim() : "";
        return null;
    }

    /// <summary>
    /// The payment mechanism. Payment by results needs its outcome share (the percentage paid only for outcomes); the
    /// other mechanisms have none, so a share given with them is not kept.
    /// </summary>
    public Errors? ChoosePayment(PaymentMechanism? mechanism, decimal? outcomeSharePercent, bool serviceCredits)
    {
        var errors = Unagreed();
        if (mechanism is null || !Enum.IsDefined(mechanism.Value))
        {
            errors.Add("paymentMechanism", "Choose how the provider will be paid");
        }
        else if (mechanism == Specifications.PaymentMechanism.PaymentByResults
            && (outcomeSharePercent is not { } share || share <= 0 || share > 100 || decimal.Round(share, 2) != share))
        {
            errors.Add("outcomeShare", "Enter the share of the price paid for outcomes, a percentage above 0 and up to 100");
        }

        if (errors.Any)
        {
            return errors;
        }

        PaymentMechanism = mechanism;
        OutcomeSharePercent = mechanism == Specifications.PaymentMechanism.PaymentByResults ? outcomeSharePercent : null;
        ServiceCredits = serviceCredits;
        return null;
    }

    /// <summary>What must be settled before the specification can be agreed.</summary>
    public IReadOnlyList<string> Gaps()
    {
        var gaps = new List<string>();
        if (outcomes.Count == 0)
        {
            gaps.Add("Link at least one outcome");
        }

        if (kpis.Count == 0)
        {
            gaps.Add("Add the KPIs");
        }

        if (ContractMonths is null)
        {
            gaps.Add("Set the contract length");
        }

        if (lots.Count == 0 && NoLotsReason.Length == 0)
        {
            gaps.Add("Divide the contract into lots, or say why not");
        }

        if (PaymentMechanism is null)
        {
            gaps.Add("Choose the payment mechanism");
        }

        return gaps;
    }

    /// <summary>
    /// Warnings that do not stop agreement. Procurement Act 2023 s.52: a public contract with an estimated value over
    /// £5 million needs at least three KPIs; the contracts enforce it, the specification warns early.
    /// </summary>
    public IReadOnlyList<string> Warnings(decimal? tenderValue) =>
        tenderValue > KpiThreshold && kpis.Count < KpisOverThreshold
            ? [$"The programme's tender is worth {Common.Money.Format(tenderValue.Value)}, over £5 million, so the Procurement Act 2023 (s.52) requires at least {KpisOverThreshold} KPIs before the contract is entered into; this specification has {kpis.Count}."]
            : [];

    /// <summary>Agrees the specification: from now on it is fixed.</summary>
    public Errors? Agree(Guid? personId, DateTime now)
    {
        var errors = Unagreed();
        foreach (var gap in Gaps())
        {
            errors.Add("specification", gap);
        }

        if (errors.Any)
        {
            return errors;
        }

        Status = SpecificationStatus.Agreed;
        AgreedAt = now;
        AgreedBy = personId;
        return null;
    }

    /// <summary>
    /// The lots as values of a contract worth <paramref name="estimatedValue"/>, split by their shares to the penny
    /// (largest remainder), so that they add up to the value exactly, as a tender's lots must.
    /// </summary>
    public IReadOnlyList<(string Title, decimal Value)> LotValues(decimal estimatedValue)
    {
        var ordered = lots.OrderBy(l => l.Number).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var values = Budgets.LargestRemainder.Split(estimatedValue, ordered.Select(l => l.SharePercent).ToList());
        return ordered.Select((l, i) => (l.Title, values[i])).ToList();
    }

    private static bool Figure(decimal value) => decimal.Round(value, 4) == value && Math.Abs(value) < 1_000_000_000_000m;

    private Errors Unagreed() => IsAgreed
        ? Errors.For("specification", "The specification has been agreed: it is fixed, because tenders and contracts rely on it")
        : new Errors();
}
