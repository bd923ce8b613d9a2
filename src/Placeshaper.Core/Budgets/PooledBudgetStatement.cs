using System.Globalization;

namespace Placeshaper.Budgets;

public enum RiskShareRule
{
    /// <summary>Each partner bears or keeps its share of a variance in proportion to what it put in.</summary>
    InProportionToContributions,

    /// <summary>Each partner bears or keeps the percentage written into the pooling agreement.</summary>
    AgreedPercentages,
}

/// <summary>What one partner put into a pooled budget and, where agreed, its percentages of any over- or underspend.</summary>
public sealed record PartnerContribution(Guid OrganisationId, string Name, decimal Amount, decimal? OverspendPercent, decimal? UnderspendPercent);

public sealed record PartnerStatement(
    Guid OrganisationId,
    string Name,
    decimal Contributed,
    decimal ShareOfPot,
    decimal AttributedSpend,
    decimal VarianceShareRatio,
    decimal ShareOfVariance);

/// <summary>
/// The position of a pooled budget and each partner's statement, worked out from the agreement and the ledger.
/// <see cref="Variance"/> is the projected outturn (spend to date plus outstanding commitments) less the pot:
/// positive is an overspend the partners must meet, negative an underspend returned to them.
/// </summary>
public sealed record PooledBudgetStatement(
    decimal Pot,
    decimal Spent,
    decimal Committed,
    decimal Outturn,
    decimal Variance,
    RiskShareRule RuleApplied,
    IReadOnlyList<PartnerStatement> Partners,
    IReadOnlyList<string> Working)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public bool IsOverspend => Variance > 0;

    public static PooledBudgetStatement For(
        IReadOnlyList<PartnerContribution> contributions, RiskShareRule overspendRule, RiskShareRule underspendRule, decimal spent, decimal committed)
    {
        var pot = contributions.Sum(c => c.Amount);
        var outturn = spent + committed;
        var variance = outturn - pot;
        var rule = variance >= 0 ? overspendRule : underspendRule;
        var working = new List<string>
        {
            $"Pot {Money.Format(pot)} = " + string.Join(" + ", contributions.Select(c => $"{c.Name} {Money.Format(c.Amount)}")),
            $"Projected outturn {Money.Format(outturn)} = spend to date {Money.Format(spent)} + outstanding commitments {Money.Format(committed)}",
            variance switch
            {
                > 0 => $"Overspend {Money.Format(variance)} = outturn {Money.Format(outturn)} − pot {Money.Format(pot)}",
                < 0 => $"Underspend {Money.Format(-variance)} = pot {Money.Format(pot)} − outturn {Money.Format(outturn)}",
                _ => "Outturn equals the pot: nothing to share",
            },
        };

        var potWeights = contributions.Select(c => c.Amount).ToList();
        var varianceWeights = rule == RiskShareRule.AgreedPercentages
            ? contributions.Select(c => (variance >= 0 ? c.OverspendPercent : c.UnderspendPercent) ?? 0m).ToList()
            : potWeights;
        var weightTotal = varianceWeights.Sum();
        var potTotal = pot == 0 ? 1 : pot;

        var attributedSpend = pot > 0 ? LargestRemainder.Split(Money.ToPence(spent), potWeights) : potWeights.Select(_ => 0m).ToList();
        var shares = variance != 0 && weightTotal > 0
            ? LargestRemainder.Split(Money.ToPence(variance), varianceWeights)
            : varianceWeights.Select(_ => 0m).ToList();

        if (variance != 0)
        {
            working.Add(rule == RiskShareRule.AgreedPercentages
                ? $"Shared by the agreed {(variance > 0 ? "overspend" : "underspend")} percentages: "
                    + string.Join("; ", contributions.Select((c, i) => $"{c.Name} {Percent(varianceWeights[i] / weightTotal)} → {Money.Format(shares[i])}"))
                : "Shared in proportion to contributions: "
                    + string.Join("; ", contributions.Select((c, i) => $"{c.Name} {Money.Format(c.Amount)} ÷ {Money.Format(pot)} = {Percent(c.Amount / potTotal)} → {Money.Format(shares[i])}")));
            working.Add("Each share is cut to the penny; pence left over go to the partners whose exact shares lost most in the cut (largest remainder), so the shares add up to the variance exactly.");
        }

        var partners = contributions.Select((c, i) => new PartnerStatement(
                c.OrganisationId,
                c.Name,
                c.Amount,
                Math.Round(c.Amount / potTotal, 4, MidpointRounding.AwayFromZero),
                attributedSpend[i],
                weightTotal == 0 ? 0 : Math.Round(varianceWeights[i] / weightTotal, 4, MidpointRounding.AwayFromZero),
                shares[i]))
            .ToList();
        return new PooledBudgetStatement(pot, spent, committed, outturn, variance, rule, partners, working);
    }

    private static string Percent(decimal ratio) => (ratio * 100).ToString("0.00##", EnGb) + "%";
}
