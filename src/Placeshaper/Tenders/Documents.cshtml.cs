using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Tenders;

/// <summary>The documents every bidder gets: added to the draft, or as addenda, with the reason, once published.</summary>
public sealed class DocumentsModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer) : TenderPage(context, db)
{
    public IReadOnlyList<TenderDocuments.Listed> Documents { get; private set; } = [];

    /// <summary>Buyers add documents to a draft, and addenda to a published tender until its deadline.</summary>
    public bool CanAdd => Viewing.HasAny(TendersApi.Buyers) && (Tender.IsDraft || Tender.IsOpenForBids(Now));

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? AddendumReason { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken) =>
        await ShowAsync(tenderId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanAdd)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        byte[]? content = null;
        if (Upload is { Length: > 0 and <= TenderDocument.MaxBytes })
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        else if (Upload is { Length: > TenderDocument.MaxBytes })
        {
            AddError("file", $"The file is larger than {TenderDocument.MaxBytes / 1024 / 1024} MB");
            return Page();
        }

        TenderDocumentKind? kind = Enum.TryParse<TenderDocumentKind>(Kind, out var parsed) && !int.TryParse(Kind, out _) ? parsed : null;
        var added = await TenderDocumentsApi.AddDocumentAsync(Db, Tender, new TenderDocumentsApi.AddRequest(Title, kind, Upload?.FileName, content, AddendumReason), viewer.PersonId!.Value, cancellationToken);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors, field => field is "fileName" or "content" ? "file" : field);
            return Page();
        }

        return Redirect($"{Home}/documents");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid tenderId, Guid documentId, CancellationToken cancellationToken)
    {
        if (await ShowAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanChange || await TenderDocuments.FindAsync(Db, Tender.Id, documentId, cancellationToken) is not { } document)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (document.CanRemove(Tender) is null)
        {
            Db.TenderDocuments.Remove(document);
            await Db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"{Home}/documents");
    }

    private async Task<IActionResult?> ShowAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        Documents = await TenderDocuments.ListAsync(Db, Tender.Id, cancellationToken);
        return null;
    }
}
