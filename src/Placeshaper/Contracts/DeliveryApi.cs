using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Areas;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Contracts;

/// <summary>
/// Managing a contract's delivery through the API: KPI values sent by the provider (through the portal) or by
/// officers, approved or returned by the contract manager; performance ratings; versioned payment terms; and the
/// payment schedule, calculated period by period, with what was paid and every deduction not levied.
/// </summary>
public static class DeliveryApi
{
    /// <summary>The largest JSON body of a KPI value: its evidence files, base64.</summary>
    public const long MaxObservationRequestBytes = (ObservationEvidence.MaxBytes * ObservationEvidence.MaxFiles * 4L / 3) + 65_536;

    public sealed record EvidenceRequest(string? FileName, string? Content);

    public sealed record ObservationRequest(Guid? KpiId, DateOnly? PeriodStart, decimal? Value, string? Comment, IReadOnlyList<EvidenceRequest?>? Evidence);

    public sealed record ReturnRequest(string? Reason);

    public sealed record TermsRequest(DateOnly? EffectiveFrom, PaymentTermsVersion.Terms? Terms);

    public sealed record EvidenceView(Guid Id, string FileName, string ContentType, int Size, string Sha256);

    public sealed record ObservationView(
        Guid Id, Guid KpiId, int KpiNumber, DateOnly PeriodStart, string Period, decimal Value, string Comment, ObservationStatus Status, string Source,
        DateTime SubmittedAt, bool SubmittedByProvider, DateTime? ReviewedAt, string ReturnReason, IReadOnlyList<EvidenceView> Evidence);

    public sealed record CellView(DateOnly PeriodStart, decimal Value, Rag Rag, string Rating);

    public sealed record KpiPerformanceView(Guid KpiId, int Number, string Definition, string Unit, decimal Target, decimal Minimum, bool HigherIsBetter, IReadOnlyList<CellView> Periods);

    public sealed record PerformanceView(IReadOnlyList<DateOnly> Periods, IReadOnlyList<KpiPerformanceView> Kpis);

    public sealed record TermsView(int Version, DateOnly EffectiveFrom, DateTime CreatedAt, PaymentTermsVersion.Terms Terms);

    public sealed record CalculationView(
        Guid Id, int Revision, int TermsVersion, DateOnly PeriodStart, DateOnly PeriodEnd, decimal FixedElement, decimal OutcomePayments, decimal Credits, decimal Due,
        IReadOnlyList<string> Inputs, IReadOnlyList<string> Working, DateTime CalculatedAt);

    public sealed record PaymentView(Guid Id, decimal Amount, DateOnly PaidOn, string Reference);

    /// <summary>A payment in the organisation's imported spend, and why it was (or was not) attributed to the contract.</summary>
    public sealed record SpendPaymentView(DateOnly Date, decimal Amount, string Reason);

    /// <param name="Paid">What was paid as recorded by hand.</param>
    /// <param name="SpendPaid">What imported spend attributes to the contract in the period; null when no payment is.</param>
    /// <param name="UnattributedSpend">Spend with the contract's provider in the period that could not be told to be this contract's.</param>
    /// <param name="CreditNotLevied">A service credit was due but more than the credited amount was paid: checked against <paramref name="Paid"/> when recorded, otherwise <paramref name="SpendPaid"/>.</param>
    public sealed record PeriodView(
        Guid ContractId, string Reference, DateOnly PeriodStart, CalculationView? Latest, CalculationView? Previous, int Revisions,
        IReadOnlyList<PaymentView> Payments, decimal? Paid, decimal? Difference, bool CreditNotLevied,
        decimal? SpendPaid, decimal? SpendDifference, decimal? UnattributedSpend, IReadOnlyList<SpendPaymentView> SpendPayments, IReadOnlyList<SpendPaymentView> UnattributedSpendPayments);

    public static void Map(RouteGroupBuilder organisation)
    {
        var contracts = organisation.MapGroup("/contracts").WithTags("Contract delivery");
        var readers = new RequiresRoleAttribute(ContractAccess.Readers);
        var editors = new RequiresRoleAttribute(ContractAccess.Editors);
        contracts.MapGet("/payments", AcrossAsync).WithName("ContractPayments")
            .WithSummary("Every contract's calculated or paid periods, those with a service credit due but not levied first").WithMetadata(readers);
        contracts.MapGet("/{contractId:guid}/observations", ObservationsAsync).WithName("ListKpiObservations")
            .WithSummary("Every KPI value of the contract, submitted, approved, returned or superseded, latest period first").WithMetadata(readers);
        contracts.MapPost("/{contractId:guid}/observations", SubmitAsync).WithName("SubmitKpiObservation")
            .WithSummary("Enter a KPI value for a period (the first day of the KPI's month, quarter or April-to-March year), with optional evidence files (base64); it waits for approval")
            .WithMetadata(editors, new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxObservationRequestBytes));
        contracts.MapPost("/{contractId:guid}/observations/imports", ImportAsync).WithName("ImportKpiObservations")
            .WithSummary("Import KPI values (CSV body or .xlsx; columns kpi, period, value, comment): whole or not at all; importing it again adds nothing")
            .WithMetadata(editors, new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreasApi.MaxImportBytes));
        contracts.MapPost("/{contractId:guid}/observations/{observationId:guid}/approve", ApproveAsync).WithName("ApproveKpiObservation")
            .WithSummary("Approve a submitted value; it replaces (supersedes) any value approved before for its KPI and period. Providers cannot.").WithMetadata(editors);
        contracts.MapPost("/{contractId:guid}/observations/{observationId:guid}/return", ReturnAsync).WithName("ReturnKpiObservation")
            .WithSummary("Send a submitted value back to the provider with the reason").WithMetadata(editors);
        contracts.MapGet("/{contractId:guid}/performance", PerformanceAsync).WithName("ContractPerformance")
            .WithSummary("Each KPI's approved values by period, rated red, amber or green and as the Procurement Act 2023's performance notices rate them").WithMetadata(readers);
        contracts.MapGet("/{contractId:guid}/payment-terms", TermsAsync).WithName("ListPaymentTerms").WithSummary("Every version of the contract's payment terms").WithMetadata(readers);
        contracts.MapPost("/{contractId:guid}/payment-terms", AddTermsAsync).WithName("AddPaymentTerms")
            .WithSummary("Add a version of the payment terms, effective from a period after the last version's: stored versions never change").WithMetadata(editors);
        contracts.MapGet("/{contractId:guid}/payments", ScheduleAsync).WithName("ContractPaymentSchedule")
            .WithSummary("The payment schedule: each period's latest calculation and the one before, what was paid, and whether a credit was not levied").WithMetadata(readers);
        contracts.MapPost("/{contractId:guid}/payments/{periodStart}/calculations", CalculateAsync).WithName("CalculateContractPayment")
            .WithSummary("Work out the period from the terms in force and the approved values, stored as its next revision; earlier revisions stay").WithMetadata(editors)
            .ProducesProblem(StatusCodes.Status409Conflict);
        contracts.MapPost("/{contractId:guid}/payments/{periodStart}/paid", RecordPaymentAsync).WithName("RecordContractPayment")
            .WithSummary("Record what was actually paid for the period: amount, date and reference").WithMetadata(editors);

        var portal = organisation.MapGroup("/portal/contracts").WithTags("Supplier portal").WithMetadata(new RequiresRoleAttribute(Role.Provider));
        portal.MapGet("/{contractId:guid}/observations", MyObservationsAsync).WithName("MyKpiObservations").WithSummary("Your KPI values for one of your contracts");
        portal.MapPost("/{contractId:guid}/observations", MySubmitAsync).WithName("SubmitMyKpiObservation")
            .WithSummary("Report a KPI value for a period of one of your contracts, with optional evidence files (base64); the contract manager approves or returns it")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxObservationRequestBytes));
        portal.MapGet("/{contractId:guid}/payments", MyScheduleAsync).WithName("MyPaymentSchedule").WithSummary("The payment schedule of one of your contracts");
    }

    private static Task<Contract?> FindAsync(PlaceshaperDb db, OrganisationContext organisation, Guid contractId, CancellationToken cancellationToken) =>
        ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken);

    /// <summary>One of the provider's own contracts; another provider's is not found, as if it did not exist.</summary>
    private static async Task<Contract?> FindMineAsync(PlaceshaperDb db, OrganisationContext organisation, Guid contractId, CancellationToken cancellationToken) =>
        await FindAsync(db, organisation, contractId, cancellationToken) is { } contract && contract.ProviderId is { } provider && provider == organisation.Current.ProviderId ? contract : null;

    private static KpiObservation.Actor Actor(OrganisationContext organisation, Viewer viewer) => new(viewer.PersonId, organisation.Current.ProviderId);

    private static async Task<Ok<IReadOnlyList<PeriodView>>> AcrossAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PeriodView>>((await DeliveryQueries.AcrossContractsAsync(db, organisation.Id, null, cancellationToken)).Select(Period).ToList());

    private static async Task<Results<Ok<IReadOnlyList<ObservationView>>, ProblemHttpResult>> ObservationsAsync(
        Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindAsync(db, organisation, contractId, cancellationToken) is { } contract
            ? TypedResults.Ok(await ObservationViewsAsync(db, contract, cancellationToken))
            : Problems.NotFound("Contract");

    private static async Task<Results<Ok<IReadOnlyList<ObservationView>>, ProblemHttpResult>> MyObservationsAsync(
        Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindMineAsync(db, organisation, contractId, cancellationToken) is { } contract
            ? TypedResults.Ok(await ObservationViewsAsync(db, contract, cancellationToken))
            : Problems.NotFound("Contract");

    private static Task<Results<Created<ObservationView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid contractId, ObservationRequest? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken) =>
        SubmitToAsync(FindAsync(db, organisation, contractId, cancellationToken), request, organisation, viewer, delivery, "api", $"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/observations", cancellationToken);

    private static Task<Results<Created<ObservationView>, ValidationProblem, ProblemHttpResult>> MySubmitAsync(
        Guid contractId, ObservationRequest? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken) =>
        SubmitToAsync(FindMineAsync(db, organisation, contractId, cancellationToken), request, organisation, viewer, delivery, "portal", $"/api/v1/orgs/{organisation.Slug}/portal/contracts/{contractId}/observations", cancellationToken);

    private static async Task<Results<Created<ObservationView>, ValidationProblem, ProblemHttpResult>> SubmitToAsync(
        Task<Contract?> find, ObservationRequest? request, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, string source, string location, CancellationToken cancellationToken)
    {
        if (await find is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        request ??= new ObservationRequest(null, null, null, null, null);
        var files = new List<ContractDelivery.EvidenceFile>();
        var evidence = request.Evidence ?? [];
        for (var i = 0; i < evidence.Count; i++)
        {
            var content = new byte[((evidence[i]?.Content?.Length ?? 0) * 3 / 4) + 3];
            if (evidence[i]?.Content is not { } base64 || !Convert.TryFromBase64String(base64, content, out var length))
            {
                return Problems.Validation(Common.Errors.For($"evidence[{i}].content", "Give the file's content, base64"));
            }

            files.Add(new ContractDelivery.EvidenceFile(evidence[i]!.FileName, content[..length]));
        }

        var submitted = await delivery.SubmitAsync(contract, new KpiObservation.Input(request.KpiId, request.PeriodStart, request.Value, request.Comment), Actor(organisation, viewer), source, files, cancellationToken);
        return submitted.Succeeded
            ? TypedResults.Created($"{location}/{submitted.Value!.Id}", Observation(submitted.Value!, contract))
            : Problems.Validation(submitted.Errors!);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        Guid contractId, HttpRequest request, string? file, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ImportObservations import, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        var report = await import.HandleAsync(contract, content, string.IsNullOrWhiteSpace(file) ? ImportTable.DefaultName(content) : file, Actor(organisation, viewer), cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }

    private static Task<Results<Ok<ObservationView>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid contractId, Guid observationId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, observationId, approve: true, null, db, organisation, viewer, delivery, cancellationToken);

    private static Task<Results<Ok<ObservationView>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        Guid contractId, Guid observationId, ReturnRequest? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, observationId, approve: false, request?.Reason, db, organisation, viewer, delivery, cancellationToken);

    private static async Task<Results<Ok<ObservationView>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        Guid contractId, Guid observationId, bool approve, string? reason, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract
            || await DeliveryQueries.FindObservationAsync(db, contractId, observationId, cancellationToken) is not { } observation)
        {
            return Problems.NotFound("KPI value");
        }

        var outcome = await delivery.ReviewAsync(contract, observation, approve, reason, Actor(organisation, viewer), cancellationToken);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Ok(Observation(outcome.Value!, contract)),
        };
    }

    private static async Task<Results<Ok<PerformanceView>, ProblemHttpResult>> PerformanceAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var performance = DeliveryQueries.PerformanceOf(contract, await DeliveryQueries.ObservationsAsync(db, contractId, cancellationToken), most: 1000);
        return TypedResults.Ok(new PerformanceView(performance.Periods, performance.Rows.Select(r => new KpiPerformanceView(
            r.Kpi.Id, r.Kpi.Number, r.Kpi.Definition, r.Kpi.Unit, r.Kpi.Target, r.Kpi.Minimum, r.Kpi.HigherIsBetter,
            r.Cells.OrderBy(c => c.Key).Select(c => new CellView(c.Key, c.Value.Value, c.Value.Rag, c.Value.ActRating)).ToList())).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<TermsView>>, ProblemHttpResult>> TermsAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindAsync(db, organisation, contractId, cancellationToken) is not null
            ? TypedResults.Ok<IReadOnlyList<TermsView>>((await DeliveryQueries.TermsAsync(db, contractId, cancellationToken)).Select(Terms).ToList())
            : Problems.NotFound("Contract");

    private static async Task<Results<Created<TermsView>, ValidationProblem, ProblemHttpResult>> AddTermsAsync(
        Guid contractId, TermsRequest? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var added = await delivery.AddTermsAsync(contract, request?.EffectiveFrom, request?.Terms, viewer.PersonId, cancellationToken);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/payment-terms", Terms(added.Value!))
            : Problems.Validation(added.Errors!);
    }

    private static async Task<Results<Ok<IReadOnlyList<PeriodView>>, ProblemHttpResult>> ScheduleAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindAsync(db, organisation, contractId, cancellationToken) is { } contract
            ? TypedResults.Ok<IReadOnlyList<PeriodView>>((await DeliveryQueries.ScheduleAsync(db, contract, cancellationToken)).Select(Period).ToList())
            : Problems.NotFound("Contract");

    private static async Task<Results<Ok<IReadOnlyList<PeriodView>>, ProblemHttpResult>> MyScheduleAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindMineAsync(db, organisation, contractId, cancellationToken) is { } contract
            ? TypedResults.Ok<IReadOnlyList<PeriodView>>((await DeliveryQueries.ScheduleAsync(db, contract, cancellationToken)).Select(Period).ToList())
            : Problems.NotFound("Contract");

    private static async Task<Results<Created<CalculationView>, ValidationProblem, ProblemHttpResult>> CalculateAsync(
        Guid contractId, DateOnly periodStart, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var outcome = await delivery.CalculateAsync(contract, periodStart, viewer.PersonId, cancellationToken);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/payments", Calculation(outcome.Value!)),
        };
    }

    private static async Task<Results<Created<PaymentView>, ValidationProblem, ProblemHttpResult>> RecordPaymentAsync(
        Guid contractId, DateOnly periodStart, ContractPayment.Input? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var recorded = await delivery.RecordPaymentAsync(contract, periodStart, request ?? new ContractPayment.Input(null, null, null), viewer.PersonId, cancellationToken);
        return recorded.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/payments", Payment(recorded.Value!))
            : Problems.Validation(recorded.Errors!);
    }

    private static async Task<IReadOnlyList<ObservationView>> ObservationViewsAsync(PlaceshaperDb db, Contract contract, CancellationToken cancellationToken) =>
        (await DeliveryQueries.ObservationsAsync(db, contract.Id, cancellationToken)).Select(o => Observation(o, contract)).ToList();

    public static ObservationView Observation(KpiObservation o, Contract contract)
    {
        var kpi = contract.Kpis.Single(k => k.Id == o.KpiId);
        return new(o.Id, o.KpiId, kpi.Number, o.PeriodStart, KpiPeriods.Name(kpi.Frequency, o.PeriodStart), o.Value, o.Comment, o.Status, o.Source, o.SubmittedAt,
            o.SubmittedByProviderId is not null, o.ReviewedAt, o.ReturnReason, o.Evidence.Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256)).ToList());
    }

    private static TermsView Terms(PaymentTermsVersion v) => new(v.Version, v.EffectiveFrom, v.CreatedAt, v.Read());

    private static CalculationView Calculation(PaymentCalculation c) => new(
        c.Id, c.Revision, c.TermsVersion, c.PeriodStart, c.PeriodEnd, c.FixedElement, c.OutcomePayments, c.Credits, c.Due, c.InputLines, c.WorkingLines, c.CalculatedAt);

    private static PaymentView Payment(ContractPayment p) => new(p.Id, p.Amount, p.PaidOn, p.Reference);

    private static PeriodView Period(DeliveryQueries.SchedulePeriod p) => new(
        p.Contract.Id, p.Contract.Reference, p.PeriodStart, p.Latest is null ? null : Calculation(p.Latest), p.Previous is null ? null : Calculation(p.Previous), p.Revisions.Count,
        p.Payments.Select(Payment).ToList(), p.Paid, p.Difference, p.CreditNotLevied,
        p.SpendPaid, p.SpendDifference, p.UnattributedSpend,
        p.Spend.Attributed.Select(l => new SpendPaymentView(l.Payment.Date, l.Amount, l.Reason)).ToList(),
        p.Spend.Unattributed.Select(l => new SpendPaymentView(l.Payment.Date, l.Amount, l.Reason)).ToList());
}
