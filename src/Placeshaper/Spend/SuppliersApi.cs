using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>Suppliers in spend: resolution to the provider register, officers' decisions, and the local definition.</summary>
public static class SuppliersApi
{
    public static void Map(RouteGroupBuilder organisation)
    {
        var spend = organisation.MapGroup("/spend").WithTags("Spend");
        var readers = new RequiresRoleAttribute(SpendAccess.Readers);
        var importers = new RequiresRoleAttribute(SpendAccess.Importers);
        spend.MapGet("/suppliers", ListAsync).WithName("ListSpendSuppliers")
            .WithSummary("The suppliers named in spend, largest spend first, each resolved to the provider register (status Resolved, ToReview, Unresolved, NewSupplier or Redacted; ?status= picks one) and classified local, SME, VCSE, public sector or individual")
            .WithMetadata(readers);
        spend.MapPost("/suppliers/resolve", ResolveAsync).WithName("ResolveSpendSuppliers")
            .WithSummary("Resolve and classify the suppliers again (after the register or the local definition changed); runs after every import anyway")
            .WithMetadata(importers);
        spend.MapPost("/suppliers/decisions", DecideAsync).WithName("DecideSpendSupplier")
            .WithSummary("An officer's decision about a supplier: {\"supplierKey\", \"decision\": \"accept\"|\"reject\"|\"new\", \"providerId\"}; accept and reject default to the suggested provider. Remembered and reused at every later import")
            .WithMetadata(importers);
        spend.MapGet("/local-definition", LocalDefinitionAsync).WithName("GetSpendLocalDefinition")
            .WithSummary("How the organisation defines a local supplier: OwnArea, Districts (ONS codes) or Radius (km from a postcode)")
            .WithMetadata(readers);
        spend.MapPut("/local-definition", SaveLocalDefinitionAsync).WithName("SaveSpendLocalDefinition")
            .WithSummary("Change the local definition: {\"kind\": \"OwnArea\"|\"Districts\"|\"Radius\", \"districts\": \"E07000041,E07000042\", \"centrePostcode\", \"radiusKm\"}; suppliers are classified again")
            .WithMetadata(importers);
    }

    public sealed record LocalDefinitionView(LocalDefinitionKind Kind, IReadOnlyList<string> Districts, string? CentrePostcode, decimal? RadiusKm);

    public sealed record LocalDefinitionRequest(string? Kind, string? Districts, string? CentrePostcode, decimal? RadiusKm);

    private static async Task<Results<Ok<IReadOnlyList<SupplierQueries.SupplierView>>, ValidationProblem>> ListAsync(
        string? status, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        SupplierStatus? only = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<SupplierStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.Validation(Common.Errors.For("status", $"Choose one of {string.Join(", ", Enum.GetNames<SupplierStatus>())}"));
            }

            only = parsed;
        }

        return TypedResults.Ok(await SupplierQueries.ListAsync(db, organisation.Id, only, cancellationToken));
    }

    private static async Task<Ok<ResolveSuppliers.Outcome>> ResolveAsync(ResolveSuppliers resolve, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await resolve.HandleAsync(organisation.Id, cancellationToken));

    private static async Task<Results<Ok<SupplierQueries.SupplierView>, ValidationProblem>> DecideAsync(
        DecideSupplier.Command command, DecideSupplier decide, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var decided = await decide.HandleAsync(organisation.Id, command, cancellationToken);
        if (!decided.Succeeded)
        {
            return Problems.Validation(decided.Errors);
        }

        var suppliers = await SupplierQueries.ListAsync(db, organisation.Id, null, cancellationToken);
        return TypedResults.Ok(suppliers.Single(s => s.SupplierKey == command.SupplierKey));
    }

    private static async Task<Ok<LocalDefinitionView>> LocalDefinitionAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var definition = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.SpendLocalDefinitions, d => d.OrganisationId == organisation.Id, cancellationToken) ?? SpendLocalDefinition.For(organisation.Id);
        return TypedResults.Ok(View(definition));
    }

    private static LocalDefinitionView View(SpendLocalDefinition d) => new(d.Kind, d.DistrictCodes, d.CentrePostcode, d.RadiusKm);

    private static async Task<Results<Ok<LocalDefinitionView>, ValidationProblem>> SaveLocalDefinitionAsync(
        LocalDefinitionRequest request, PlaceshaperDb db, ResolveSuppliers resolve, OrganisationContext organisation, TimeProvider clock, CancellationToken cancellationToken)
    {
        LocalDefinitionKind? kind = Enum.TryParse<LocalDefinitionKind>(request.Kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var saved = await SaveLocalDefinition.HandleAsync(db, resolve, organisation.Id, kind, request.Districts, request.CentrePostcode, request.RadiusKm, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(View(saved.Value)) : Problems.Validation(saved.Errors);
    }
}
