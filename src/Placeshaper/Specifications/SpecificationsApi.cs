using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Tenders;

namespace Placeshaper.Specifications;

/// <summary>
/// Outcome-based specifications under a programme the organisation leads: officers read them, buyers write and agree
/// them. Once agreed a specification is fixed: a change gets 409 Conflict, because the request is well formed but the
/// specification's state no longer allows it (as a bid after the deadline does).
/// </summary>
public static class SpecificationsApi
{
    /// <summary>
    /// A specification's parts. Title, purpose and outcomes are always given; each other part (KPIs, term, lots,
    /// payment) is replaced when given and left as it is when left out.
    /// </summary>
    public sealed record SpecificationRequest(
        string? Title, string? Purpose, IReadOnlyList<Guid>? OutcomeIds,
        IReadOnlyList<Specification.KpiInput?>? Kpis,
        int? ContractMonths, IReadOnlyList<int>? Extensions,
        IReadOnlyList<Specification.LotInput?>? Lots, string? NoLotsReason,
        PaymentMechanism? PaymentMechanism, decimal? OutcomeShare, bool? ServiceCredits);

    public sealed record KpiView(
        Guid Id, int Number, string Definition, string Unit, Polarity Polarity, decimal Target, decimal Minimum, KpiFrequency Frequency, string DataSource, Guid? MeasureId);

    public sealed record LotView(int Number, string Title, decimal SharePercent);

    public sealed record SpecificationSummary(Guid Id, string Title, SpecificationStatus Status, PaymentMechanism? PaymentMechanism, int Kpis);

    public sealed record SpecificationView(
        Guid Id, Guid ProgrammeId, string Title, string Purpose, IReadOnlyList<Guid> OutcomeIds, IReadOnlyList<KpiView> Kpis,
        int? ContractMonths, IReadOnlyList<int> Extensions, int? TotalMonths,
        IReadOnlyList<LotView> Lots, string NoLotsReason,
        PaymentMechanism? PaymentMechanism, decimal? OutcomeShare, bool ServiceCredits,
        SpecificationStatus Status, DateTime? AgreedAt, IReadOnlyList<string> Gaps, IReadOnlyList<string> Warnings);

    public static void Map(RouteGroupBuilder organisation)
    {
        var buyers = new RequiresRoleAttribute(TendersApi.Buyers);
        var listed = organisation.MapGroup("/programmes/{programmeId:guid}/specifications").WithTags("Specifications").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        listed.MapGet("/", ListAsync).WithName("ListSpecifications").WithSummary("The programme's outcome-based specifications, newest first");
        listed.MapPost("/", StartAsync).WithName("StartSpecification").WithSummary("Start a specification from at least one outcome of the outcomes framework").WithMetadata(buyers);

        var one = organisation.MapGroup("/specifications/{specificationId:guid}").WithTags("Specifications").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        one.MapGet("/", GetAsync).WithName("GetSpecification").WithSummary("A specification with its outcomes, KPIs, term, lots, payment mechanism, gaps and warnings");
        one.MapPut("/", ChangeAsync).WithName("ChangeSpecification").WithSummary("Change a draft specification: parts left out stay as they are").WithMetadata(buyers);
        one.MapPost("/agree", AgreeAsync).WithName("AgreeSpecification").WithSummary("Agree the specification, an audited decision: it is then fixed").WithMetadata(buyers);
    }

    private static async Task<Results<Ok<IReadOnlyList<SpecificationSummary>>, ProblemHttpResult>> ListAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is null)
        {
            return Problems.NotFound("Programme");
        }

        var rows = await SpecificationQueries.ListAsync(db, organisation.Id, programmeId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SpecificationSummary>>(rows.Select(r => new SpecificationSummary(r.Id, r.Title, r.Status, r.PaymentMechanism, r.Kpis)).ToList());
    }

    private static async Task<Results<Created<SpecificationView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        Guid programmeId, SpecificationRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is not { } programme)
        {
            return Problems.NotFound("Programme");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var outcomes = await SpecificationQueries.ActiveOutcomesAsync(db, organisation.Id, cancellationToken);
        var started = Specification.Start(programme, request.Title, request.Purpose, request.OutcomeIds, outcomes, now);
        if (!started.Succeeded)
        {
            return Problems.Validation(started.Errors);
        }

        var specification = started.Value;
        if (await ApplyPartsAsync(db, organisation.Id, specification, request, now, cancellationToken) is { Any: true } errors)
        {
            return Problems.Validation(errors);
        }

        db.Specifications.Add(specification);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/v1/orgs/{organisation.Slug}/specifications/{specification.Id}",
            await ViewAsync(db, specification, cancellationToken));
    }

    private static async Task<Results<Ok<SpecificationView>, ProblemHttpResult>> GetAsync(
        Guid specificationId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await SpecificationQueries.FindAsync(db, organisation.Id, specificationId, cancellationToken) is { } specification
            ? TypedResults.Ok(await ViewAsync(db, specification, cancellationToken))
            : Problems.NotFound("Specification");

    private static async Task<Results<Ok<SpecificationView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid specificationId, SpecificationRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await SpecificationQueries.FindAsync(db, organisation.Id, specificationId, cancellationToken) is not { } specification)
        {
            return Problems.NotFound("Specification");
        }

        if (specification.IsAgreed)
        {
            return Problems.Conflict("The specification has been agreed: it is fixed, because tenders and contracts rely on it. Start a new specification to change it.");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var errors = specification.Describe(request.Title, request.Purpose, request.OutcomeIds, await SpecificationQueries.ActiveOutcomesAsync(db, organisation.Id, cancellationToken))
            ?? new Common.Errors();
        if (await ApplyPartsAsync(db, organisation.Id, specification, request, now, cancellationToken) is { } more)
        {
            foreach (var (field, messages) in more.ByField)
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, specification, cancellationToken));
    }

    private static async Task<Results<Ok<SpecificationView>, ValidationProblem, ProblemHttpResult>> AgreeAsync(
        Guid specificationId, PlaceshaperDb db, OrganisationContext organisation, AgreeSpecification agree, CancellationToken cancellationToken)
    {
        if (await SpecificationQueries.FindAsync(db, organisation.Id, specificationId, cancellationToken) is not { } specification)
        {
            return Problems.NotFound("Specification");
        }

        if (specification.IsAgreed)
        {
            return Problems.Conflict("The specification has already been agreed.");
        }

        if (await agree.HandleAsync(specification, cancellationToken) is { } errors)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await ViewAsync(db, specification, cancellationToken));
    }

    /// <summary>Applies the parts the request gives; every part is checked, so all errors come back together.</summary>
    private static async Task<Common.Errors?> ApplyPartsAsync(
        PlaceshaperDb db, Guid organisationId, Specification specification, SpecificationRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var errors = new Common.Errors();
        void Merge(Common.Errors? more)
        {
            foreach (var (field, messages) in more?.ByField ?? [])
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        if (request.Kpis is { } kpis)
        {
            Merge(specification.SetKpis(kpis, await SpecificationQueries.ActiveMeasuresAsync(db, organisationId, cancellationToken), now));
        }

        if (request.ContractMonths is not null || request.Extensions is not null)
        {
            Merge(specification.SetTerm(request.ContractMonths, request.Extensions));
        }

        if (request.Lots is not null || request.NoLotsReason is not null)
        {
            Merge(specification.SetLots(request.Lots ?? [], request.NoLotsReason, now));
        }

        if (request.PaymentMechanism is not null || request.OutcomeShare is not null || request.ServiceCredits is not null)
        {
            Merge(specification.ChoosePayment(request.PaymentMechanism, request.OutcomeShare, request.ServiceCredits ?? false));
        }

        return errors.Any ? errors : null;
    }

    public static async Task<SpecificationView> ViewAsync(PlaceshaperDb db, Specification s, CancellationToken cancellationToken) => new(
        s.Id, s.ProgrammeId, s.Title, s.Purpose, s.Outcomes.Select(o => o.OutcomeId).ToList(),
        s.Kpis.OrderBy(k => k.Number).Select(k => new KpiView(k.Id, k.Number, k.Definition, k.Unit, k.Polarity, k.Target, k.Minimum, k.Frequency, k.DataSource, k.MeasureId)).ToList(),
        s.ContractMonths, s.Extensions.OrderBy(e => e.Number).Select(e => e.Months).ToList(), s.TotalMonths,
        s.Lots.OrderBy(l => l.Number).Select(l => new LotView(l.Number, l.Title, l.SharePercent)).ToList(), s.NoLotsReason,
        s.PaymentMechanism, s.OutcomeSharePercent, s.ServiceCredits, s.Status, s.AgreedAt, s.Gaps(),
        s.Warnings(await SpecificationQueries.TenderValueAsync(db, s.OrganisationId, s.ProgrammeId, cancellationToken)));
}
