using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Tenders;

/// <summary>Reading a tender's documents: the list without the files, and one file.</summary>
public static class TenderDocuments
{
    /// <summary>A document as listed: everything but its content.</summary>
    public sealed record Listed(Guid Id, string Title, TenderDocumentKind Kind, string FileName, string ContentType, long Size, string Sha256, bool IsAddendum, string AddendumReason, DateTime AddedAt);

    public static async Task<IReadOnlyList<Listed>> ListAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken) =>
        await db.TenderDocuments.AsNoTracking().Where(d => d.TenderId == tenderId).OrderBy(d => d.AddedAt)
            .Select(d => new Listed(d.Id, d.Title, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.IsAddendum, d.AddendumReason, d.AddedAt))
            .ToListAsync(cancellationToken);

    public static Task<TenderDocument?> FindAsync(PlaceshaperDb db, Guid tenderId, Guid documentId, CancellationToken cancellationToken) =>
        db.TenderDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.TenderId == tenderId, cancellationToken);

    public static Task<int> CountAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken) =>
        db.TenderDocuments.CountAsync(d => d.TenderId == tenderId, cancellationToken);

    /// <summary>How a document is described in lists: "PDF, 240 KB".</summary>
    public static string Describe(string fileName, long size) =>
        $"{Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant()}, {(size < 1024 * 1024 ? $"{Math.Max(1, size / 1024)} KB" : $"{size / (1024m * 1024m):0.#} MB")}";
}
