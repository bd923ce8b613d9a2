using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.SocialValue;

/// <summary>The contract manager verifies a provider's social value delivery report against its evidence, or returns it with the reason. Providers never reach this page.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class ReviewModel(OrganisationContext context, PlaceshaperDb db, SocialValueDelivery delivery, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public DeliveryReport Report { get; private set; } = null!;

    public SocialValueObligation Obligation { get; private set; } = null!;

    /// <summary>The other reports of the same obligation and period, latest first: what a verification would supersede.</summary>
    public IReadOnlyList<DeliveryReport> History { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, Guid reportId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, reportId, cancellationToken) ? Page() : NotFound();

    /// <summary>One of the report's evidence files, as the provider sent it.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid contractId, Guid reportId, Guid evidenceId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, reportId, cancellationToken) && Report.Evidence.SingleOrDefault(e => e.Id == evidenceId) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public Task<IActionResult> OnPostVerifyAsync(Guid contractId, Guid reportId, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, reportId, verify: true, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid contractId, Guid reportId, CancellationToken cancellationToken) =>
        ReviewAsync(contractId, reportId, verify: false, cancellationToken);

    private async Task<IActionResult> ReviewAsync(Guid contractId, Guid reportId, bool verify, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, reportId, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await delivery.ReviewAsync(Contract, Report, verify, Reason, new KpiObservation.Actor(viewer.PersonId, context.Current.ProviderId), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            AddError("reason", refusal);
            return Page();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#social-value");
    }

    private async Task<bool> LoadAsync(Guid contractId, Guid reportId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract
            || await SocialValueDeliveryQueries.FindReportAsync(db, contractId, reportId, cancellationToken) is not { } report
            || await SocialValueDeliveryQueries.FindObligationAsync(db, contractId, report.ObligationId, cancellationToken) is not { } obligation)
        {
            return false;
        }

        (Contract, Report, Obligation) = (contract, report, obligation);
        History = (await SocialValueDeliveryQueries.ForContractAsync(db, contractId, cancellationToken)).Reports
            .Where(r => r.ObligationId == report.ObligationId && r.PeriodStart == report.PeriodStart && r.PeriodEnd == report.PeriodEnd && r.Id != report.Id).ToList();
        return true;
    }
}
