namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// Which of a provider's contracts a payment in the organisation's imported spend paid, when it can be told.
/// Precision over recall: a payment is attributed to a contract only when its row names the contract's reference
/// (in its transaction number, description, service area or expense type), or, naming none of the provider's
/// contracts, when the provider had exactly one live contract on the payment's date. Otherwise it stays
/// "unattributed spend with this provider": shown beside the contract, never counted as paid for it.
/// </summary>
public static class SpendAttribution
{
    /// <summary>One spend payment to a supplier resolved to the provider; <paramref name="Text"/> is what the row says about itself.</summary>
    public sealed record Payment(long Id, DateOnly Date, decimal Amount, string Text);

    /// <summary>One of the provider's contracts: live from its start to its termination or current expiry (open at an end not known).</summary>
    public sealed record ProviderContract(Guid Id, string Reference, DateOnly? Start, DateOnly? End)
    {
        public bool LiveOn(DateOnly date) => (Start is null || Start <= date) && (End is null || date <= End);

        public static ProviderContract Of(Contract contract) =>
            new(contract.Id, contract.Reference, contract.StartDate, contract.TerminatedOn ?? contract.CurrentExpiry);
    }

    /// <summary>The contract the payment is attributed to (null when it cannot be told) and why.</summary>
    public sealed record Attribution(Guid? ContractId, string Reason);

    public static Attribution Attribute(Payment payment, IReadOnlyList<ProviderContract> contracts)
    {
        var named = contracts.Where(c => Names(payment.Text, c.Reference)).ToList();
        if (named.Count == 1)
        {
            return new(named[0].Id, $"the payment names contract {named[0].Reference}");
        }

        if (named.Count > 1)
        {
            return new(null, $"the payment names {named.Count} of the provider's contracts");
        }

        var live = contracts.Where(c => c.LiveOn(payment.Date)).ToList();
        return live.Count switch
        {
            1 => new(live[0].Id, $"the provider's only live contract on {payment.Date:d MMMM yyyy}"),
            0 => new(null, $"the provider had no live contract on {payment.Date:d MMMM yyyy}"),
            _ => new(null, $"the provider had {live.Count} live contracts on {payment.Date:d MMMM yyyy} and the payment names none"),
        };
    }

    /// <summary>
    /// Whether <paramref name="text"/> carries <paramref name="reference"/> as a whole token, ignoring case: "ANYTOWN-2023-007"
    /// is in "Invoice ANYTOWN-2023-007/05" but not in "ANYTOWN-2023-0071".
    /// </summary>
    public static bool Names(string text, string reference)
    {
        if (reference.Length == 0)
        {
            return false;
        }

        var from = 0;
        while ((from = text.IndexOf(reference, from, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = from == 0 || !char.IsLetterOrDigit(text[from - 1]);
            var end = from + reference.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }

            from++;
        }

        return false;
    }
}
