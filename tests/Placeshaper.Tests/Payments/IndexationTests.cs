using Placeshaper.Payments;

namespace Placeshaper.Tests.Payments;

public sealed class IndexationTests
{
    [Fact]
    public void A_fixed_uplift_compounds_each_year_and_each_periods_price_is_rounded_to_the_penny()
    {
        // £1,234.56 a month, 3% a year: 1,234.56; × 1.03 = 1,271.5968 → 1,271.60; × 1.03² = 1,309.744704 → 1,309.74.
        // Years: 14,814.72 + 15,259.20 + 15,716.88 = 45,790.80.
        var result = Indexation.Calculate(new(1_234.56m, 3, 12, UpliftRate: 0.03m)).Value!;

        result.Years.Select(y => (y.Year, y.PricePerPeriod, y.Total)).ShouldBe([(1, 1_234.56m, 14_814.72m), (2, 1_271.60m, 15_259.20m), (3, 1_309.74m, 15_716.88m)]);
        result.Total.ShouldBe(45_790.80m);
        result.Years[2].Working.ShouldBe("Year 3: £1,234.56 × (1 + 0.03)^2 = £1,309.74 a period, rounded to the penny; × 12 periods = £15,716.88");
        result.Working[0].ShouldContain("rounded to the penny (half away from zero)");
    }

    [Fact]
    public void An_index_series_uplifts_by_each_years_value_over_the_base_years()
    {
        // £10,000 a quarter; index 120, 126, 123 (a fall in year 3): 10,000, 10,500, 10,250.
        var result = Indexation.Calculate(new(10_000m, 3, 4, Index: [new(2, 126m), new(1, 120m), new(3, 123m)])).Value!;

        result.Years.Select(y => (y.PricePerPeriod, y.Total)).ShouldBe([(10_000m, 40_000m), (10_500m, 42_000m), (10_250m, 41_000m)]);
        result.Total.ShouldBe(123_000m);
        result.Years[1].Working.ShouldBe("Year 2: £10,000.00 × index 126 ÷ 120 = £10,500.00 a period, rounded to the penny; × 4 periods = £42,000.00");
    }

    [Fact]
    public void Half_a_penny_rounds_away_from_zero()
    {
        // 0.50 × 1.01 = 0.505 → 0.51.
        Indexation.Calculate(new(0.50m, 2, UpliftRate: 0.01m)).Value!.Years[1].PricePerPeriod.ShouldBe(0.51m);
    }

    [Theory]
    [InlineData("upliftRate", false, false)]
    [InlineData("index", true, true)]
    public void Give_a_fixed_uplift_or_an_index_but_not_both(string field, bool uplift, bool index)
    {
        var input = new Indexation.Input(100m, 1, null, uplift ? 0.02m : null, index ? [new(1, 100m)] : null);

        Indexation.Calculate(input).Errors!.ByField.Keys.ShouldBe([field]);
    }

    [Fact]
    public void Bad_index_series_are_refused_naming_the_field()
    {
        Indexation.Calculate(new(-1m, 2, 60, Index: [new(1, 0m), new(1, 100m), new(5, 100m)])).Errors!.ByField.Keys.ShouldBe(
            ["basePrice", "periodsPerYear", "index[0].value", "index[1].year", "index[2].year"], ignoreOrder: true);
        Indexation.Calculate(new(1m, 3, Index: [new(1, 100m)])).Errors!.ByField["index"].ShouldBe(["Give an index value for every year from 1 to 3; missing: 2, 3"]);
    }

    [Fact]
    public void A_price_that_would_grow_beyond_any_contract_is_refused_rather_than_overflowing()
    {
        Indexation.Calculate(new(1_000_000m, 100, UpliftRate: 1m)).Errors!.ByField["upliftRate"].Single().ShouldStartWith("By year 21 the price would pass");
        Indexation.Calculate(new(1m, 2, Index: [new(1, 0.00001m), new(2, 1m)])).Errors!.ByField.Keys.ShouldBe(["index[0].value"]);
    }
}
