using Microsoft.AspNetCore.Mvc;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Portal;

/// <summary>A provider's own contracts with the organisation: only those where it is the supplier.</summary>
[RequiresRole(Role.Provider)]
public sealed class ContractsModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public IReadOnlyList<ContractQueries.Listed> Contracts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return new Exports.Table("your contracts", ["reference", "title", "total_value_gbp", "start_date", "current_expiry", "kpis", "status"],
            Contracts.Select(l => (IReadOnlyList<object?>)[l.Contract.Reference, l.Contract.Title, l.Contract.TotalValue, l.Contract.StartDate, l.Contract.CurrentExpiry, l.Contract.Kpis.Count, l.Status.ToString()]).ToList())
            .ToFile(format);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Contracts = (await ContractQueries.RegisterAsync(db, context.Id, new ContractQueries.Filter(ProviderId: context.Current.ProviderId!.Value), cancellationToken)).Contracts;
}
