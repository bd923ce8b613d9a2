using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Bids;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// One bidder's financial standing, checked in proportion to what it bid for: the register's figures, the routes a
/// small provider has when short of the threshold, and the outcome with its working.
/// </summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class StandingModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, CheckSuppliers checkSuppliers) : TenderPage(context, db)
{
    public CheckSuppliers.Prepared Prepared { get; private set; } = null!;

    public bool Decided { get; private set; }

    [BindProperty]
    public string? AnnualValue { get; set; }

    [BindProperty]
    public string? Turnover { get; set; }

    [BindProperty]
    public string? GuarantorName { get; set; }

    [BindProperty]
    public string? GuarantorTurnover { get; set; }

    [BindProperty]
    public string? OverrideReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(tenderId, bidId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var current = Prepared.Current;
        AnnualValue = Show(current?.AnnualValue ?? Prepared.Known.AnnualValue.Value);
        Turnover = Show(current?.Turnover ?? Prepared.Known.RegisterTurnover);
        GuarantorName = current?.GuarantorName;
        GuarantorTurnover = Show(current?.GuarantorTurnover);
        OverrideReason = current?.OverrideReason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(tenderId, bidId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var annual = Amount("annualValue", AnnualValue, "annual value");
        var turnover = Amount("turnover", Turnover, "turnover");
        var guarantor = Amount("guarantorTurnover", GuarantorTurnover, "guarantor's turnover");
        if (HasErrors)
        {
            return Page();
        }

        var outcome = await checkSuppliers.RecordAsync(Tender, bidId, new SupplierCheck.Figures(annual, turnover, GuarantorName, guarantor, OverrideReason), viewer.PersonId!.Value, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            AddError("check", refusal);
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors);
        }

        return HasErrors ? Page() : Redirect($"{Home}/evaluation#ranking");
    }

    private decimal? Amount(string field, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Money.TryParse(text, out var pounds))
        {
            return pounds;
        }

        AddError(field, $"Enter the {what} in pounds, like 1,250,000");
        return null;
    }

    private static string? Show(decimal? pounds) => pounds is { } value ? value.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : null;

    private async Task<IActionResult?> PrepareAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        var (prepared, read) = await checkSuppliers.PrepareAsync(Tender, bidId, viewer.PersonId!.Value, cancellationToken);
        switch (read)
        {
            case SealedRead.TooEarly:
                return StatusCode(StatusCodes.Status403Forbidden);
            case SealedRead.NotOpened:
                return Redirect($"{Home}/bids");
            case SealedRead.NotDeclared:
                return Redirect($"{Home}/evaluation#declaration");
        }

        if (prepared is null)
        {
            return NotFound();
        }

        Prepared = prepared;
        Decided = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(Db.AwardDecisions, a => a.TenderId == Tender.Id, cancellationToken);
        return null;
    }
}
