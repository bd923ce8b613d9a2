using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Tenders.Publication;

/// <summary>
/// Tenders in open standards: each published tender as an OCDS 1.1 release package, and the Transparency Code's list
/// of invitations to tender over £5,000. For the organisation's officers, like the rest of the tenders API.
/// </summary>
public static class PublicationApi
{
    public static void Map(RouteGroupBuilder organisation)
    {
        var tenders = organisation.MapGroup("/tenders").WithTags("Tenders").WithMetadata(new RequiresRoleAttribute(TendersApi.Officers));
        tenders.MapGet("/{tenderId:guid}/ocds", OcdsAsync).WithName("GetTenderOcds")
            .WithSummary("A published tender as an OCDS 1.1 release package: the tender, each award decision (pending in its standstill, then active) and each contract entered into, with the lots, suitability and UK extensions; a draft gets 409")
            .ProducesProblem(StatusCodes.Status409Conflict);
        tenders.MapGet("/transparency-code.csv", TransparencyCodeAsync).WithName("GetTransparencyCodeInvitationsToTender")
            .WithSummary("Published invitations to tender over £5,000, with the fields the Local Government Transparency Code 2015 asks for, as CSV");
    }

    /// <summary>
    /// 404 when the organisation has no such tender; 409 for its draft, which the officer can already see through the
    /// tenders API but which is not published, so there is nothing to release yet.
    /// </summary>
    private static async Task<Results<JsonHttpResult<JsonObject>, ProblemHttpResult>> OcdsAsync(
        Guid tenderId, HttpRequest request, PlaceshaperDb db, OrganisationContext organisation, OcdsSettings settings, CancellationToken cancellationToken)
    {
        var tender = await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken);
        if (tender is null)
        {
            return Problems.NotFound("Tender");
        }

        if (tender.IsDraft)
        {
            return Problems.Conflict("The tender is a draft: it has no open contracting data until it is published.");
        }

        var buyer = new OcdsBuyer(organisation.Slug, organisation.Current.Name);
        var decisions = await db.AwardDecisions.AsNoTracking().Where(a => a.TenderId == tender.Id).ToListAsync(cancellationToken);
        var winningBids = decisions.Select(d => d.BidId).ToList();
        var winners = await db.Bids.Where(b => winningBids.Contains(b.Id)).Join(db.Providers, b => b.ProviderId, p => p.Id, (b, p) => new { BidId = b.Id, Provider = p })
            .ToDictionaryAsync(x => x.BidId, x => x.Provider, cancellationToken);
        var decisionIds = decisions.Select(d => d.Id).ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.AwardDecisionId != null && decisionIds.Contains(c.AwardDecisionId.Value))
            .ToDictionaryAsync(c => c.AwardDecisionId!.Value, c => new OcdsAwards.ContractTerm(c.Id, c.StartDate, c.EndDate), cancellationToken);
        var releases = OcdsReleases.For(settings.Prefix, buyer, TenderSnapshot.Of(tender, ProcurementThresholds.Official, await TenderDocuments.ListAsync(db, tender.Id, cancellationToken)), OcdsAwards.For(tender, decisions, winners, contracts)).ToList();
        // Each approved variation of a contract the tender awarded is an amendment of that contract's release.
        foreach (var contractId in contracts.Values.Select(c => c.ContractId))
        {
            if (await Contracts.ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is { } contract)
            {
                releases.AddRange(await Contracts.ContractOcds.ReleasesAsync(db, settings.Prefix, buyer, contract, includeContractRelease: false, cancellationToken));
            }
        }

        var uri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");
        return TypedResults.Json(OcdsPackage.Of(uri, organisation.Current.Name, settings.License, settings.PublicationPolicy, releases), contentType: "application/json");
    }

    private static async Task<FileContentHttpResult> TransparencyCodeAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var table = TransparencyCode.Table(await InvitationsToTender.ListAsync(db, organisation.Id, cancellationToken));
        return TypedResults.File(table.ToCsv(), Exports.Table.CsvType, "invitations-to-tender.csv");
    }
}
