using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Needs;
using Placeshaper.Programmes;
using Placeshaper.Specifications;

namespace Placeshaper.Tests.Specifications;

public sealed class SpecificationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Council = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Independence = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Loneliness = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Reablement = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly HashSet<Guid> Outcomes = [Independence, Loneliness];
    private static readonly Dictionary<Guid, Guid> Measures = new() { [Reablement] = Independence };

    private static Specification Started(params Guid[] outcomes) =>
        Specification.Start(
            Programme.Start(Council, "Home care", "", [], null, "test", Now).Value.Programme,
            "Home care that helps people live at home", "People get help to do things for themselves again", outcomes, Outcomes, Now).Value!;

    private static Specification.KpiInput Kpi(Polarity polarity, decimal target, decimal minimum, Guid? measure = null) =>
        new("People at home 91 days after reablement", "%", polarity, target, minimum, KpiFrequency.Quarterly, "Provider's care records", measure);

    [Fact]
    public void An_outcome_based_specification_without_an_outcome_is_refused()
    {
        var programme = Programme.Start(Council, "Home care", "", [], null, "test", Now).Value.Programme;

        var none = Specification.Start(programme, "Home care", "Help at home", [], Outcomes, Now);
        var unknown = Specification.Start(programme, "Home care", "Help at home", [Guid.NewGuid()], Outcomes, Now);
        var blank = Specification.Start(programme, " ", null, [Independence], Outcomes, Now);

        none.Errors!.ByField.Keys.ShouldBe(["outcomeIds"]);
        unknown.Errors!.ByField.Keys.ShouldBe(["outcomeIds"]);
        blank.Errors!.ByField.Keys.ShouldBe(["title", "purpose"], ignoreOrder: true);
        Started(Independence, Loneliness).Outcomes.Select(o => o.OutcomeId).ShouldBe([Independence, Loneliness]);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 85, 80, true)]
    [InlineData(Polarity.HigherIsBetter, 85, 85, true)]
    [InlineData(Polarity.HigherIsBetter, 85, 90, false)]
    [InlineData(Polarity.LowerIsBetter, 2, 5, true)]
    [InlineData(Polarity.LowerIsBetter, 2, 1, false)]
    public void The_minimum_acceptable_level_must_be_on_the_worse_side_of_the_target(Polarity polarity, double target, double minimum, bool accepted)
    {
        var specification = Started(Independence);

        var errors = specification.SetKpis([Kpi(polarity, (decimal)target, (decimal)minimum)], Measures, Now);

        if (accepted)
        {
            errors.ShouldBeNull();
            specification.Kpis.Single().Minimum.ShouldBe((decimal)minimum);
        }
        else
        {
            errors!.ByField.Keys.ShouldBe(["kpis[0].minimum"]);
            specification.Kpis.ShouldBeEmpty();
        }
    }

    [Fact]
    public void A_kpi_names_each_missing_field_and_links_only_measures_of_its_outcomes()
    {
        var specification = Started(Loneliness);

        var errors = specification.SetKpis(
            [new Specification.KpiInput(null, "", Polarity.NoJudgement, null, null, null, " ", null), Kpi(Polarity.HigherIsBetter, 85, 80, Reablement)],
            Measures,
            Now)!.ByField.Keys;

        errors.ShouldBe(
            ["kpis[0].definition", "kpis[0].unit", "kpis[0].polarity", "kpis[0].target", "kpis[0].minimum", "kpis[0].frequency", "kpis[0].dataSource", "kpis[1].measureId"],
            ignoreOrder: true);
    }

    [Fact]
    public void Lots_follow_the_tenders_rule_never_one_lot_and_a_reason_for_none()
    {
        var specification = Started(Independence);

        specification.SetLots([new("Whole borough", 50)], null, Now)!.ByField.Keys.ShouldContain("lots");
        specification.SetLots([], " ", Now)!.ByField.Keys.ShouldBe(["noLotsReason"]);
        specification.SetLots([new("North", 60), new("South", 30)], null, Now)!.ByField["lots"][0].ShouldContain("90%");
        specification.SetLots([new("North", 50), new("South", 50)], null, Now).ShouldBeNull();
        specification.Lots.Count.ShouldBe(2);
        specification.SetLots([], "A single integrated service across the borough", Now).ShouldBeNull();
        (specification.Lots.Count, specification.NoLotsReason).ShouldBe((0, "A single integrated service across the borough"));
    }

    [Fact]
    public void Payment_by_results_needs_its_outcome_share_and_the_other_mechanisms_keep_none()
    {
        var specification = Started(Independence);

        specification.ChoosePayment(null, null, false)!.ByField.Keys.ShouldBe(["paymentMechanism"]);
        specification.ChoosePayment(PaymentMechanism.PaymentByResults, null, true)!.ByField.Keys.ShouldBe(["outcomeShare"]);
        specification.ChoosePayment(PaymentMechanism.PaymentByResults, 120, true)!.ByField.Keys.ShouldBe(["outcomeShare"]);
        specification.ChoosePayment(PaymentMechanism.PaymentByResults, 20, true).ShouldBeNull();
        (specification.OutcomeSharePercent, specification.ServiceCredits).ShouldBe((20m, true));
        specification.ChoosePayment(PaymentMechanism.FixedPrice, 20, false).ShouldBeNull();
        specification.OutcomeSharePercent.ShouldBeNull();
    }

    [Fact]
    public void Agreeing_needs_every_part_and_then_fixes_the_specification()
    {
        var specification = Started(Independence);

        specification.Agree(null, Now)!.ByField["specification"].Length.ShouldBe(4);
        specification.SetKpis([Kpi(Polarity.HigherIsBetter, 85, 80)], Measures, Now);
        specification.SetTerm(60, [12, 12]);
        specification.SetLots([new("North", 50), new("South", 50)], null, Now);
        specification.ChoosePayment(PaymentMechanism.GainShare, null, false);
        specification.Agree(Guid.NewGuid(), Now).ShouldBeNull();

        specification.Status.ShouldBe(SpecificationStatus.Agreed);
        specification.SetTerm(48, [12])!.ByField.Keys.ShouldBe(["specification"]);
        specification.ContractMonths.ShouldBe(60);
        specification.Agree(null, Now)!.ByField.Keys.ShouldBe(["specification"]);
    }

    [Fact]
    public void Section_52_warns_when_a_tender_over_5_million_has_fewer_than_three_kpis()
    {
        var specification = Started(Independence);
        specification.SetKpis([Kpi(Polarity.HigherIsBetter, 85, 80), Kpi(Polarity.LowerIsBetter, 1, 3)], Measures, Now);

        specification.Warnings(null).ShouldBeEmpty();
        specification.Warnings(5_000_000m).ShouldBeEmpty();
        specification.Warnings(5_000_000.01m).Single().ShouldContain("s.52");
        specification.SetKpis([Kpi(Polarity.HigherIsBetter, 85, 80), Kpi(Polarity.LowerIsBetter, 1, 3), Kpi(Polarity.LowerIsBetter, 5, 8)], Measures, Now);
        specification.Warnings(42_250_000m).ShouldBeEmpty();
    }

    [Fact]
    public void The_total_term_is_the_initial_term_and_every_extension()
    {
        var cases =
            from months in Gen.Choose(1, Specification.MaxContractMonths)
            from count in Gen.Choose(0, Specification.MaxExtensions)
            from extensions in Gen.ArrayOf(Gen.Choose(1, Specification.MaxExtensionMonths), count)
            select (Months: months, Extensions: extensions);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var specification = Started(Independence);
                return specification.SetTerm(c.Months, c.Extensions) is null
                    && specification.TotalMonths == c.Months + c.Extensions.Sum()
                    && specification.Extensions.Select(e => e.Months).SequenceEqual(c.Extensions);
            })
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0, 12)]
    [InlineData(361, 12)]
    [InlineData(60, 0)]
    [InlineData(60, 121)]
    public void A_term_out_of_range_is_refused(int months, int extension)
    {
        var specification = Started(Independence);

        specification.SetTerm(months, [extension]).ShouldNotBeNull();
        specification.ContractMonths.ShouldBeNull();
    }

    [Fact]
    public void Lot_values_always_add_up_to_the_tenders_value()
    {
        var cases =
            from pence in Gen.Choose(1_000, 2_000_000_000)
            from count in Gen.Choose(2, 6)
            from weights in Gen.ArrayOf(Gen.Choose(1, 1000), count)
            select (Value: pence / 100m * 3, Shares: Shares(weights));

        Prop.ForAll(Arb.From(cases), c =>
            {
                var specification = Started(Independence);
                if (specification.SetLots(c.Shares.Select((s, i) => new Specification.LotInput($"Lot {i + 1}", s)).ToList(), null, Now) is not null)
                {
                    return false;
                }

                var values = specification.LotValues(c.Value);
                return values.Sum(v => v.Value) == c.Value && values.All(v => decimal.Round(v.Value, 2) == v.Value);
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Shares to 2 dp, each above 0, adding up to exactly 100.</summary>
    private static decimal[] Shares(int[] weights)
    {
        var shares = Placeshaper.Budgets.LargestRemainder.Split(100m, weights.Select(w => (decimal)w).ToList()).ToArray();
        return shares.Any(s => s <= 0) ? [50m, 50m] : shares;
    }
}
