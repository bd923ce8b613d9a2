using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Common;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.SocialValue;

/// <summary>
/// Social value delivery through the API: a contract's obligations (from the winning bid, or added by the contract
/// manager), the provider's delivery reports through the portal, verified or returned by the contract manager, and
/// committed against delivered per contract and across the organisation. Values are pounds at the obligations' proxy
/// values, worked out exactly and rounded to the penny, half away from zero, only here at the end.
/// </summary>
public static class SocialValueDeliveryApi
{
    public sealed record ObligationRequest(string? MeasureCode, string? Theme, string? Measure, string? Unit, decimal? CommittedQuantity, decimal? ProxyValue, DateOnly? DueBy);

    public sealed record ReportRequest(Guid? ObligationId, DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal? Quantity, string? Narrative, IReadOnlyList<DeliveryApi.EvidenceRequest?>? Evidence);

    public sealed record ObligationView(
        Guid Id, Guid ContractId, string? MeasureCode, string Theme, string Measure, string Unit, decimal CommittedQuantity, decimal? ProxyValue, DateOnly? DueBy, string Source,
        decimal Delivered, decimal Pending, decimal? CommittedValue, decimal? DeliveredValue, decimal? PendingValue, string State);

    public sealed record TotalsView(decimal CommittedValue, decimal DeliveredValue, decimal PendingValue);

    public sealed record ContractView(IReadOnlyList<ObligationView> Obligations, TotalsView Totals);

    public sealed record ListedView(string Reference, string ContractTitle, string Supplier, ObligationView Obligation);

    public sealed record OrganisationView(IReadOnlyList<ListedView> Obligations, TotalsView Totals);

    public sealed record ReportView(
        Guid Id, Guid ObligationId, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, string Narrative, DeliveryReportStatus Status, string Source,
        DateTime SubmittedAt, bool SubmittedByProvider, DateTime? ReviewedAt, string ReturnReason, IReadOnlyList<DeliveryApi.EvidenceView> Evidence);

    public static void Map(RouteGroupBuilder organisation)
    {
        var readers = new RequiresRoleAttribute(ContractAccess.Readers);
        var editors = new RequiresRoleAttribute(ContractAccess.Editors);
        var contracts = organisation.MapGroup("/contracts/{contractId:guid}/social-value").WithTags("Social value delivery");
        contracts.MapGet("/obligations", ObligationsAsync).WithName("ListSocialValueObligations")
            .WithSummary("The contract's social value obligations, each with what was committed, delivered (verified reports) and pending, in units and in pounds at its proxy value").WithMetadata(readers);
        contracts.MapPost("/obligations", AddObligationAsync).WithName("AddSocialValueObligation")
            .WithSummary("Add an obligation, e.g. to an imported contract: with measureCode, the organisation's measure gives the theme, unit and proxy value unless given").WithMetadata(editors);
        contracts.MapPut("/obligations/{obligationId:guid}", ChangeObligationAsync).WithName("ChangeSocialValueObligation")
            .WithSummary("Correct an obligation; reports made against it stay as they are").WithMetadata(editors);
        contracts.MapGet("/reports", ReportsAsync).WithName("ListSocialValueReports")
            .WithSummary("Every delivery report of the contract, submitted, verified, returned or superseded, latest period first").WithMetadata(readers);
        contracts.MapPost("/reports", SubmitAsync).WithName("SubmitSocialValueReport")
            .WithSummary("Enter a delivery report for an obligation and period, with optional evidence files (base64); it waits for verification")
            .WithMetadata(editors, new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(DeliveryApi.MaxObservationRequestBytes));
        contracts.MapPost("/reports/{reportId:guid}/verify", VerifyAsync).WithName("VerifySocialValueReport")
            .WithSummary("Verify a submitted report: it counts as delivered and supersedes any report verified before for its obligation and period. Providers cannot.").WithMetadata(editors)
            .ProducesProblem(StatusCodes.Status409Conflict);
        contracts.MapPost("/reports/{reportId:guid}/return", ReturnAsync).WithName("ReturnSocialValueReport")
            .WithSummary("Send a submitted report back to the provider with the reason").WithMetadata(editors).ProducesProblem(StatusCodes.Status409Conflict);

        organisation.MapGet("/social-value/delivery", AcrossAsync).WithTags("Social value delivery").WithName("SocialValueDelivery")
            .WithSummary("Every obligation of the organisation's contracts with committed, delivered and pending, and the totals in pounds").WithMetadata(readers);

        var portal = organisation.MapGroup("/portal/contracts/{contractId:guid}/social-value").WithTags("Supplier portal").WithMetadata(new RequiresRoleAttribute(Role.Provider));
        portal.MapGet("/obligations", MyObligationsAsync).WithName("MySocialValueObligations").WithSummary("The social value obligations of one of your contracts, with what was delivered");
        portal.MapGet("/reports", MyReportsAsync).WithName("MySocialValueReports").WithSummary("Your delivery reports for one of your contracts");
        portal.MapPost("/reports", MySubmitAsync).WithName("SubmitMySocialValueReport")
            .WithSummary("Report what you delivered against one of your contract's obligations in a period, with optional evidence files (base64); the contract manager verifies or returns it")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(DeliveryApi.MaxObservationRequestBytes));
    }

    public static ObligationView Obligation(DeliveryLedger.Line l, DateOnly today)
    {
        var o = l.Obligation;
        return new(o.Id, o.ContractId, o.MeasureCode, o.Theme, o.Measure, o.Unit, o.CommittedQuantity, o.ProxyValue, o.DueBy, o.Source, l.Delivered, l.Pending,
            Pence(l.CommittedValue), Pence(l.DeliveredValue), Pence(l.PendingValue), l.State(today));
    }

    public static TotalsView Totals(DeliveryLedger.Totals t) => new(Money.ToPence(t.CommittedValue), Money.ToPence(t.DeliveredValue), Money.ToPence(t.PendingValue));

    public static ReportView Report(DeliveryReport r) => new(
        r.Id, r.ObligationId, r.PeriodStart, r.PeriodEnd, r.Quantity, r.Narrative, r.Status, r.Source, r.SubmittedAt, r.SubmittedByProviderId is not null, r.ReviewedAt, r.ReturnReason,
        r.Evidence.Select(e => new DeliveryApi.EvidenceView(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256)).ToList());

    private static decimal? Pence(decimal? pounds) => pounds is { } p ? Money.ToPence(p) : null;

    private static Task<Contract?> FindAsync(PlaceshaperDb db, OrganisationContext organisation, Guid contractId, CancellationToken cancellationToken) =>
        ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken);

    /// <summary>One of the provider's own contracts; another provider's is not found, as if it did not exist.</summary>
    private static async Task<Contract?> FindMineAsync(PlaceshaperDb db, OrganisationContext organisation, Guid contractId, CancellationToken cancellationToken) =>
        await FindAsync(db, organisation, contractId, cancellationToken) is { } contract && contract.ProviderId is { } provider && provider == organisation.Current.ProviderId ? contract : null;

    private static KpiObservation.Actor Actor(OrganisationContext organisation, Viewer viewer) => new(viewer.PersonId, organisation.Current.ProviderId);

    private static DateOnly Today(PlaceshaperDb db) => db.Clock.GetUtcNow().UtcDateTime.UkDate();

    private static async Task<ContractView> ContractViewAsync(PlaceshaperDb db, Guid contractId, CancellationToken cancellationToken)
    {
        var delivery = await SocialValueDeliveryQueries.ForContractAsync(db, contractId, cancellationToken);
        var today = Today(db);
        return new ContractView(delivery.Lines.Select(l => Obligation(l, today)).ToList(), Totals(delivery.Totals));
    }

    private static async Task<Results<Ok<ContractView>, ProblemHttpResult>> ObligationsAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindAsync(db, organisation, contractId, cancellationToken) is not null ? TypedResults.Ok(await ContractViewAsync(db, contractId, cancellationToken)) : Problems.NotFound("Contract");

    private static async Task<Results<Ok<ContractView>, ProblemHttpResult>> MyObligationsAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindMineAsync(db, organisation, contractId, cancellationToken) is not null ? TypedResults.Ok(await ContractViewAsync(db, contractId, cancellationToken)) : Problems.NotFound("Contract");

    private static async Task<Results<Created<ObligationView>, ValidationProblem, ProblemHttpResult>> AddObligationAsync(
        Guid contractId, ObligationRequest? request, PlaceshaperDb db, OrganisationContext organisation, SocialValueDelivery delivery, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var added = await delivery.AddObligationAsync(contract, Input(request), "officer", cancellationToken);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/social-value/obligations/{added.Value!.Id}", Obligation(new DeliveryLedger.Line(added.Value!, 0, 0), Today(db)))
            : Problems.Validation(added.Errors!);
    }

    private static async Task<Results<Ok<ObligationView>, ValidationProblem, ProblemHttpResult>> ChangeObligationAsync(
        Guid contractId, Guid obligationId, ObligationRequest? request, PlaceshaperDb db, OrganisationContext organisation, SocialValueDelivery delivery, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract
            || await SocialValueDeliveryQueries.FindObligationAsync(db, contractId, obligationId, cancellationToken) is not { } obligation)
        {
            return Problems.NotFound("Social value obligation");
        }

        var changed = await delivery.ChangeObligationAsync(contract, obligation, Input(request), cancellationToken);
        if (!changed.Succeeded)
        {
            return Problems.Validation(changed.Errors!);
        }

        var line = (await SocialValueDeliveryQueries.ForContractAsync(db, contractId, cancellationToken)).Lines.Single(l => l.Obligation.Id == obligationId);
        return TypedResults.Ok(Obligation(line, Today(db)));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportView>>, ProblemHttpResult>> ReportsAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindAsync(db, organisation, contractId, cancellationToken) is not null
            ? TypedResults.Ok<IReadOnlyList<ReportView>>((await SocialValueDeliveryQueries.ForContractAsync(db, contractId, cancellationToken)).Reports.Select(Report).ToList())
            : Problems.NotFound("Contract");

    private static async Task<Results<Ok<IReadOnlyList<ReportView>>, ProblemHttpResult>> MyReportsAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await FindMineAsync(db, organisation, contractId, cancellationToken) is not null
            ? TypedResults.Ok<IReadOnlyList<ReportView>>((await SocialValueDeliveryQueries.ForContractAsync(db, contractId, cancellationToken)).Reports.Select(Report).ToList())
            : Problems.NotFound("Contract");

    private static Task<Results<Created<ReportView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid contractId, ReportRequest? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SocialValueDelivery delivery, CancellationToken cancellationToken) =>
        SubmitToAsync(FindAsync(db, organisation, contractId, cancellationToken), request, organisation, viewer, delivery, "api", $"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/social-value/reports", cancellationToken);

    private static Task<Results<Created<ReportView>, ValidationProblem, ProblemHttpResult>> MySubmitAsync(
        Guid contractId, ReportRequest? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SocialValueDelivery delivery, CancellationToken cancellationToken) =>
        SubmitToAsync(FindMineAsync(db, organisation, contractId, cancellationToken), request, organisation, viewer, delivery, "portal", $"/api/v1/orgs/{organisation.Slug}/portal/contracts/{contractId}/social-value/reports", cancellationToken);

    private static async Task<Results<Created<ReportView>, ValidationProblem, ProblemHttpResult>> SubmitToAsync(
        Task<Contract?> find, ReportRequest? request, OrganisationContext organisation, Viewer viewer, SocialValueDelivery delivery, string source, string location, CancellationToken cancellationToken)
    {
        if (await find is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        request ??= new ReportRequest(null, null, null, null, null, null);
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

        var submitted = await delivery.SubmitAsync(
            contract, new DeliveryReport.Input(request.ObligationId, request.PeriodStart, request.PeriodEnd, request.Quantity, request.Narrative), Actor(organisation, viewer), source, files, cancellationToken);
        return submitted.Succeeded ? TypedResults.Created($"{location}/{submitted.Value!.Id}", Report(submitted.Value!)) : Problems.Validation(submitted.Errors!);
    }

    private static Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        Guid contractId, Guid reportId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SocialValueDelivery delivery, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, reportId, verify: true, null, db, organisation, viewer, delivery, cancellationToken);

    private static Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        Guid contractId, Guid reportId, DeliveryApi.ReturnRequest? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SocialValueDelivery delivery, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, reportId, verify: false, request?.Reason, db, organisation, viewer, delivery, cancellationToken);

    private static async Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        Guid contractId, Guid reportId, bool verify, string? reason, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SocialValueDelivery delivery, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, organisation, contractId, cancellationToken) is not { } contract
            || await SocialValueDeliveryQueries.FindReportAsync(db, contractId, reportId, cancellationToken) is not { } report)
        {
            return Problems.NotFound("Social value report");
        }

        var outcome = await delivery.ReviewAsync(contract, report, verify, reason, Actor(organisation, viewer), cancellationToken);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Ok(Report(outcome.Value!)),
        };
    }

    private static async Task<Ok<OrganisationView>> AcrossAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var listed = await SocialValueDeliveryQueries.AcrossAsync(db, organisation.Id, null, cancellationToken);
        var today = Today(db);
        return TypedResults.Ok(new OrganisationView(
            listed.Select(l => new ListedView(l.Reference, l.ContractTitle, l.Supplier, Obligation(l.Line, today))).ToList(),
            Totals(DeliveryLedger.Totals.Of(listed.Select(l => l.Line)))));
    }

    private static SocialValueObligation.Input Input(ObligationRequest? r) =>
        new(r?.MeasureCode, r?.Theme, r?.Measure, r?.Unit, r?.CommittedQuantity, r?.ProxyValue, r?.DueBy);
}
