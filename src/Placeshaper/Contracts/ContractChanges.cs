using Placeshaper.Common;
using Placeshaper.Data;

namespace Placeshaper.Contracts;

/// <summary>What the contract page shows of a contract's variations, breaches, termination and exit plan.</summary>
public sealed record ContractChanges(
    string Slug,
    Contract Contract,
    VariationLedger Ledger,
    IReadOnlyList<Variation> Variations,
    IReadOnlyList<Breach> Breaches,
    Termination? Termination,
    ExitPlan? ExitPlan,
    DateOnly Today,
    bool CanRequest,
    bool CanChange)
{
    public static async Task<ContractChanges> LoadAsync(PlaceshaperDb db, Organisations.OrganisationContext context, Contract contract, CancellationToken cancellationToken)
    {
        var variations = await VaryContract.ListAsync(db, context.Id, contract.Id, cancellationToken);
        return new(
            context.Slug,
            contract,
            VaryContract.Ledger(contract, variations),
            variations,
            await ManageContractRisks.BreachesAsync(db, context.Id, contract.Id, cancellationToken),
            await ManageContractRisks.TerminationAsync(db, context.Id, contract.Id, cancellationToken),
            await ManageContractRisks.ExitPlanAsync(db, context.Id, contract.Id, cancellationToken),
            db.Clock.GetUtcNow().UtcDateTime.UkDate(),
            context.Current.HasAny(VariationAccess.Requesters) && contract.Status != ContractStatus.Terminated,
            context.Current.HasAny(ContractAccess.Editors));
    }
}

/// <summary>How variations, breaches and terminations read.</summary>
public static class ChangeText
{
    public static string Change(decimal amount) => (amount >= 0 ? "+" : "−") + Common.Money.Format(Math.Abs(amount));

    public static string Months(int months) => months == 0 ? "No change" : $"{(months > 0 ? "+" : "−")}{Math.Abs(months)} month{(Math.Abs(months) == 1 ? "" : "s")}";

    public static string Percent(decimal? ratio) => ratio is { } r ? (r * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%" : "Not known";

    public static string Status(VariationStatus status) => status switch
    {
        VariationStatus.Approved => "Approved",
        VariationStatus.Rejected => "Rejected",
        _ => "Requested",
    };

    public static string Tag(VariationStatus status) => status switch
    {
        VariationStatus.Approved => "govuk-tag--green",
        VariationStatus.Rejected => "govuk-tag--red",
        _ => "govuk-tag--yellow",
    };

    public static string Nature(ContractNature nature) => nature switch
    {
        ContractNature.Goods => "Goods",
        ContractNature.Works => "Works",
        _ => "Services",
    };

    public static string Ground(TerminationGround ground) => ground switch
    {
        TerminationGround.BreakClause => "Break clause",
        TerminationGround.Agreement => "By agreement",
        TerminationGround.Breach => "For breach",
        TerminationGround.Insolvency => "Insolvency",
        _ => "Other",
    };
}
