using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Payments;

namespace Placeshaper.Tests.Payments;

public sealed class GainShareTests
{
    /// <summary>Hertfordshire's telecare pilot: 50 users against a control group; the provider's £25,000 of equipment back first, then 50/50.</summary>
    private static GainShare.Input Telecare(decimal pilotCostPerUser) =>
        new(Control: new(9_000m), Pilot: new(pilotCostPerUser, 50), ProviderInvestment: 25_000m, ProviderShareAfterRecovery: 0.5m);

    [Fact]
    public void The_provider_recovers_its_investment_first_then_shares_the_rest_half_and_half()
    {
        // (9,000 − 8,200) × 50 = 40,000; 25,000 recovered; 15,000 beyond, half each: provider 32,500, council 7,500.
        var result = GainShare.Calculate(Telecare(8_200m)).Value!;

        (result.Savings, result.InvestmentRecovered, result.ExcessShared, result.ProviderPayment, result.CouncilNetSaving)
            .ShouldBe((40_000m, 25_000m, 15_000m, 32_500m, 7_500m));
        result.Working.ShouldBe([
            "Savings: (£9,000.00 − £8,200.00) × 50 users = £40,000.00",
            "Investment recovered first: the lesser of £40,000.00 and £25,000.00 = £25,000.00",
            "Savings beyond that: £40,000.00 − £25,000.00 = £15,000.00",
            "Provider's payment: £25,000.00 + £15,000.00 × 0.5 = £32,500.00",
            "Council's net saving: £40,000.00 − £32,500.00 = £7,500.00",
        ]);
    }

    [Fact]
    public void Savings_below_the_investment_all_go_to_recovering_it()
    {
        // (9,000 − 8,700) × 50 = 15,000, less than the 25,000 invested.
        var result = GainShare.Calculate(Telecare(8_700m)).Value!;

        (result.Savings, result.InvestmentRecovered, result.ExcessShared, result.ProviderPayment, result.CouncilNetSaving)
            .ShouldBe((15_000m, 15_000m, 0m, 15_000m, 0m));
    }

    [Fact]
    public void When_it_costs_more_the_provider_gets_nothing_and_the_council_bears_the_loss()
    {
        var result = GainShare.Calculate(Telecare(9_100m)).Value!;

        (result.Savings, result.InvestmentRecovered, result.ExcessShared, result.ProviderPayment, result.CouncilNetSaving)
            .ShouldBe((-5_000m, 0m, 0m, 0m, -5_000m));
    }

    [Fact]
    public void Baseline_and_actual_cost_work_the_same_way()
    {
        var result = GainShare.Calculate(new(BaselineCost: 450_000m, ActualCost: 390_000m, ProviderInvestment: 20_000m, ProviderShareAfterRecovery: 0.25m)).Value!;

        (result.Savings, result.ProviderPayment, result.CouncilNetSaving).ShouldBe((60_000m, 30_000m, 30_000m));
    }

    [Theory]
    [InlineData("control", true, true)]
    [InlineData("baselineCost", false, false)]
    public void Both_shapes_or_neither_is_refused(string field, bool byCost, bool byGroups)
    {
        var input = new GainShare.Input(
            byCost ? 1m : null, byCost ? 1m : null, byGroups ? new(1m) : null, byGroups ? new(1m, 1) : null, 0m, 0.5m);

        GainShare.Calculate(input).Errors!.ByField.Keys.ShouldBe([field]);
    }

    [Fact]
    public void Bad_figures_are_refused_naming_each_field()
    {
        var input = new GainShare.Input(Control: new(-1m), Pilot: new(null, -3), ProviderInvestment: -1m, ProviderShareAfterRecovery: 1.5m);

        GainShare.Calculate(input).Errors!.ByField.Keys.ShouldBe(
            ["control.costPerUser", "pilot.costPerUser", "pilot.users", "providerInvestment", "providerShareAfterRecovery"], ignoreOrder: true);
    }

    [Fact]
    public void Provider_payment_and_council_saving_always_add_up_to_the_savings()
    {
        var cases =
            from baseline in Gen.Choose(0, 500_000_000)
            from actual in Gen.Choose(0, 500_000_000)
            from investment in Gen.Choose(0, 200_000_000)
            from sharePercent in Gen.Choose(0, 1_000)
            select (Baseline: baseline / 100m, Actual: actual / 100m, Investment: investment / 100m, Share: sharePercent / 1_000m);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var result = GainShare.Calculate(new(c.Baseline, c.Actual, ProviderInvestment: c.Investment, ProviderShareAfterRecovery: c.Share)).Value!;
                var pence = result.InPence();
                return result.ProviderPayment + result.CouncilNetSaving == result.Savings
                    && pence.ProviderPayment + pence.CouncilNetSaving == pence.Savings
                    && pence.ProviderPayment >= 0
                    && result.Savings == c.Baseline - c.Actual
                    && result.ProviderPayment >= 0
                    && result.InvestmentRecovered <= c.Investment
                    && (result.Savings > 0 || result.ProviderPayment == 0);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
