using Placeshaper.Calculators;

namespace Placeshaper.Payments;

/// <summary>
/// A fixed periodic price (a monthly or quarterly charge, say) uplifted once a year, either by a fixed percentage or by
/// an index series the user supplies, such as the Consumer Prices Index values from the Office for National Statistics
/// for the months the contract names. Placeshaper ships no index figures: they would be unverified here, and contracts
/// differ in which month and series they use.
/// </summary>
/// <remarks>
/// Year 1 is the base: its price per period is basePrice. With a fixed uplift, year k's price = basePrice × (1 +
/// upliftRate)^(k − 1), compounded. With an index, year k's price = basePrice × index[k] ÷ index[1]. Each period's
/// price is worked out exactly, then rounded to the penny, half away from zero, because that is what is invoiced; a
/// year's total is that rounded price × periodsPerYear, and the total is the sum of the years' totals.
/// </remarks>
public static class Indexation
{
    /// <summary>At most one period a week.</summary>
    public const int MaxPeriodsPerYear = 52;

    /// <summary>
    /// Index values run from 0.0001 to a billion: any real series fits, and the ratio of two of them stays far inside
    /// <see cref="decimal"/>'s range.
    /// </summary>
    public const decimal MinIndexValue = 0.0001m;

    public const decimal MaxIndexValue = 1_000_000_000m;

    /// <param name="Year">1 for the base year, 2 for the next, and so on.</param>
    /// <param name="Value">The index's value that applies to the year, above 0.</param>
    public sealed record IndexValue(int? Year, decimal? Value);

    /// <param name="BasePrice">The price of one period in year 1, in pounds.</param>
    /// <param name="PeriodsPerYear">How many times a year the price is charged (12 for monthly); 1 when left out.</param>
    /// <param name="UpliftRate">A fixed yearly uplift as a fraction (0.03 for 3%); give this or <paramref name="Index"/>.</param>
    /// <param name="Index">The index's value for each year from 1 to <paramref name="Years"/>.</param>
    public sealed record Input(decimal? BasePrice, int? Years, int? PeriodsPerYear = null, decimal? UpliftRate = null, IReadOnlyList<IndexValue>? Index = null);

    /// <param name="Factor">Year k's price ÷ the base price, exact.</param>
    /// <param name="PricePerPeriod">In pounds and pence.</param>
    public sealed record YearResult(int Year, decimal Factor, decimal PricePerPeriod, int Periods, decimal Total, string Working);

    public sealed record Result(IReadOnlyList<YearResult> Years, decimal Total, IReadOnlyList<string> Working);

    public static Result<Result> Calculate(Input input)
    {
        var errors = new Errors();
        if (input.BasePrice is not { } basePrice || basePrice < 0 || basePrice > PaymentByResults.MaxAmount)
        {
            errors.Add("basePrice", input.BasePrice < 0 ? "The base price cannot be negative" : "Give the price of one period in the first year, in pounds");
            basePrice = 0;
        }

        if (input.Years is not { } years || years < 1 || years > Discounting.MaxYears)
        {
            errors.Add("years", $"Give how many years the price runs for, from 1 to {Discounting.MaxYears}");
            years = 0;
        }

        var periods = input.PeriodsPerYear ?? 1;
        if (periods < 1 || periods > MaxPeriodsPerYear)
        {
            errors.Add("periodsPerYear", $"Give how many times a year the price is charged, from 1 to {MaxPeriodsPerYear}: 12 for monthly");
        }

        if (input.UpliftRate is not null && input.Index is not null)
        {
            errors.Add("index", "Give either upliftRate or index, not both");
        }
        else if (input.UpliftRate is null && input.Index is null)
        {
            errors.Add("upliftRate", "Give either a fixed yearly upliftRate, such as 0.03 for 3%, or an index value for each year");
        }
        else if (input.UpliftRate is { } rate && (rate < -1 || rate > 1))
        {
            errors.Add("upliftRate", "Give the yearly uplift as a fraction from −1 to 1: 0.03 for 3%");
        }

        var index = input.Index is { } series && years > 0 ? CheckIndex(series, years, errors) : null;
        if (errors.Any)
        {
            return errors;
        }

        var results = new List<YearResult>();
        var factor = 1m;
        for (var k = 1; k <= years; k++)
        {
            string how;
            if (index is not null)
            {
                factor = index[k] / index[1];
                how = k == 1 ? "the base year" : $"index {Rounding.Plain(index[k])} ÷ {Rounding.Plain(index[1])}";
            }
            else
            {
                var rate = input.UpliftRate!.Value;
                factor = k == 1 ? 1 : factor * (1 + rate);
                how = k == 1 ? "the base year" : $"(1 + {Rounding.Plain(rate)})^{k - 1}";
            }

            // A price beyond any contract's (a 100% uplift compounded for decades) is refused before it can overflow.
            if (factor > PaymentByResults.MaxAmount || basePrice * factor > PaymentByResults.MaxAmount)
            {
                return Errors.For(index is null ? "upliftRate" : "index", $"By year {k} the price would pass {Rounding.Pounds(PaymentByResults.MaxAmount)} a period; check the uplift");
            }

            var price = Rounding.ToTwoPlaces(basePrice * factor);
            var total = price * periods;
            var working = $"Year {k}: {Rounding.Pounds(basePrice)} × {how} = {Rounding.Pounds(price)} a period, rounded to the penny"
                + (periods == 1 ? "" : $"; × {periods} periods = {Rounding.Pounds(total)}");
            results.Add(new YearResult(k, factor, price, periods, total, working));
        }

        var sum = results.Sum(r => r.Total);
        IReadOnlyList<string> summary =
        [
            "Each period's price is worked out exactly, then rounded to the penny (half away from zero) before the periods and years are added up",
            "Total: " + string.Join(" + ", results.Select(r => Rounding.Pounds(r.Total))) + $" = {Rounding.Pounds(sum)}",
        ];
        return new Result(results, sum, summary);
    }

    private static Dictionary<int, decimal>? CheckIndex(IReadOnlyList<IndexValue> series, int years, Errors errors)
    {
        if (series.Count > Discounting.MaxYears)
        {
            errors.Add("index", $"Give at most {Discounting.MaxYears} index values");
            return null;
        }

        var values = new Dictionary<int, decimal>();
        var seen = new HashSet<int>();
        for (var i = 0; i < series.Count; i++)
        {
            var field = $"index[{i}]";
            if (series[i] is not { } v)
            {
                errors.Add(field, "Give the year and the index value");
                continue;
            }

            if (v.Year is not { } year || year < 1 || year > years)
            {
                errors.Add(field + ".year", $"Give the year the value applies to, from 1 to {years}");
            }
            else if (!seen.Add(year))
            {
                errors.Add(field + ".year", $"Year {year} is given twice; give one index value a year");
            }
            else if (v.Value is not { } value || value < MinIndexValue || value > MaxIndexValue)
            {
                errors.Add(field + ".value", $"Give the index value, from {Rounding.Plain(MinIndexValue)} to {Rounding.Plain(MaxIndexValue)}");
            }
            else
            {
                values[year] = value;
            }
        }

        var missing = Enumerable.Range(1, years).Where(y => !seen.Contains(y)).ToList();
        if (missing.Count > 0 && !errors.Any)
        {
            errors.Add("index", $"Give an index value for every year from 1 to {years}; missing: {string.Join(", ", missing)}");
        }

        return values;
    }
}
