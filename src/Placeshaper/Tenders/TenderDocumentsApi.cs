using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Portal;

namespace Placeshaper.Tenders;

/// <summary>
/// A tender's procurement documents: buyers add them to the draft (and addenda after publication, with the reason);
/// officers read them; bidders read a published tender's in the portal.
/// </summary>
public static class TenderDocumentsApi
{
    /// <summary>A document to add; the file as base64, up to 10 MB.</summary>
    public sealed record AddRequest(string? Title, TenderDocumentKind? Kind, string? FileName, byte[]? Content, string? AddendumReason);

    /// <summary>Base64 makes 10 MB about 13.4 MB; the rest is room for the other fields.</summary>
    public const long MaxRequestBytes = 14 * 1024 * 1024;

    public static void Map(RouteGroupBuilder organisation)
    {
        var documents = organisation.MapGroup("/tenders/{tenderId:guid}/documents").WithTags("Tenders").WithMetadata(new RequiresRoleAttribute(TendersApi.Officers));
        var buyers = new RequiresRoleAttribute(TendersApi.Buyers);
        documents.MapGet("/", ListAsync).WithName("ListTenderDocuments").WithSummary("The tender's documents, addenda last, without their files");
        documents.MapPost("/", AddAsync).WithName("AddTenderDocument")
            .WithSummary("Add a document (file as base64): to a draft, or as an addendum with its reason to a published tender until the deadline")
            .WithMetadata(buyers, new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes)).ProducesProblem(StatusCodes.Status409Conflict);
        documents.MapGet("/{documentId:guid}", FileAsync).WithName("GetTenderDocument").WithSummary("The document's file");
        documents.MapDelete("/{documentId:guid}", RemoveAsync).WithName("RemoveTenderDocument")
            .WithSummary("Remove a draft's document; a published tender's stay (409)").WithMetadata(buyers).ProducesProblem(StatusCodes.Status409Conflict);

        var portal = organisation.MapGroup("/portal/tenders/{tenderId:guid}/documents").WithTags("Supplier portal").WithMetadata(new RequiresRoleAttribute(Role.Provider));
        portal.MapGet("/", PortalListAsync).WithName("PortalTenderDocuments").WithSummary("A published tender's documents, addenda last");
        portal.MapGet("/{documentId:guid}", PortalFileAsync).WithName("PortalTenderDocument").WithSummary("One of a published tender's documents");
    }

    private static async Task<Results<Ok<IReadOnlyList<TenderDocuments.Listed>>, ProblemHttpResult>> ListAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is null
            ? Problems.NotFound("Tender")
            : TypedResults.Ok(await TenderDocuments.ListAsync(db, tenderId, cancellationToken));

    private static async Task<Results<Created<TenderDocuments.Listed>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid tenderId, AddRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var added = await AddDocumentAsync(db, tender, request, viewer.PersonId!.Value, cancellationToken);
        if (!added.Succeeded)
        {
            return added.Errors.ByField.ContainsKey("tender") ? Problems.Conflict(added.Errors.ToString()) : Problems.Validation(added.Errors);
        }

        var d = added.Value;
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/tenders/{tenderId}/documents/{d.Id}",
            new TenderDocuments.Listed(d.Id, d.Title, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.IsAddendum, d.AddendumReason, d.AddedAt));
    }

    /// <summary>Adds a document, as the API and the tender's page both do; an addendum is a recorded decision.</summary>
    public static async Task<Common.Result<TenderDocument>> AddDocumentAsync(PlaceshaperDb db, Tender tender, AddRequest request, Guid personId, CancellationToken cancellationToken)
    {
        var existing = await TenderDocuments.CountAsync(db, tender.Id, cancellationToken);
        var added = TenderDocument.Add(tender, existing, request.Title, request.Kind, request.FileName, request.Content, request.AddendumReason, personId, db.Clock.GetUtcNow().UtcDateTime);
        if (!added.Succeeded)
        {
            return added;
        }

        db.TenderDocuments.Add(added.Value);
        if (added.Value.IsAddendum)
        {
            db.RecordDecision(new AuditDecision(tender.OrganisationId, "tender-addendum-added", nameof(Tender), tender.Id.ToString(), After: JsonSerializer.Serialize(new
            {
                document = added.Value.Id,
                title = added.Value.Title,
                sha256 = added.Value.Sha256,
                reason = added.Value.AddendumReason,
            })));
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(
        Guid tenderId, Guid documentId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not null
        && await TenderDocuments.FindAsync(db, tenderId, documentId, cancellationToken) is { } document
            ? TypedResults.File(document.Content, document.ContentType, document.FileName)
            : Problems.NotFound("Document");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid tenderId, Guid documentId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender
            || await TenderDocuments.FindAsync(db, tenderId, documentId, cancellationToken) is not { } document)
        {
            return Problems.NotFound("Document");
        }

        if (document.CanRemove(tender) is { } refused)
        {
            return Problems.Conflict(refused.ToString());
        }

        db.TenderDocuments.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<TenderDocuments.Listed>>, ProblemHttpResult>> PortalListAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is null
            ? Problems.NotFound("Tender")
            : TypedResults.Ok(await TenderDocuments.ListAsync(db, tenderId, cancellationToken));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PortalFileAsync(
        Guid tenderId, Guid documentId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is not null
        && await TenderDocuments.FindAsync(db, tenderId, documentId, cancellationToken) is { } document
            ? TypedResults.File(document.Content, document.ContentType, document.FileName)
            : Problems.NotFound("Document");
}
