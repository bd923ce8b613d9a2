using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Providers;

namespace Placeshaper.Tests.Providers;

public sealed class ProviderSizeTests
{
    private static readonly Config ThousandCases = Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Theory]
    [InlineData(249, 44_000_000, 99_000_000, true)]
    [InlineData(250, 1, 1, false)]
    [InlineData(249, 44_000_000.01, 38_000_000, true)]
    [InlineData(249, 44_000_000.01, 38_000_000.01, false)]
    [InlineData(0, 0, 0, true)]
    public void An_SME_has_fewer_than_250_staff_and_turnover_at_most_44m_or_a_balance_sheet_at_most_38m(int staff, double turnover, double balanceSheet, bool sme) =>
        ProviderSize.Classify(staff, (decimal)turnover, (decimal)balanceSheet).IsSme.ShouldBe(sme);

    [Fact]
    public void Missing_figures_leave_SME_unknown_only_when_they_could_change_the_answer()
    {
        ProviderSize.Classify(null, 1_000m, 1_000m).IsSme.ShouldBeNull("the staff could be 250 or more");
        ProviderSize.Classify(120, null, null).IsSme.ShouldBeNull("the money could be over both limits");
        ProviderSize.Classify(120, 50_000_000m, null).IsSme.ShouldBeNull("the balance sheet could be under £38m");
        ProviderSize.Classify(120, null, 10_000_000m).IsSme.ShouldBe(true);
        ProviderSize.Classify(300, null, null).IsSme.ShouldBe(false, "300 staff is not an SME whatever the money");
        ProviderSize.Classify(null, 50_000_000m, 40_000_000m).IsSme.ShouldBe(false, "over both money limits, whatever the staff");
        ProviderSize.Classify(null, null, null).IsSme.ShouldBeNull();
    }

    [Theory]
    [InlineData(10, 1_000_000, 500_000, SizeBand.Micro)]
    [InlineData(11, 1_000_000, 500_000, SizeBand.Micro)]
    [InlineData(11, 1_000_001, 500_000, SizeBand.Small)]
    [InlineData(50, 15_000_000, 7_500_000, SizeBand.Small)]
    [InlineData(51, 15_000_001, 7_500_000, SizeBand.Medium)]
    [InlineData(250, 54_000_000, 27_000_000, SizeBand.Medium)]
    [InlineData(251, 54_000_001, 27_000_000, SizeBand.Large)]
    [InlineData(1_850, 212_000_000, 96_000_000, SizeBand.Large)]
    public void The_band_is_the_smallest_whose_Companies_Act_conditions_it_meets_two_of(int staff, double turnover, double balanceSheet, SizeBand band) =>
        ProviderSize.Classify(staff, (decimal)turnover, (decimal)balanceSheet).Band.ShouldBe(band);

    [Fact]
    public void A_band_is_unknown_when_a_missing_figure_could_make_it_smaller()
    {
        ProviderSize.Classify(5, 500_000m, null).Band.ShouldBe(SizeBand.Micro, "two of three conditions are already met");
        ProviderSize.Classify(5, 5_000_000m, null).Band.ShouldBe(SizeBand.Unknown, "micro if the balance sheet is small, else small");
        ProviderSize.Classify(30, 5_000_000m, null).Band.ShouldBe(SizeBand.Small, "micro is out of reach: 30 staff and £5m");
        ProviderSize.Classify(null, null, null).Band.ShouldBe(SizeBand.Unknown);
        ProviderSize.Classify(1_000, 100_000_000m, null).Band.ShouldBe(SizeBand.Large, "no band's conditions can be met twice");
    }

    [Fact]
    public void The_working_names_the_law_and_says_what_decided_it()
    {
        var size = ProviderSize.Classify(38, 1_450_000m, 420_000m);

        size.IsSme.ShouldBe(true);
        size.Band.ShouldBe(SizeBand.Small);
        size.Working.ShouldContain(line => line.Contains("Procurement Act 2023 s.123", StringComparison.Ordinal));
        size.Working.ShouldContain("Turnover: £1,450,000, at most £44m.");
        size.Working.ShouldContain(line => line.Contains("So it is small.", StringComparison.Ordinal));
    }

    private static readonly Gen<(int Staff, decimal Turnover, decimal BalanceSheet)> Figures =
        from staff in Gen.Choose(0, 2_000)
        from turnover in Gen.Choose(0, 120_000)
        from balanceSheet in Gen.Choose(0, 60_000)
        select (staff, turnover * 1_000m, balanceSheet * 1_000m);

    [Fact]
    public void More_staff_never_makes_a_provider_an_SME_or_smaller()
    {
        Prop.ForAll(Arb.From(Gen.Zip(Figures, Gen.Choose(0, 500))), t =>
            {
                var ((staff, turnover, balanceSheet), more) = t;
                var before = ProviderSize.Classify(staff, turnover, balanceSheet);
                var after = ProviderSize.Classify(staff + more, turnover, balanceSheet);
                return (after.IsSme != true || before.IsSme == true) && after.Band >= before.Band;
            })
            .Check(ThousandCases);
    }

    [Fact]
    public void More_turnover_or_balance_sheet_never_makes_a_provider_an_SME_or_smaller()
    {
        Prop.ForAll(Arb.From(Gen.Zip(Figures, Gen.Choose(0, 60_000))), t =>
            {
                var ((staff, turnover, balanceSheet), more) = t;
                var before = ProviderSize.Classify(staff, turnover, balanceSheet);
                var richer = ProviderSize.Classify(staff, turnover + (more * 1_000m), balanceSheet);
                var bigger = ProviderSize.Classify(staff, turnover, balanceSheet + (more * 1_000m));
                return new[] { richer, bigger }.All(after => (after.IsSme != true || before.IsSme == true) && after.Band >= before.Band);
            })
            .Check(ThousandCases);
    }

    [Fact]
    public void With_every_figure_known_nothing_is_unknown_and_SME_is_exactly_section_123()
    {
        Prop.ForAll(Arb.From(Figures), f =>
            {
                var size = ProviderSize.Classify(f.Staff, f.Turnover, f.BalanceSheet);
                var sme = f.Staff < 250 && (f.Turnover <= 44_000_000m || f.BalanceSheet <= 38_000_000m);
                return size.IsSme == sme && size.Band != SizeBand.Unknown;
            })
            .Check(ThousandCases);
    }

    [Fact]
    public void A_known_answer_never_changes_when_a_missing_figure_is_filled_in()
    {
        Prop.ForAll(Arb.From(Gen.Zip(Figures, Gen.Choose(0, 6))), t =>
            {
                var ((staff, turnover, balanceSheet), mask) = t;
                var partial = ProviderSize.Classify((mask & 1) == 0 ? staff : null, (mask & 2) == 0 ? turnover : null, (mask & 4) == 0 ? balanceSheet : null);
                var full = ProviderSize.Classify(staff, turnover, balanceSheet);
                return (partial.IsSme is null || partial.IsSme == full.IsSme) && (partial.Band == SizeBand.Unknown || partial.Band == full.Band);
            })
            .Check(ThousandCases);
    }
}
