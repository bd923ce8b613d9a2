using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Audit;

[RequiresRole(Role.Administrator)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string OrganisationName => context.Current.Name;

    public string Slug => context.Slug;

    public Paged<AuditQueries.Row> Entries { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public AuditVerification? Verification { get; private set; }

    /// <summary>The filters, as the API's <c>action</c> and <c>entityType</c>: kept by the pages and the download.</summary>
    public string? Action { get; private set; }

    public string? EntityType { get; private set; }

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    /// <summary>The query string of the filters, for links to other pages and to the download.</summary>
    public string FilterQuery =>
        (string.IsNullOrEmpty(Action) ? "" : "&action=" + Uri.EscapeDataString(Action))
        + (string.IsNullOrEmpty(EntityType) ? "" : "&entityType=" + Uri.EscapeDataString(EntityType));

    /// <remarks>
    /// The page number is read from the query string by name: a Razor page's own route values include "page" (its
    /// path), which would otherwise be bound first and leave every link on page 1.
    /// </remarks>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, bool verify, string? action, string? entityType, CancellationToken cancellationToken)
    {
        (Action, EntityType) = (Blank(action), Blank(entityType));
        (Actions, EntityTypes) = await AuditQueries.FilterChoicesAsync(db, context.Id, cancellationToken);
        var paging = new Paging(Math.Max(1, pageNumber ?? 1), Paging.DefaultSize);
        var entries = await paging.ApplyAsync(AuditQueries.ForOrganisation(db, context.Id, Action, EntityType), cancellationToken);
        Entries = entries with { Items = await AuditQueries.SealBidsAsync(db, entries.Items, cancellationToken) };
        if (verify)
        {
            Verification = await AuditQueries.VerifyAsync(db, cancellationToken);
        }
    }

    /// <summary>The whole trail the filters select, not only the page shown, streamed so that a long trail downloads in flat memory.</summary>
    public IActionResult OnGetDownload(string? format, string? action, string? entityType, CancellationToken cancellationToken) =>
        Exports.Table.Stream(
            $"audit trail {context.Slug}",
            ["sequence", "at", "actor", "action", "entity_type", "entity_id", "before", "after", "hash"],
            Rows(AuditQueries.AllForOrganisationAsync(db, context.Id, Blank(action), Blank(entityType), cancellationToken)),
            format ?? "csv");

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IAsyncEnumerable<AuditQueries.Row> entries)
    {
        await foreach (var e in entries)
        {
            yield return [e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash];
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
