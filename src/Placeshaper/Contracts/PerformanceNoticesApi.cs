using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Common;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Contracts;

/// <summary>Contract performance notices (Procurement Act 2023 s.71(2)) through the API: the ones published, when the next is due, and publishing one.</summary>
public static class PerformanceNoticesApi
{
    public sealed record NoticeView(Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime PublishedAt, IReadOnlyList<PerformanceNotice.KpiRating> Ratings);

    public sealed record NoticesView(bool Required, DateOnly? NextDue, bool Overdue, IReadOnlyList<NoticeView> Notices);

    public static void Map(RouteGroupBuilder organisation)
    {
        var notices = organisation.MapGroup("/contracts/{contractId:guid}/performance-notices").WithTags("Contract delivery");
        notices.MapGet("/", ListAsync).WithName("ListContractPerformanceNotices")
            .WithSummary("The contract's performance notices, latest first, whether it needs them (over £5 million with KPIs) and when the next assessment is due")
            .WithMetadata(new RequiresRoleAttribute(ContractAccess.Readers));
        notices.MapPost("/", PublishAsync).WithName("PublishContractPerformanceNotice")
            .WithSummary("Publish an assessment of every KPI over a period of at most 12 months: good, approaching target, requires improvement, inadequate or other (with a comment)")
            .WithMetadata(new RequiresRoleAttribute(ContractAccess.Editors));
    }

    public static async Task<List<PerformanceNotice>> NoticesAsync(PlaceshaperDb db, Guid contractId, CancellationToken cancellationToken) =>
        (await db.Set<PerformanceNotice>().AsNoTracking().Where(n => n.ContractId == contractId).ToListAsync(cancellationToken)).OrderByDescending(n => n.PeriodEnd).ToList();

    public static NoticeView View(PerformanceNotice n) => new(n.Id, n.PeriodStart, n.PeriodEnd, n.PublishedAt, n.KpiRatings);

    private static async Task<Results<Ok<NoticesView>, ProblemHttpResult>> ListAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var notices = await NoticesAsync(db, contractId, cancellationToken);
        var due = PerformanceNotice.NextDue(contract, notices);
        return TypedResults.Ok(new NoticesView(PerformanceNotice.Required(contract), due, due < db.Clock.GetUtcNow().UtcDateTime.UkDate(), notices.Select(View).ToList()));
    }

    private static async Task<Results<Created<NoticeView>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Guid contractId, PerformanceNotice.Input? request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, ContractDelivery delivery, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var published = await delivery.PublishNoticeAsync(contract, request ?? new PerformanceNotice.Input(null, null, null), viewer.PersonId, cancellationToken);
        return published.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/performance-notices", View(published.Value!))
            : Problems.Validation(published.Errors!);
    }
}
