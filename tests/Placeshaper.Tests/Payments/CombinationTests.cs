using Placeshaper.Payments;

namespace Placeshaper.Tests.Payments;

public sealed class CombinationTests
{
    [Fact]
    public void A_fixed_element_plus_outcome_payments_less_credits_with_the_working()
    {
        var result = Combination.Calculate(new(
            50_000m,
            [new("Families turned around", 12_000m), new("Into work", 3_500.50m)],
            [new("Missed visits", 2_000m)])).Value!;

        (result.OutcomePayments, result.Credits, result.Due).ShouldBe((15_500.50m, 2_000m, 63_500.50m));
        result.Working.ShouldBe([
            "Fixed element: £50,000.00",
            "Outcome payments: £12,000.00 (Families turned around) + £3,500.50 (Into work) = £15,500.50",
            "Less credits: £2,000.00 (Missed visits) = £2,000.00",
            "Due: £50,000.00 + £15,500.50 − £2,000.00 = £63,500.50",
        ]);
    }

    [Fact]
    public void Credits_beyond_what_is_due_are_shown_as_owed_by_the_provider()
    {
        var result = Combination.Calculate(new(100m, null, [new("Credit", 150m)])).Value!;

        result.Due.ShouldBe(-50m);
        result.Working[^1].ShouldBe("Due: £100.00 + £0.00 − £150.00 = −£50.00; the credits exceed what is due, so the provider owes £50.00");
    }

    [Fact]
    public void Negative_or_unlabelled_amounts_are_refused_naming_the_field()
    {
        Combination.Calculate(new(-1m, [new("", 1m)], [new("Credit", -1m)])).Errors!.ByField.Keys.ShouldBe(
            ["fixedElement", "outcomePayments[0].label", "credits[0].amount"], ignoreOrder: true);
    }
}
