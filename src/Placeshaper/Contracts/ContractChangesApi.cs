using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders.Publication;

namespace Placeshaper.Contracts;

/// <summary>
/// Who may vary a contract. Those who manage contracts may ask for a change; only commissioners and administrators
/// decide it, and never the one who asked. Councillors and finance officers read.
/// </summary>
public static class VariationAccess
{
    public static readonly Role[] Requesters = ContractAccess.Editors;

    public static readonly Role[] Deciders = [Role.Administrator, Role.Commissioner];
}

/// <summary>Variations, breaches, termination and the exit plan of a contract, and its open contracting releases.</summary>
public static class ContractChangesApi
{
    public sealed record VariationView(
        Guid Id, int Number, decimal ValueChange, int TermMonths, string Description, string Reason, string RequestedBy, DateTime RequestedAt, VariationStatus Status,
        string DecidedBy, DateTime? DecidedAt, string RejectionReason, string LegalBasis, decimal? ValueAfter, decimal? CumulativeChange);

    public sealed record LedgerView(decimal? OriginalValue, decimal CumulativeChange, decimal? CumulativeRatio, decimal? CurrentValue, ContractNature Nature, decimal Limit, bool OverLimit, string LimitSource);

    public sealed record VariationsView(LedgerView Ledger, IReadOnlyList<VariationView> Items, IReadOnlyList<LegalBasis> LegalBases);

    public sealed record DecisionRequest(string? LegalBasis, string? Reason);

    public sealed record BreachView(Guid Id, DateOnly OccurredOn, string Clause, string Description, BreachSeverity Severity, DateOnly? RemedyNoticeOn, DateOnly? RemedyDue, DateOnly? ResolvedOn, string RecordedBy);

    public sealed record TerminationView(DateOnly On, TerminationGround Ground, DateOnly? NoticeGivenOn, string Reason, string RecordedBy, DateTime RecordedAt);

    public sealed record ExitPlanView(string Continuity, string DataAndAssets, string Tupe, string AlternativeProviders, string Owner, DateOnly LastReviewedOn, DateOnly NextReviewDue, bool Overdue);

    public static void Map(RouteGroupBuilder organisation)
    {
        var contracts = organisation.MapGroup("/contracts/{contractId:guid}").WithTags("Contracts");
        var readers = new RequiresRoleAttribute(ContractAccess.Readers);
        var editors = new RequiresRoleAttribute(ContractAccess.Editors);
        var deciders = new RequiresRoleAttribute(VariationAccess.Deciders);
        contracts.MapGet("/variations", VariationsAsync).WithName("ListContractVariations")
            .WithSummary("A contract's variations with its original value, the cumulative change as an amount and a ratio, its current value and the Procurement Act 2023 below-threshold limit for its nature")
            .WithMetadata(readers);
        contracts.MapPost("/variations", RequestAsync).WithName("RequestContractVariation")
            .WithSummary("Request a variation: valueChange (pounds, plus or minus), termMonths (plus or minus), description and reason")
            .WithMetadata(editors);
        contracts.MapGet("/variations/{variationId:guid}", VariationAsync).WithName("GetContractVariation").WithSummary("A variation").WithMetadata(readers);
        contracts.MapPost("/variations/{variationId:guid}/approve", ApproveAsync).WithName("ApproveContractVariation")
            .WithSummary("Approve a variation (not your own); beyond the below-threshold limit give legalBasis: one of the listed codes, or \"other: \" and the reason")
            .WithMetadata(deciders);
        contracts.MapPost("/variations/{variationId:guid}/reject", RejectAsync).WithName("RejectContractVariation")
            .WithSummary("Reject a variation (not your own), with a reason")
            .WithMetadata(deciders);
        contracts.MapGet("/ocds", OcdsAsync).WithName("GetContractOcds")
            .WithSummary("The contract as an OCDS 1.1 release package: the contract release, then a contractAmendment release for each approved variation")
            .WithMetadata(readers);
        contracts.MapGet("/breaches", BreachesAsync).WithName("ListContractBreaches").WithSummary("A contract's recorded breaches").WithMetadata(readers);
        contracts.MapPost("/breaches", RecordBreachAsync).WithName("RecordContractBreach")
            .WithSummary("Record a breach: occurredOn, clause (the KPI or clause), description, severity (Minor, Moderate, Serious), remedyNoticeOn, remedyDue, resolvedOn")
            .WithMetadata(editors);
        contracts.MapPut("/breaches/{breachId:guid}", ChangeBreachAsync).WithName("UpdateContractBreach").WithSummary("Change a breach, e.g. to record that it was resolved").WithMetadata(editors);
        contracts.MapGet("/termination", TerminationAsync).WithName("GetContractTermination").WithSummary("How and why the contract was terminated; 404 while it is not").WithMetadata(readers);
        contracts.MapPost("/termination", TerminateAsync).WithName("TerminateContract")
            .WithSummary("Terminate the contract: on, ground (BreakClause, Agreement, Breach, Insolvency, Other), noticeGivenOn, reason; once only")
            .WithMetadata(editors);
        contracts.MapGet("/exit-plan", ExitPlanAsync).WithName("GetContractExitPlan").WithSummary("The exit and continuity plan; 404 while there is none").WithMetadata(readers);
        contracts.MapPut("/exit-plan", SaveExitPlanAsync).WithName("SaveContractExitPlan")
            .WithSummary("Add or replace the exit and continuity plan: continuity, dataAndAssets, tupe, alternativeProviders, owner, lastReviewedOn, nextReviewDue (default a year later)")
            .WithMetadata(editors);
    }

    public static VariationView View(Variation v) => new(
        v.Id, v.Number, v.ValueChange, v.TermMonths, v.Description, v.Reason, v.RequestedByName, v.RequestedAt, v.Status, v.DecidedByName, v.DecidedAt, v.RejectionReason, v.LegalBasis, v.ValueAfter, v.CumulativeChange);

    public static LedgerView View(VariationLedger l) => new(l.OriginalValue, l.CumulativeChange, l.Ratio, l.CurrentValue, l.Limit.Nature, l.Limit.Ratio, l.OverLimit, l.Limit.Source);

    private static async Task<Results<Ok<VariationsView>, ProblemHttpResult>> VariationsAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.DetailAsync(db, organisation.Id, contractId, cancellationToken) is not { } listed)
        {
            return Problems.NotFound("Contract");
        }

        var variations = await VaryContract.ListAsync(db, organisation.Id, contractId, cancellationToken);
        return TypedResults.Ok(new VariationsView(View(VaryContract.Ledger(listed.Contract, variations)), variations.Select(View).ToList(), ModificationRules.Bases));
    }

    private static async Task<Results<Ok<VariationView>, ProblemHttpResult>> VariationAsync(Guid contractId, Guid variationId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        (await VaryContract.ListAsync(db, organisation.Id, contractId, cancellationToken)).FirstOrDefault(v => v.Id == variationId) is { } variation
            ? TypedResults.Ok(View(variation))
            : Problems.NotFound("Variation");

    private static async Task<Results<Created<VariationView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        Guid contractId, Variation.Input? request, VaryContract vary, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var requested = await vary.RequestAsync(contract, request ?? new Variation.Input(null, null, null, null), viewer.PersonId!.Value, viewer.DisplayName, cancellationToken);
        return requested.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/variations/{requested.Value.Id}", View(requested.Value))
            : Problems.Validation(requested.Errors);
    }

    private static Task<Results<Ok<VariationView>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid contractId, Guid variationId, DecisionRequest? request, VaryContract vary, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken) =>
        DecideAsync(contractId, variationId, db, organisation, (contract, variation) =>
            vary.ApproveAsync(contract, variation, viewer.PersonId!.Value, viewer.DisplayName, request?.LegalBasis, cancellationToken), cancellationToken);

    private static Task<Results<Ok<VariationView>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid contractId, Guid variationId, DecisionRequest? request, VaryContract vary, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken) =>
        DecideAsync(contractId, variationId, db, organisation, (contract, variation) =>
            vary.RejectAsync(contract, variation, viewer.PersonId!.Value, viewer.DisplayName, request?.Reason, cancellationToken), cancellationToken);

    /// <summary>Deciding twice, or deciding one's own request, is a conflict; a missing legal basis or reason is a 400 naming the field.</summary>
    private static async Task<Results<Ok<VariationView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid contractId, Guid variationId, PlaceshaperDb db, OrganisationContext organisation, Func<Contract, Variation, Task<Common.Errors?>> decide, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract
            || await db.ContractVariations.FindAsync([variationId], cancellationToken) is not { } variation || variation.ContractId != contractId)
        {
            return Problems.NotFound("Variation");
        }

        if (await decide(contract, variation) is { } errors)
        {
            var fields = errors.ByField.Keys;
            return fields.Any(f => f is "status" or "approvedBy" or "rejectedBy" or "contract")
                ? Problems.Conflict(errors.ToString())
                : Problems.Validation(errors);
        }

        return TypedResults.Ok(View(variation));
    }

    private static async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> OcdsAsync(
        Guid contractId, HttpRequest request, PlaceshaperDb db, OrganisationContext organisation, OcdsSettings settings, CancellationToken cancellationToken)
    {
        if (await ContractQueries.DetailAsync(db, organisation.Id, contractId, cancellationToken) is not { } listed)
        {
            return Problems.NotFound("Contract");
        }

        var releases = await ContractOcds.ReleasesAsync(db, settings.Prefix, new OcdsBuyer(organisation.Slug, organisation.Current.Name), listed.Contract, includeContractRelease: true, cancellationToken);
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");
        return TypedResults.Json(OcdsPackage.Of(uri, organisation.Current.Name, settings.License, settings.PublicationPolicy, releases), contentType: "application/json");
    }

    private static BreachView View(Breach b) => new(b.Id, b.OccurredOn, b.Clause, b.Description, b.Severity, b.RemedyNoticeOn, b.RemedyDue, b.ResolvedOn, b.RecordedByName);

    private static async Task<Results<Ok<IReadOnlyList<BreachView>>, ProblemHttpResult>> BreachesAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ContractQueries.DetailAsync(db, organisation.Id, contractId, cancellationToken) is null
            ? Problems.NotFound("Contract")
            : TypedResults.Ok<IReadOnlyList<BreachView>>((await ManageContractRisks.BreachesAsync(db, organisation.Id, contractId, cancellationToken)).Select(View).ToList());

    private static async Task<Results<Created<BreachView>, ValidationProblem, ProblemHttpResult>> RecordBreachAsync(
        Guid contractId, Breach.Input? request, ManageContractRisks risks, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var recorded = await risks.RecordBreachAsync(contract, request ?? new Breach.Input(null, null, null, null, null, null, null), viewer.DisplayName, cancellationToken);
        return recorded.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/breaches/{recorded.Value.Id}", View(recorded.Value))
            : Problems.Validation(recorded.Errors);
    }

    private static async Task<Results<Ok<BreachView>, ValidationProblem, ProblemHttpResult>> ChangeBreachAsync(
        Guid contractId, Guid breachId, Breach.Input? request, ManageContractRisks risks, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await db.ContractBreaches.FindAsync([breachId], cancellationToken) is not { } breach || breach.ContractId != contractId || breach.OrganisationId != organisation.Id)
        {
            return Problems.NotFound("Breach");
        }

        return await risks.ChangeBreachAsync(breach, request ?? new Breach.Input(null, null, null, null, null, null, null), cancellationToken) is { } errors
            ? Problems.Validation(errors)
            : TypedResults.Ok(View(breach));
    }

    private static TerminationView View(Termination t) => new(t.On, t.Ground, t.NoticeGivenOn, t.Reason, t.RecordedByName, t.RecordedAt);

    private static async Task<Results<Ok<TerminationView>, ProblemHttpResult>> TerminationAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ManageContractRisks.TerminationAsync(db, organisation.Id, contractId, cancellationToken) is { } termination
            ? TypedResults.Ok(View(termination))
            : Problems.NotFound("Termination");

    private static async Task<Results<Created<TerminationView>, ValidationProblem, ProblemHttpResult>> TerminateAsync(
        Guid contractId, Termination.Input? request, ManageContractRisks risks, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        if (contract.Status == ContractStatus.Terminated)
        {
            return Problems.Conflict("The contract is already terminated");
        }

        var recorded = await risks.TerminateAsync(contract, request ?? new Termination.Input(null, null, null, null), viewer.DisplayName, cancellationToken);
        return recorded.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/termination", View(recorded.Value))
            : Problems.Validation(recorded.Errors);
    }

    private static ExitPlanView View(ExitPlan p, DateOnly today) => new(p.Continuity, p.DataAndAssets, p.Tupe, p.AlternativeProviders, p.Owner, p.LastReviewedOn, p.NextReviewDue, p.OverdueOn(today));

    private static async Task<Results<Ok<ExitPlanView>, ProblemHttpResult>> ExitPlanAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ManageContractRisks.ExitPlanAsync(db, organisation.Id, contractId, cancellationToken) is { } plan
            ? TypedResults.Ok(View(plan, db.Clock.GetUtcNow().UtcDateTime.UkDate()))
            : Problems.NotFound("Exit plan");

    private static async Task<Results<Ok<ExitPlanView>, ValidationProblem, ProblemHttpResult>> SaveExitPlanAsync(
        Guid contractId, ExitPlan.Input? request, ManageContractRisks risks, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var saved = await risks.SaveExitPlanAsync(contract, request ?? new ExitPlan.Input(null, null, null, null, null, null, null), cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(View(saved.Value, db.Clock.GetUtcNow().UtcDateTime.UkDate())) : Problems.Validation(saved.Errors);
    }
}
