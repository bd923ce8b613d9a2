using System.Globalization;
using Placeshaper.Common;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts;

/// <summary>How contracts' values read on pages.</summary>
public static class ContractText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "Not known";

    public static string Amount(decimal? pounds) => pounds is { } value ? Money.Format(value) : "Not known";

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => "Not known" };

    public static string Status(ContractStatus status) => status.ToString();

    public static string Role(PartyRole role) => role == PartyRole.KeySubcontractor ? "Key subcontractor" : "Consortium member";

    public static string Mechanism(PaymentMechanism? mechanism) => mechanism switch
    {
        PaymentMechanism.FixedPrice => "Fixed price",
        PaymentMechanism.CostAndVolume => "Cost and volume",
        PaymentMechanism.PaymentByResults => "Payment by results",
        PaymentMechanism.SocialImpactBond => "Social impact bond",
        PaymentMechanism.GainShare => "Gain-share",
        _ => "Not recorded",
    };

    public static string Kind(KeyDateKind kind) => kind switch
    {
        KeyDateKind.ExtensionDecision => "Decision to extend",
        KeyDateKind.BreakNotice => "Break-clause notice",
        KeyDateKind.Review => "Review",
        KeyDateKind.ExitPlanReview => "Exit plan review",
        KeyDateKind.TerminationAssessment => "Performance assessment on termination",
        _ => "Expiry",
    };

    public static string Supplier(SupplierStatus status)
    {
        var parts = new List<string>();
        if (status.IsSme == true)
        {
            parts.Add("SME");
        }

        if (status.IsVcse == true)
        {
            parts.Add("VCSE");
        }

        if (status.IsLocal == true)
        {
            parts.Add("Local");
        }

        return parts.Count == 0 ? "" : string.Join(", ", parts);
    }
}
