using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Common;

namespace Placeshaper.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("2646.6875", 26_466_875L)]
    [InlineData("-0.01", -100L)]
    [InlineData("0.00005", 1L)]
    [InlineData("-0.00005", -1L)]
    [InlineData("6.82121E-13", 0L)]
    public void Amounts_are_stored_in_ten_thousandths_rounding_half_away_from_zero(string pounds, long units) =>
        Money.ToStoredUnits(decimal.Parse(pounds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(units);

    [Fact]
    public void Every_amount_with_four_decimal_places_survives_storage_exactly()
    {
        var amounts =
            from units in Gen.Choose(int.MinValue, int.MaxValue)
            from scale in Gen.Choose(0, 3)
            select units * (long)Math.Pow(10, scale) / 10_000m;

        Prop.ForAll(Arb.From(amounts), pounds => Money.FromStoredUnits(Money.ToStoredUnits(pounds)) == pounds)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Amounts_beyond_the_storable_range_are_refused_not_wrapped() =>
        Should.Throw<OverflowException>(() => Money.ToStoredUnits(Money.MaxPounds + 1));

    [Theory]
    [InlineData("1234.5", "£1,234.50")]
    [InlineData("-1234.5", "\u2212£1,234.50")]
    [InlineData("2646.6875", "£2,646.6875")]
    [InlineData("0", "£0.00")]
    public void Amounts_read_the_British_way(string pounds, string shown) =>
        Money.Format(decimal.Parse(pounds, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(shown);

    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("-0.125", "-0.13")]
    [InlineData("0.124999", "0.12")]
    public void Payments_round_half_away_from_zero_to_the_penny(string pounds, string rounded) =>
        Money.ToPence(decimal.Parse(pounds, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(decimal.Parse(rounded, System.Globalization.CultureInfo.InvariantCulture));
}
