using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.Portal;

/// <summary>
/// The provider reports the social value it delivered against one of its own contract's obligations, with an
/// evidence file, and sees what became of its reports. Another provider's contract is not found.
/// </summary>
[RequiresRole(Role.Provider)]
public sealed class SocialValueModel(OrganisationContext context, PlaceshaperDb db, SocialValueDelivery delivery, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public SocialValueDeliveryQueries.ContractDelivery Delivery { get; private set; } = null!;

    public bool Submitted { get; private set; }

    [BindProperty]
    public string? ObligationId { get; set; }

    [BindProperty]
    public DateInput PeriodStart { get; set; } = new();

    [BindProperty]
    public DateInput PeriodEnd { get; set; } = new();

    [BindProperty]
    public string? Quantity { get; set; }

    [BindProperty]
    public string? Narrative { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, bool? submitted, CancellationToken cancellationToken)
    {
        Submitted = submitted == true;
        return await LoadAsync(contractId, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Your reports for the contract, with what became of them.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid contractId, string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        return new Exports.Table(Contract.Reference + " social value reports", ["obligation", "period_start", "period_end", "quantity", "unit", "status", "narrative", "return_reason", "submitted_at"],
            Delivery.Reports.Select(r =>
            {
                var o = Delivery.Obligation(r.ObligationId);
                return (IReadOnlyList<object?>)[SocialValue.DeliveryText.Obligation(o), r.PeriodStart, r.PeriodEnd, r.Quantity, o.Unit, r.Status.ToString().ToLowerInvariant(), r.Narrative, r.ReturnReason, r.SubmittedAt];
            }).ToList())
            .ToFile(format);
    }

    /// <summary>One of the evidence files the provider sent with its own reports.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid contractId, Guid reportId, Guid evidenceId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, cancellationToken) && Delivery.Reports.SingleOrDefault(r => r.Id == reportId)?.Evidence.SingleOrDefault(e => e.Id == evidenceId) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var start = Date("periodStart", PeriodStart, "Enter the first day of the period, for example 1 4 2026");
        var end = Date("periodEnd", PeriodEnd, "Enter the last day of the period, for example 30 6 2026");
        var quantity = Number("quantity", Quantity, "Enter the quantity delivered as a number, like 3 or 42.5");
        if (Upload is { Length: > DeliveryEvidence.MaxBytes })
        {
            AddError("upload", $"The file is larger than {DeliveryEvidence.MaxBytes / 1024 / 1024} MB");
        }

        if (HasErrors)
        {
            return Page();
        }

        var files = new List<ContractDelivery.EvidenceFile>();
        if (Upload is { Length: > 0 } upload)
        {
            using var stream = new MemoryStream();
            await upload.CopyToAsync(stream, cancellationToken);
            files.Add(new ContractDelivery.EvidenceFile(upload.FileName, stream.ToArray()));
        }

        var submitted = await delivery.SubmitAsync(
            Contract, new DeliveryReport.Input(Guid.TryParse(ObligationId, out var id) ? id : null, start, end, quantity, Narrative),
            new KpiObservation.Actor(viewer.PersonId, context.Current.ProviderId), "portal", files, cancellationToken);
        if (!submitted.Succeeded)
        {
            AddErrors(submitted.Errors!, field => field.StartsWith("evidence", StringComparison.Ordinal) ? "upload" : field);
            await LoadAsync(contractId, cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/portal/contracts/{contractId}/social-value?submitted=true#reports");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract || contract.ProviderId is null || contract.ProviderId != context.Current.ProviderId)
        {
            return false;
        }

        Contract = contract;
        Delivery = await SocialValueDeliveryQueries.ForContractAsync(db, contractId, cancellationToken);
        return true;
    }
}
