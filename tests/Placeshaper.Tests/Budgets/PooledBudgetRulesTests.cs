using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Budgets;
using Placeshaper.Common;
using Placeshaper.Programmes;

namespace Placeshaper.Tests.Budgets;

public sealed class PooledBudgetRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Council = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Icb = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Police = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static Programme JointProgramme() =>
        Programme.Start(Council, "Older people living independently", "", [Icb], null, "test", Now).Value.Programme;

    [Fact]
    public void Shares_of_an_overspend_follow_contributions_and_add_up_to_the_penny()
    {
        var statement = PooledBudgetStatement.For(
            [new(Council, "Council", 4_960_000m, null, null), new(Icb, "ICB", 7_440_000m, null, null)],
            RiskShareRule.InProportionToContributions,
            RiskShareRule.InProportionToContributions,
            spent: 2_301_250m,
            committed: 10_160_000m);

        statement.Outturn.ShouldBe(12_461_250m);
        statement.Variance.ShouldBe(61_250m);
        statement.Partners.Select(p => p.ShareOfVariance).ShouldBe([24_500m, 36_750m]);
        statement.Partners.Select(p => p.AttributedSpend).ShouldBe([920_500m, 1_380_750m]);
        statement.Working.ShouldContain(w => w.StartsWith("Overspend £61,250.00", StringComparison.Ordinal));
    }

    [Fact]
    public void An_underspend_uses_the_underspend_rule_and_agreed_percentages_use_the_agreement()
    {
        var contributions = new List<PartnerContribution> { new(Police, "Police", 300_000m, 50m, 70m), new(Council, "Council", 180_000m, 50m, 30m) };

        var under = PooledBudgetStatement.For(contributions, RiskShareRule.AgreedPercentages, RiskShareRule.InProportionToContributions, 96_400m, 120_000m);
        var over = PooledBudgetStatement.For(contributions, RiskShareRule.AgreedPercentages, RiskShareRule.InProportionToContributions, 500_000m, 0m);

        under.Variance.ShouldBe(-263_600m);
        under.RuleApplied.ShouldBe(RiskShareRule.InProportionToContributions);
        under.Partners.Select(p => p.ShareOfVariance).ShouldBe([-164_750m, -98_850m]);
        over.RuleApplied.ShouldBe(RiskShareRule.AgreedPercentages);
        over.Partners.Select(p => p.ShareOfVariance).ShouldBe([10_000m, 10_000m]);
    }

    [Fact]
    public void A_penny_that_cannot_be_split_goes_to_the_largest_remainder()
    {
        LargestRemainder.Split(0.01m, [1m, 1m, 1m]).ShouldBe([0.01m, 0m, 0m]);
        LargestRemainder.Split(100m, [1m, 1m, 1m]).ShouldBe([33.34m, 33.33m, 33.33m]);
        LargestRemainder.Split(-100m, [1m, 2m]).ShouldBe([-33.33m, -66.67m]);
    }

    [Fact]
    public void Split_shares_always_add_up_exactly_and_stay_within_a_penny_of_the_exact_share()
    {
        var cases =
            from pence in Gen.Choose(-100_000_000, 100_000_000)
            from count in Gen.Choose(1, 7)
            from weights in Gen.ArrayOf(Gen.Choose(0, 5_000_000), count)
            where weights.Sum(w => (long)w) > 0
            select (Amount: pence / 100m, Weights: weights.Select(w => (decimal)w).ToArray());

        Prop.ForAll(Arb.From(cases), c =>
            {
                var parts = LargestRemainder.Split(c.Amount, c.Weights);
                var total = c.Weights.Sum();
                return parts.Sum() == c.Amount
                    && parts.All(p => decimal.Round(p, 2) == p)
                    && parts.Select((p, i) => Math.Abs(p - (c.Amount * c.Weights[i] / total))).All(d => d < 0.01m);
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Contributions_that_do_not_add_up_to_the_total_are_refused()
    {
        var result = PooledBudget.SetUp(JointProgramme(), new FinancialYear(2026), "BCF", PooledBudgetKind.BetterCareFund, 1_000m,
            RiskShareRule.InProportionToContributions, RiskShareRule.InProportionToContributions,
            [new(Council, 600m, null, null), new(Icb, 300m, null, null)], Now);

        result.Errors!.ByField["contributions"].Single().ShouldBe("The contributions add up to £900.00, not the total of £1,000.00");
    }

    [Fact]
    public void Agreed_percentages_must_add_up_to_100()
    {
        var result = PooledBudget.SetUp(JointProgramme(), new FinancialYear(2026), "BCF", PooledBudgetKind.BetterCareFund, 1_000m,
            RiskShareRule.AgreedPercentages, RiskShareRule.InProportionToContributions,
            [new(Council, 600m, 60m, null), new(Icb, 400m, 30m, null)], Now);

        result.Errors!.ByField["overspendPercentages"].Single().ShouldBe("The overspend percentages add up to 90%, not 100%");
    }

    [Fact]
    public void Only_the_programmes_lead_and_partners_contribute_and_a_pot_of_one_is_not_pooled()
    {
        var outsider = PooledBudget.SetUp(JointProgramme(), new FinancialYear(2026), "BCF", PooledBudgetKind.Other, 1_000m,
            RiskShareRule.InProportionToContributions, RiskShareRule.InProportionToContributions,
            [new(Council, 500m, null, null), new(Police, 500m, null, null)], Now);
        var alone = PooledBudget.SetUp(JointProgramme(), new FinancialYear(2026), "BCF", PooledBudgetKind.Other, 1_000m,
            RiskShareRule.InProportionToContributions, RiskShareRule.InProportionToContributions,
            [new(Council, 1_000m, null, null)], Now);

        outsider.Errors!.ByField.Keys.ShouldContain("contributions[1].organisation");
        alone.Errors!.ByField["contributions"].ShouldContain("A pooled budget needs contributions from at least two partners");
    }

    [Fact]
    public void Lines_must_fall_in_the_budgets_financial_year_and_be_in_pence()
    {
        var budget = PooledBudget.SetUp(JointProgramme(), new FinancialYear(2026), "BCF", PooledBudgetKind.Other, 1_000m,
            RiskShareRule.InProportionToContributions, RiskShareRule.InProportionToContributions,
            [new(Council, 500m, null, null), new(Icb, 500m, null, null)], Now).Value!;

        BudgetLine.Record(budget, BudgetLineKind.Spend, new DateOnly(2027, 3, 31), "last day", 10m, Now).Succeeded.ShouldBeTrue();
        BudgetLine.Record(budget, BudgetLineKind.Spend, new DateOnly(2027, 4, 1), "next year", 10m, Now).Errors!.ByField.Keys.ShouldBe(["on"]);
        BudgetLine.Record(budget, BudgetLineKind.Spend, new DateOnly(2026, 4, 1), "sub-penny", 10.005m, Now).Errors!.ByField.Keys.ShouldBe(["amount"]);
    }

    [Theory]
    [InlineData("2026/27", 2026)]
    [InlineData("2026-27", 2026)]
    [InlineData("2026", 2026)]
    [InlineData("1999/00", null)]
    [InlineData("2026/28", null)]
    [InlineData("26/27", null)]
    public void Financial_years_are_read_the_way_councils_write_them(string text, int? startYear)
    {
        var parsed = FinancialYear.TryParse(text, out var year);

        parsed.ShouldBe(startYear is not null);
        if (startYear is not null)
        {
            year.StartYear.ShouldBe(startYear.Value);
        }
    }

    [Fact]
    public void A_financial_year_runs_from_April_to_March()
    {
        FinancialYear.Of(new DateOnly(2027, 3, 31)).Label.ShouldBe("2026/27");
        FinancialYear.Of(new DateOnly(2027, 4, 1)).Label.ShouldBe("2027/28");
        new FinancialYear(2099).Label.ShouldBe("2099/00");
    }

    [Theory]
    [InlineData("£1,250.50", "1250.50")]
    [InlineData(" 12 000 ", "12000")]
    [InlineData("-30", "-30")]
    [InlineData("\u221230.25", "-30.25")]
    public void Amounts_are_read_as_people_type_them(string text, string expected)
    {
        Money.TryParse(text, out var pounds).ShouldBeTrue();
        pounds.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("twelve")]
    [InlineData("1.23456")]
    [InlineData("1e5")]
    [InlineData("(30)")]
    public void Amounts_that_need_guessing_are_refused(string text) =>
        Money.TryParse(text, out _).ShouldBeFalse();
}
