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

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contracts = (await ContractQueries.RegisterAsync(db, context.Id, new ContractQueries.Filter(ProviderId: context.Current.ProviderId!.Value), cancellationToken)).Contracts;
}
