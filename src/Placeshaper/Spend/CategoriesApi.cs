using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>Spend categories: the organisation's expense types mapped to CPV 2008 codes and/or its own ProClass codes.</summary>
public static class CategoriesApi
{
    public static void Map(RouteGroupBuilder organisation)
    {
        var spend = organisation.MapGroup("/spend").WithTags("Spend");
        spend.MapGet("/categories", ListAsync).WithName("ListSpendCategories")
            .WithSummary("Every expense type in spend with its spend and its mapping to a CPV 2008 code (with its division) and/or a ProClass code and label; unmapped first")
            .WithMetadata(new RequiresRoleAttribute(SpendAccess.Readers));
        spend.MapPut("/categories", SaveAsync).WithName("MapSpendCategories")
            .WithSummary("Map expense types, all or nothing: {\"mappings\": [{\"expenseType\", \"cpvCode\", \"proClassCode\", \"proClassLabel\"}]}; a CPV code must be in the CPV 2008 list; a mapping with none of the three removes it")
            .WithMetadata(new RequiresRoleAttribute(SpendAccess.Importers));
        spend.MapPost("/categories/imports", ImportAsync).WithName("ImportSpendCategories")
            .WithSummary("Import a mapping file (CSV or .xlsx body; ?file=NAME) with columns expense_type, cpv_code, proclass_code, proclass_label (the page's download), whole or not at all")
            .WithMetadata(new RequiresRoleAttribute(SpendAccess.Importers), new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreasApi.MaxImportBytes));
        spend.MapGet("/categories/suggestions", SuggestionsAsync).WithName("ListSpendCategorySuggestions")
            .WithSummary("Unmapped expense types with the ProClass codes and labels their spend files gave them (lines and spend each, the file that first gave it); 'conflicting' when the files gave more than one")
            .WithMetadata(new RequiresRoleAttribute(SpendAccess.Readers));
        spend.MapPost("/categories/suggestions/accept", AcceptAsync).WithName("AcceptSpendCategorySuggestion")
            .WithSummary("Make one suggestion the expense type's category: {\"expenseType\", \"proClassCode\", \"proClassLabel\"} as suggested; 404 when there is no such suggestion, 409 when the expense type is mapped already")
            .WithMetadata(new RequiresRoleAttribute(SpendAccess.Importers));
        spend.MapPost("/categories/suggestions/accept-all", AcceptAllAsync).WithName("AcceptAllSpendCategorySuggestions")
            .WithSummary("Accept the suggestion of every unmapped expense type whose files gave one classification only; conflicting ones are left for an officer")
            .WithMetadata(new RequiresRoleAttribute(SpendAccess.Importers));
    }

    public sealed record MappingsRequest(IReadOnlyList<MapSpendCategories.Mapping>? Mappings);

    private static async Task<Ok<IReadOnlyList<SpendCategoryQueries.Row>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SpendCategoryQueries.ListAsync(db, organisation.Id, cancellationToken));

    private static async Task<Results<Ok<MapSpendCategories.Outcome>, ValidationProblem>> SaveAsync(
        MappingsRequest request, MapSpendCategories map, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var saved = await map.HandleAsync(organisation.Id, request.Mappings ?? [], indexed: true, cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(saved.Value) : Problems.Validation(saved.Errors);
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? file, MapSpendCategories map, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        var report = await map.ImportAsync(organisation.Id, content, string.IsNullOrWhiteSpace(file) ? ImportTable.DefaultName(content) : file, cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }

    private static async Task<Ok<IReadOnlyList<SpendCategorySuggestionQueries.Suggested>>> SuggestionsAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SpendCategorySuggestionQueries.ListAsync(db, organisation.Id, cancellationToken));

    private static async Task<Results<Ok<AcceptSpendCategorySuggestions.Outcome>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        AcceptSpendCategorySuggestions.Accept request, AcceptSpendCategorySuggestions accept, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var (result, refusal) = await accept.OneAsync(organisation.Id, request, cancellationToken);
        return refusal switch
        {
            AcceptSpendCategorySuggestions.Refusal.NotFound => Problems.NotFound("Suggestion"),
            AcceptSpendCategorySuggestions.Refusal.AlreadyMapped => Problems.Conflict(result.Errors!.ToString()),
            _ when !result.Succeeded => Problems.Validation(result.Errors!),
            _ => TypedResults.Ok(result.Value!),
        };
    }

    private static async Task<Results<Ok<AcceptSpendCategorySuggestions.Outcome>, ValidationProblem>> AcceptAllAsync(
        AcceptSpendCategorySuggestions accept, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var result = await accept.AllAsync(organisation.Id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(result.Errors!);
    }
}
