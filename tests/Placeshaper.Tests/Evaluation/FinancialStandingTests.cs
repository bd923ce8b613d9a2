using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Evaluation;

namespace Placeshaper.Tests.Evaluation;

public sealed class FinancialStandingTests
{
    [Theory]
    [InlineData(100_000, 200_000, FinancialStanding.Outcome.Meets)]
    [InlineData(100_000, 199_999.99, FinancialStanding.Outcome.DoesNotMeet)]
    public void Turnover_must_be_at_least_twice_the_annual_value(decimal annual, decimal turnover, FinancialStanding.Outcome expected)
    {
        var result = FinancialStanding.Check(new(annual, turnover));

        (result.Outcome, result.Required).ShouldBe((expected, 200_000m));
        result.Explanation.ShouldContain("£200,000.00");
    }

    [Fact]
    public void A_small_provider_passes_as_a_consortium_with_a_guarantee_or_with_a_recorded_reason_but_never_silently()
    {
        FinancialStanding.Check(new(100_000m, 90_000m, MemberTurnovers: [90_000m, 120_000m])).Outcome.ShouldBe(FinancialStanding.Outcome.MeetsAsConsortium);
        FinancialStanding.Check(new(100_000m, 90_000m, GuarantorTurnover: 5_000_000m)).Outcome.ShouldBe(FinancialStanding.Outcome.MeetsWithGuarantee);
        var accepted = FinancialStanding.Check(new(100_000m, 150_000m, OverrideReason: "Profitable for 12 years, reserves cover 9 months' costs"));
        (accepted.Outcome, accepted.Passes).ShouldBe((FinancialStanding.Outcome.AcceptedWithReason, true));
        accepted.Explanation.ShouldContain("reserves cover 9 months");
        FinancialStanding.Check(new(100_000m, null)).Outcome.ShouldBe(FinancialStanding.Outcome.Unknown);
        FinancialStanding.Check(new(100_000m, 150_000m, OverrideReason: "  ")).Passes.ShouldBeFalse();
    }

    [Fact]
    public void Passing_on_own_turnover_is_exactly_turnover_at_or_above_the_multiple_of_the_annual_value() =>
        Prop.ForAll(
            Gen.Choose(1, 10_000_000).ToArbitrary(),
            Gen.Choose(0, 30_000_000).ToArbitrary(),
            (annualPounds, turnoverPounds) =>
            {
                var result = FinancialStanding.Check(new(annualPounds, turnoverPounds));
                return (result.Outcome == FinancialStanding.Outcome.Meets) == (turnoverPounds >= 2m * annualPounds) && result.Passes == (turnoverPounds >= 2m * annualPounds);
            }).QuickCheckThrowOnFailure();
}
