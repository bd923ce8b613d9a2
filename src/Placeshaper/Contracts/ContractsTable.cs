namespace Placeshaper.Contracts;

/// <summary>The contracts register as a downloadable table in the Transparency Code layout it imports from (see <see cref="TransparencyRegister"/>).</summary>
public static class ContractsTable
{
    public static Exports.Table Of(ContractQueries.Register register) => new(
        "contracts register",
        TransparencyRegister.Columns,
        register.Contracts.Select(l => TransparencyRegister.Row(l.Contract, l.Supplier.IsSme)).ToList());
}
