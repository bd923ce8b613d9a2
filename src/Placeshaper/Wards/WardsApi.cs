using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Areas;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Scrutiny;

namespace Placeshaper.Wards;

public static class WardsApi
{
    public sealed record WardsRequest(IReadOnlyList<string>? AreaCodes);

    public static void Map(RouteGroupBuilder organisation)
    {
        var wards = organisation.MapGroup("/wards").WithTags("Wards").WithMetadata(new RequiresRoleAttribute(ScrutinyAccess.Readers));
        wards.MapGet("/", ListAsync).WithName("ListWards").WithSummary("The organisation's wards, with how many contracts are delivered in each");
        wards.MapGet("/{areaCode}", GetAsync).WithName("GetWard")
            .WithSummary("A councillor's ward view: needs, programmes, contracts delivered in the ward with their performance and residents' ratings, and open scrutiny questions");

        var contracts = organisation.MapGroup("/contracts").WithTags("Wards");
        contracts.MapGet("/{contractId:guid}/wards", ContractWardsAsync).WithName("ListContractWards").WithSummary("The wards a contract is delivered in")
            .WithMetadata(new RequiresRoleAttribute(ContractAccess.Readers));
        contracts.MapPut("/{contractId:guid}/wards", SetContractWardsAsync).WithName("SetContractWards")
            .WithSummary("Set the wards a contract is delivered in, by their codes (audited)").WithMetadata(new RequiresRoleAttribute(ContractAccess.Editors));
    }

    private static async Task<Ok<IReadOnlyList<WardQueries.Listed>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await WardQueries.ListAsync(db, organisation.Id, cancellationToken));

    private static async Task<Results<Ok<WardQueries.Ward>, ProblemHttpResult>> GetAsync(string areaCode, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await WardQueries.WardAsync(db, organisation.Id, areaCode, cancellationToken) is { } ward ? TypedResults.Ok(ward) : Problems.NotFound("Ward");

    private static async Task<Results<Ok<IReadOnlyList<WardQueries.Listed>>, ProblemHttpResult>> ContractWardsAsync(
        Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is null)
        {
            return Problems.NotFound("Contract");
        }

        return TypedResults.Ok(await ContractWards.OfAsync(db, contractId, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<WardQueries.Listed>>, ValidationProblem, ProblemHttpResult>> SetContractWardsAsync(
        Guid contractId, WardsRequest request, SetContractAreas set, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var codes = (request.AreaCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var wards = await ContractWards.WardIdsAsync(db, organisation.Id, codes, cancellationToken);
        if (wards.Count != codes.Count)
        {
            return Problems.Validation(Common.Errors.For("areaCodes", $"Not wards of the organisation: {string.Join(", ", codes.Where(c => !wards.ContainsKey(c)))}"));
        }

        var done = await set.HandleAsync(contract, wards.Values.ToList(), cancellationToken);
        return done.Succeeded ? TypedResults.Ok(await ContractWards.OfAsync(db, contractId, cancellationToken)) : Problems.Validation(done.Errors!);
    }
}

public static class ContractWards
{
    public static async Task<IReadOnlyList<WardQueries.Listed>> OfAsync(PlaceshaperDb db, Guid contractId, CancellationToken cancellationToken) =>
        (await db.ContractAreas.AsNoTracking().Where(l => l.ContractId == contractId)
            .Join(db.Areas.AsNoTracking(), l => l.AreaId, a => a.Id, (l, a) => new { a.Code, a.Name }).ToListAsync(cancellationToken))
        .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new WardQueries.Listed(a.Code, a.Name, 0)).ToList();

    public static async Task<Dictionary<string, Guid>> WardIdsAsync(PlaceshaperDb db, Guid organisationId, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Areas.AsNoTracking().Where(a => a.OrganisationId == organisationId && a.Level == AreaLevel.Ward && codes.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
}
