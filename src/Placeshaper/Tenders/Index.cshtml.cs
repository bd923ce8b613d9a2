using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Tenders;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public bool CanDraft => context.Current.HasAny(TendersApi.Buyers);

    public IReadOnlyList<TenderQueries.Listed> Tenders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tenders = await TenderQueries.ListAsync(db, context.Id, cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var tenders = await TenderQueries.ListAsync(db, context.Id, cancellationToken);
        return new Exports.Table("tenders", ["reference", "title", "kind", "estimated_value_gbp_incl_vat", "route", "status", "submission_deadline"],
            tenders.Select(t => (IReadOnlyList<object?>)[t.Reference, t.Title, Describe.Of(t.Kind), t.EstimatedValue, Describe.Of(t.Route), Describe.Of(t.Status), t.SubmissionDeadline]).ToList()).ToFile(format);
    }

    /// <summary>The Local Government Transparency Code's quarterly list: published invitations to tender over £5,000.</summary>
    public async Task<IActionResult> OnGetTransparencyCodeAsync(string format, CancellationToken cancellationToken) =>
        Publication.TransparencyCode.Table(await Publication.InvitationsToTender.ListAsync(db, context.Id, cancellationToken)).ToFile(format);
}
