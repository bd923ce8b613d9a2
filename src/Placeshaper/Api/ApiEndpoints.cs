using Placeshaper.Access;
using Placeshaper.Areas;
using Placeshaper.Audit;
using Placeshaper.Budgets;
using Placeshaper.Hosting;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Outcomes;
using Placeshaper.People;
using Placeshaper.Programmes;

namespace Placeshaper.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c>. Everything about one organisation hangs off <c>/orgs/{org}</c>, whose
/// <see cref="OrganisationGate"/> is the single gate for organisation isolation; each area maps its own endpoints onto these groups.
/// </summary>
public static class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(WebApp.ApiScheme)
            .DisableAntiforgery()
            .AddEndpointFilter<RequestBodyChecks>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Organisations");
        var organisation = api.MapGroup("/orgs/{org}")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        OrganisationsApi.Map(api, organisation);
        MembersApi.Map(organisation);
        AuditApi.Map(organisation);
        ProgrammesApi.Map(organisation);
        BudgetsApi.Map(organisation);
        AreasApi.Map(api, organisation);
        NeedsApi.Map(organisation);
        OutcomesApi.Map(organisation);
        Intelligence.IntelligenceApi.Map(organisation);
        TokensApi.Map(api);
        Calculators.CalculatorsApi.Map(api);
        Calendar.CalendarApi.Map(api);
        Appraisals.AppraisalsApi.Map(organisation);
        Tenders.TendersApi.Map(organisation);
        Tenders.TenderDocumentsApi.Map(organisation);
        Specifications.SpecificationsApi.Map(organisation);
        Tenders.Publication.PublicationApi.Map(organisation);
        Market.MarketApi.Map(organisation);
        Providers.ProvidersApi.Map(organisation);
        Providers.RegistrationsApi.Map(organisation);
        Bids.BidsApi.Map(organisation);
        Portal.PortalApi.Map(organisation);
        Evaluation.EvaluationApi.Map(organisation);
        Clarifications.ClarificationsApi.Map(organisation);
        Contracts.ContractsApi.Map(organisation);
        Contracts.DeliveryApi.Map(organisation);
        Contracts.ContractChangesApi.Map(organisation);
        SocialValue.SocialValueApi.Map(organisation);
        Reviews.ReviewsApi.Map(api, organisation);
        Scrutiny.ScrutinyApi.Map(organisation);
        Spend.SpendApi.Map(organisation);
        Benchmarks.BenchmarksApi.Map(organisation);
        Wards.WardsApi.Map(organisation);
        Programmes.ProgrammeReviewApi.Map(organisation);
        Spend.SuppliersApi.Map(organisation);
        Spend.AnalyticsApi.Map(organisation);
        SocialValue.SocialValueDeliveryApi.Map(organisation);
        SocialValue.SocialValueReportApi.Map(organisation);
        Contracts.PerformanceNoticesApi.Map(organisation);
        Spend.CategoriesApi.Map(organisation);
    }
}
