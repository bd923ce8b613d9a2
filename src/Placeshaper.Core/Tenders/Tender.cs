using Placeshaper.Calculators;
using Placeshaper.Organisations;

namespace Placeshaper.Tenders;

public enum TenderStatus
{
    Draft = 1,
    Published = 2,
    Cancelled = 9,
}

/// <summary>
/// A procurement the organisation runs: what it buys, the proportionate route to market for its value, how bids will
/// be scored (price, quality and social value together) and its timetable. Award criteria are fixed once the tender
/// is published, because bidders rely on them.
/// </summary>
public sealed class Tender : IOrganisationOwned
{
    public const int MaxScore = 5;

    private readonly List<TenderQuestion> questions = [];
    private readonly List<TenderLot> lots = [];
    private readonly List<TenderSocialValueMeasure> socialValueMeasures = [];

    private Tender()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? ProgrammeId { get; private set; }

    /// <summary>The organisation's own reference, e.g. ANY-2026-004, used in notices and the Transparency Code list.</summary>
    public string Reference { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public ContractKind Kind { get; private set; }

    /// <summary>Estimated value of the whole contract, including VAT, as the thresholds are.</summary>
    public decimal EstimatedValue { get; private set; }

    public Route Route { get; private set; }

    /// <summary>Why the officer chose a route other than the one advised, when they did.</summary>
    public string RouteReason { get; private set; } = "";

    public decimal PriceWeight { get; private set; } = 40;

    public decimal QualityWeight { get; private set; } = 50;

    public decimal SocialValueWeight { get; private set; } = 10;

    /// <summary>Why social value carries less than 10% of the weighting, when it does (PPN 002).</summary>
    public string SocialValueWaiverReason { get; private set; } = "";

    public bool SuitableForSme { get; private set; }

    public bool SuitableForVcse { get; private set; }

    /// <summary>Why the contract is not divided into lots small providers could bid for, when it is not.</summary>
    public string NoLotsReason { get; private set; } = "";

    public DateTime? ClarificationDeadline { get; private set; }

    public DateTime? SubmissionDeadline { get; private set; }

    public TenderStatus Status { get; private set; } = TenderStatus.Draft;

    public DateTime? PublishedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When an officer opened the sealed bids, after the deadline; until then nobody can read them.</summary>
    public DateTime? BidsOpenedAt { get; private set; }

    public Guid? BidsOpenedBy { get; private set; }

    /// <summary>The agreed outcome-based specification the tender buys against, if any.</summary>
    public Guid? SpecificationId { get; private set; }

    public IReadOnlyList<TenderQuestion> Questions => questions;

    public IReadOnlyList<TenderLot> Lots => lots;

    /// <summary>The social value measures bidders may commit against, fixed on publication with the award criteria.</summary>
    public IReadOnlyList<TenderSocialValueMeasure> SocialValueMeasures => socialValueMeasures;

    public bool IsDraft => Status == TenderStatus.Draft;

    /// <summary>Bids can be submitted, changed or withdrawn: published and before the deadline.</summary>
    public bool IsOpenForBids(DateTime now) => Status == TenderStatus.Published && now < SubmissionDeadline;

    /// <summary>No bid's content may be read by anyone: the deadline has not passed (or there is none yet).</summary>
    public bool BidsAreSealed(DateTime now) => SubmissionDeadline is not { } deadline || now < deadline;

    internal void RecordBidsOpened(Guid personId, DateTime now)
    {
        BidsOpenedAt = now;
        BidsOpenedBy = personId;
    }

    public ProcedureAdvice Advice(ProcurementThresholds thresholds, DateOnly on) => ProcedureAdvice.For(Kind, EstimatedValue, on, thresholds);

    public static Result<Tender> Draft(
        Guid organisationId, Guid? programmeId, string? reference, string? title, string? description, ContractKind? kind, decimal? estimatedValue,
        ProcurementThresholds thresholds, DateTime now)
    {
        var errors = new Errors();
        reference = reference?.Trim() ?? "";
        if (reference.Length is 0 or > 50)
        {
            errors.Add("reference", "Enter the tender's reference, up to 50 characters, like ANY-2026-004");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            errors.Add("title", "Enter the tender's title, up to 300 characters");
        }

        if (description?.Length > 8000)
        {
            errors.Add("description", "The description can be up to 8,000 characters");
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("kind", "Choose goods and services, light touch services or works");
        }

        if (estimatedValue is not { } value || value <= 0 || decimal.Round(value, 2) != value || value > 100_000_000_000m)
        {
            errors.Add("estimatedValue", "Enter the estimated value of the whole contract including VAT, in pounds and pence");
        }

        if (errors.Any)
        {
            return errors;
        }

        var tender = new Tender
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            ProgrammeId = programmeId,
            Reference = reference,
            Title = title!.Trim(),
            Description = description?.Trim() ?? "",
            Kind = kind!.Value,
            EstimatedValue = estimatedValue!.Value,
            CreatedAt = now,
        };
        tender.Route = tender.Advice(thresholds, DateOnly.FromDateTime(now)).Route;
        return tender;
    }

    /// <summary>
    /// Chooses the route to market. A heavier route than advised needs a reason; a lighter one than the thresholds
    /// require is refused.
    /// </summary>
    public Errors? ChooseRoute(Route? route, string? reason, ProcurementThresholds thresholds, DateOnly on)
    {
        var errors = Unpublished();
        var advised = Advice(thresholds, on);
        if (route is null || !Enum.IsDefined(route.Value))
        {
            errors.Add("route", "Choose the route to market");
        }
        else if (advised.AboveThreshold && route < Route.OpenProcedure)
        {
            errors.Add("route", "The contract is at or above the threshold, so it needs an open or competitive flexible procedure");
        }
        else if (route != advised.Route && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("routeReason", "Say why you are not taking the advised route, for the record");
        }

        Appraisals.Appraisal.CheckText(errors, "routeReason", reason, "The reason", 2000);
        if (errors.Any)
        {
            return errors;
        }

        Route = route!.Value;
        RouteReason = route == advised.Route ? "" : reason!.Trim();
        return null;
    }

    public sealed record QuestionInput(Guid? Id, QuestionKind? Kind, string? Text, decimal? Weight, IReadOnlyList<string>? Descriptors);

    /// <summary>
    /// Sets how bids will be scored: the weights of price, quality and social value, and the questions in each part,
    /// with the same rules the evaluation calculator applies (weights add up to 100; social value at least 10% unless
    /// a reason is recorded; question weights add up to 100 within their part; each score 0–5 described).
    /// </summary>
    public Errors? SetAwardCriteria(decimal? price, decimal? quality, decimal? socialValue, string? waiverReason, IReadOnlyList<QuestionInput> inputs, DateTime now)
    {
        var errors = Unpublished();
        var check = TenderEvaluation.Calculate(new TenderEvaluation.Input(
            new TenderEvaluation.Weights(price, quality, socialValue),
            MaxScore,
            inputs.Where(q => q?.Kind == QuestionKind.Quality).Select((q, i) => new TenderEvaluation.Question($"q{i}", q.Weight)).ToList(),
            inputs.Where(q => q?.Kind == QuestionKind.SocialValue).Select((q, i) => new TenderEvaluation.Question($"s{i}", q.Weight)).ToList(),
            [],
            SocialValueWaiverReason: waiverReason));
        // The calculator counts questions within their part; name them by their place in the request instead.
        var qualityAt = inputs.Select((q, i) => (q, i)).Where(x => x.q?.Kind == QuestionKind.Quality).Select(x => x.i).ToList();
        var socialAt = inputs.Select((q, i) => (q, i)).Where(x => x.q?.Kind == QuestionKind.SocialValue).Select(x => x.i).ToList();
        foreach (var (field, messages) in check.Errors!.ByField.Where(e => e.Key != "bids"))
        {
            foreach (var message in messages)
            {
                errors.Add(InRequest(field, qualityAt, socialAt), message);
            }
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input is null)
            {
                errors.Add($"questions[{i}]", "Give the question's part, text, weight and descriptors");
                continue;
            }

            if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
            {
                errors.Add($"questions[{i}].kind", "Say whether the question is about quality or social value");
            }

            if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > 2000)
            {
                errors.Add($"questions[{i}].text", "Write the question, up to 2,000 characters");
            }

            var descriptors = input.Descriptors ?? [];
            if (descriptors.Count != MaxScore + 1 || descriptors.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"questions[{i}].descriptors", $"Describe what earns each score from 0 to {MaxScore}, so evaluators score alike and bidders know what good looks like");
            }
            else if (descriptors.Any(d => d.Length > 500))
            {
                errors.Add($"questions[{i}].descriptors", "Each descriptor can be up to 500 characters");
            }

            if (input.Id is { } id && questions.All(q => q.Id != id))
            {
                errors.Add($"questions[{i}].id", "There is no such question in this tender");
            }
            else if (input.Id is { } repeated && inputs.Take(i).Any(q => q.Id == repeated))
            {
                errors.Add($"questions[{i}].id", "This question is given twice");
            }

            if (input.Weight is { } weight && decimal.Round(weight, 2) != weight)
            {
                errors.Add($"questions[{i}].weight", "Give the weight to at most 2 decimal places");
            }
        }

        foreach (var (field, weight) in new[] { ("weights.price", price), ("weights.quality", quality), ("weights.socialValue", socialValue) })
        {
            if (weight is { } w && decimal.Round(w, 2) != w)
            {
                errors.Add(field, "Give the weight to at most 2 decimal places");
            }
        }

        Appraisals.Appraisal.CheckText(errors, "socialValueWaiverReason", waiverReason, "The reason", 2000);
        if (errors.Any)
        {
            return errors;
        }

        PriceWeight = price!.Value;
        QualityWeight = quality!.Value;
        SocialValueWeight = socialValue!.Value;
        SocialValueWaiverReason = socialValue < TenderEvaluation.MinimumSocialValueWeight ? waiverReason!.Trim() : "";
        var kept = inputs.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        questions.RemoveAll(q => !kept.Contains(q.Id));
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var text = string.Join('\n', input.Descriptors!.Select(d => d.Trim().ReplaceLineEndings(" ")));
            if (questions.FirstOrDefault(q => q.Id == input.Id) is { } existing)
            {
                existing.Change(input.Kind!.Value, input.Text!.Trim(), input.Weight!.Value, text, i);
            }
            else
            {
                questions.Add(new TenderQuestion(this, Guid.CreateVersion7(now), input.Kind!.Value, input.Text!.Trim(), input.Weight!.Value, text, i));
            }
        }

        return null;
    }

    /// <summary>
    /// Chooses the social value measures bidders may commit against (none: commitments are free text only). Each is
    /// copied as it is now, so bidders and evaluators see the same unit and proxy value.
    /// </summary>
    public Errors? OfferSocialValueMeasures(IReadOnlyList<SocialValue.MeasureOption> chosen, DateTime now)
    {
        var errors = Unpublished();
        if (chosen.Count > SocialValue.SocialValueLimits.MaxMeasuresPerTender)
        {
            errors.Add("codes", $"Offer at most {SocialValue.SocialValueLimits.MaxMeasuresPerTender} measures");
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            if (chosen.Take(i).Any(c => c.Code == chosen[i].Code))
            {
                errors.Add($"codes[{i}]", $"{chosen[i].Code} is chosen twice");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        socialValueMeasures.Clear();
        for (var i = 0; i < chosen.Count; i++)
        {
            socialValueMeasures.Add(new TenderSocialValueMeasure(this, Guid.CreateVersion7(now), chosen[i], i));
        }

        return null;
    }

    /// <summary>Lots that small providers can bid for, or the reason for one contract; and who the contract suits.</summary>
    public Errors? SetLots(IReadOnlyList<(string? Title, decimal? Value)> inputs, string? noLotsReason, bool suitableForSme, bool suitableForVcse, DateTime now)
    {
        var errors = Unpublished();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(inputs[i].Title) || inputs[i].Title!.Length > 300)
            {
                errors.Add($"lots[{i}].title", "Give the lot a title, up to 300 characters");
            }

            if (inputs[i].Value is not { } v || v <= 0 || decimal.Round(v, 2) != v)
            {
                errors.Add($"lots[{i}].value", "Enter the lot's estimated value including VAT, in pounds and pence");
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

        if (inputs.Count > 1 && errors.Any is false && inputs.Sum(l => l.Value!.Value) != EstimatedValue)
        {
            errors.Add("lots", $"The lots add up to {Common.Money.Format(inputs.Sum(l => l.Value!.Value))}, not the estimated value of {Common.Money.Format(EstimatedValue)}");
        }

        Appraisals.Appraisal.CheckText(errors, "noLotsReason", noLotsReason, "The reason", 2000);
        if (errors.Any)
        {
            return errors;
        }

        lots.Clear();
        for (var i = 0; i < inputs.Count; i++)
        {
            lots.Add(new TenderLot(this, Guid.CreateVersion7(now), i + 1, inputs[i].Title!.Trim(), inputs[i].Value!.Value));
        }

        NoLotsReason = inputs.Count == 0 ? noLotsReason!.Trim() : "";
        SuitableForSme = suitableForSme;
        SuitableForVcse = suitableForVcse;
        return null;
    }

    public Errors? SetTimetable(DateTime? clarificationDeadline, DateTime? submissionDeadline, DateTime now)
    {
        var errors = Unpublished();
        if (submissionDeadline is null)
        {
            errors.Add("submissionDeadline", "Enter the date and time bids must arrive by");
        }
        else if (submissionDeadline <= now)
        {
            errors.Add("submissionDeadline", "The deadline for bids must be in the future");
        }

        if (clarificationDeadline is not null && submissionDeadline is not null && clarificationDeadline >= submissionDeadline)
        {
            errors.Add("clarificationDeadline", "Questions must close before the deadline for bids, so that answers reach every bidder in time");
        }

        if (errors.Any)
        {
            return errors;
        }

        ClarificationDeadline = clarificationDeadline;
        SubmissionDeadline = submissionDeadline;
        return null;
    }

    /// <summary>What must be settled before bidders can see the tender.</summary>
    public IReadOnlyList<string> Gaps(DateTime now)
    {
        var gaps = new List<string>();
        if (questions.All(q => q.Kind != QuestionKind.Quality) && QualityWeight > 0)
        {
            gaps.Add("Add the quality questions");
        }

        if (questions.All(q => q.Kind != QuestionKind.SocialValue) && SocialValueWeight > 0)
        {
            gaps.Add("Add the social value questions");
        }

        if (lots.Count == 0 && NoLotsReason.Length == 0)
        {
            gaps.Add("Divide the contract into lots, or say why not");
        }

        if (SubmissionDeadline is null || SubmissionDeadline <= now)
        {
            gaps.Add("Set a deadline for bids in the future");
        }

        return gaps;
    }

    public Errors? Publish(DateTime now, ProcurementThresholds thresholds)
    {
        var errors = Unpublished();
        foreach (var gap in Gaps(now))
        {
            errors.Add("tender", gap);
        }

        // The thresholds in force on the day the procurement commences decide the route, not those of the draft's day.
        if (Advice(thresholds, DateOnly.FromDateTime(now)) is { AboveThreshold: true } && Route < Route.OpenProcedure)
        {
            errors.Add("route", "The contract is at or above the threshold in force today, so it needs an open or competitive flexible procedure");
        }

        if (ClarificationDeadline is { } questionsClose && questionsClose <= now)
        {
            errors.Add("tender", "Questions would close before the tender is published: move the clarification deadline");
        }

        var stored = TenderEvaluation.Calculate(new TenderEvaluation.Input(
            new TenderEvaluation.Weights(PriceWeight, QualityWeight, SocialValueWeight),
            MaxScore,
            questions.Where(q => q.Kind == QuestionKind.Quality).Select(q => new TenderEvaluation.Question(q.Id.ToString(), q.Weight)).ToList(),
            questions.Where(q => q.Kind == QuestionKind.SocialValue).Select(q => new TenderEvaluation.Question(q.Id.ToString(), q.Weight)).ToList(),
            [],
            SocialValueWaiverReason: SocialValueWaiverReason));
        foreach (var message in stored.Errors!.ByField.Where(e => e.Key != "bids").SelectMany(e => e.Value))
        {
            errors.Add("tender", message);
        }

        if (errors.Any)
        {
            return errors;
        }

        Status = TenderStatus.Published;
        PublishedAt = now;
        return null;
    }

    /// <summary>
    /// Links the agreed specification the tender buys against. A published tender already linked keeps its
    /// specification, because bidders priced against it.
    /// </summary>
    public Errors? UseSpecification(Specifications.Specification specification)
    {
        var errors = new Errors();
        if (specification.OrganisationId != OrganisationId || specification.ProgrammeId != ProgrammeId)
        {
            errors.Add("specificationId", "Choose a specification of the tender's programme");
        }
        else if (!specification.IsAgreed)
        {
            errors.Add("specificationId", "Agree the specification before a tender uses it");
        }

        if (Status == TenderStatus.Cancelled || (!IsDraft && SpecificationId is { } linked && linked != specification.Id))
        {
            errors.Add("tender", "The tender has been published with its specification: it cannot change, because bidders rely on it");
        }

        if (errors.Any)
        {
            return errors;
        }

        SpecificationId = specification.Id;
        return null;
    }

    private static string InRequest(string field, List<int> qualityAt, List<int> socialAt)
    {
        foreach (var (part, name, at) in new[] { ("qualityQuestions", "quality", qualityAt), ("socialValueQuestions", "socialValue", socialAt) })
        {
            if (field == part)
            {
                return name;
            }

            if (field.StartsWith(part + "[", StringComparison.Ordinal))
            {
                var close = field.IndexOf(']', StringComparison.Ordinal);
                var n = int.Parse(field[(part.Length + 1)..close], System.Globalization.CultureInfo.InvariantCulture);
                return $"questions[{(n < at.Count ? at[n] : n)}]{field[(close + 1)..]}";
            }
        }

        return field;
    }

    private Errors Unpublished() => IsDraft
        ? new Errors()
        : Errors.For("tender", "The tender has been published: its terms are fixed, because bidders rely on them");
}
