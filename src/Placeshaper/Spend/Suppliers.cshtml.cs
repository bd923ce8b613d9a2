using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Spend;

/// <summary>
/// The suppliers named in the organisation's spend: those resolved to the provider register, those whose similar
/// name waits for an officer's review, and those unresolved, each with its spend. Finance officers and administrators
/// decide; the decision is remembered and reused at every later import.
/// </summary>
[RequiresRole(Role.Administrator, Role.FinanceOfficer, Role.Commissioner, Role.ProcurementOfficer, Role.Councillor)]
public sealed class SuppliersModel(OrganisationContext context, PlaceshaperDb db, DecideSupplier decide) : FormPage
{
    /// <summary>Rows shown in the resolved and unresolved tables; the review queue is shown whole, and the download has every supplier.</summary>
    public const int Shown = 500;

    public string Slug => context.Slug;

    public bool CanDecide => context.Current.HasAny(SpendAccess.Importers);

    public IReadOnlyList<SupplierQueries.SupplierView> Suppliers { get; private set; } = [];

    public IEnumerable<SupplierQueries.SupplierView> Of(SupplierStatus status) => Suppliers.Where(s => s.Status == status);

    public decimal TotalOf(SupplierStatus status) => Of(status).Sum(s => s.Total);

    public string? Decided { get; private set; }

    public async Task OnGetAsync(string? decided, CancellationToken cancellationToken)
    {
        Decided = decided;
        Suppliers = await SupplierQueries.ListAsync(db, context.Id, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(string? supplierKey, string? decision, CancellationToken cancellationToken)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        var decided = await decide.HandleAsync(context.Id, new DecideSupplier.Command(supplierKey, decision, null), cancellationToken);
        if (!decided.Succeeded)
        {
            AddErrors(decided.Errors, _ => "review");
            Suppliers = await SupplierQueries.ListAsync(db, context.Id, null, cancellationToken);
            return Page();
        }

        var name = (await SupplierQueries.ListAsync(db, context.Id, null, cancellationToken)).FirstOrDefault(s => s.SupplierKey == supplierKey)?.Name ?? supplierKey;
        return Redirect($"/o/{context.Slug}/spend/suppliers?decided={Uri.EscapeDataString(name ?? "")}#review");
    }

    /// <summary>Every supplier with its status, match and classification, as CSV or an Excel workbook.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var suppliers = await SupplierQueries.ListAsync(db, context.Id, null, cancellationToken);
        return new Exports.Table(
                "spend-suppliers",
                ["supplier", "status", "method", "provider", "suggested_provider", "similarity", "company_number", "vat_number", "postcode", "payments", "total", "local", "sme", "vcse", "public_sector", "individual"],
                suppliers.Select(s => (IReadOnlyList<object?>)[
                    s.Name, s.Status.ToString(), s.Method, s.ProviderName, s.CandidateName, s.Score, s.CompanyNumber, s.VatNumber, s.Postcode, s.Transactions, s.Total,
                    s.IsLocal, s.IsSme, s.IsVcse, s.IsPublicSector, s.IsIndividual]).ToList())
            .ToFile(format);
    }
}
