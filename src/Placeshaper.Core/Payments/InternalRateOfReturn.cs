namespace Placeshaper.Payments;

/// <summary>
/// The internal rate of return of yearly cash flows: the annual rate r above −100% at which
/// Σ flow[t] / (1 + r)^t is zero. Found by bisection in <see cref="decimal"/>, never by Newton's method, which can
/// wander off or divide by a zero slope.
/// </summary>
/// <remarks>
/// <para>
/// Only flows whose signs change exactly once (ignoring zeros), such as an investment followed by returns, are
/// solved: by Descartes' rule of signs they have exactly one rate above −100%. With no change of sign there is no
/// rate, and with several changes there may be several or none, so no rate is claimed: the result is null.
/// </para>
/// <para>
/// The sum is never evaluated at (1 + r)^t itself, which overflows for long horizons and high rates. Multiplying it
/// by a positive power keeps its sign: for r ≥ 0 it is evaluated as Σ flow[t] × d^t with d = 1 / (1 + r) in (0, 1],
/// and for r ≤ 0 as Σ flow[t] × g^(T − t) with g = 1 + r in (0, 1], T the last year. Both stay within Σ |flow|.
/// The bisection halves the bracket of d or g until the rate it implies is known to within
/// <see cref="Tolerance"/> (10⁻¹², far inside the 4 decimal places shown) or 200 halvings have been made.
/// </para>
/// </remarks>
public static class InternalRateOfReturn
{
    public const decimal Tolerance = 0.000_000_000_001m;

    private const int MaxHalvings = 200;

    /// <param name="flows">The cash flow of each year, year 0 first.</param>
    public static decimal? Of(IReadOnlyList<decimal> flows)
    {
        var signs = flows.Where(f => f != 0).Select(Math.Sign).ToList();
        var changes = signs.Zip(signs.Skip(1)).Count(p => p.First != p.Second);
        if (changes != 1)
        {
            return null;
        }

        var atZero = flows.Sum();
        if (atZero == 0)
        {
            return 0;
        }

        // d = 1 at r = 0, and as d → 0 (r → ∞) the sum takes the sign of the first flow that is not zero: if that
        // differs from the sign at r = 0, the rate is above 0; otherwise it is below, where g → 0 gives the last one's.
        if (signs[0] != Math.Sign(atZero))
        {
            var d = Bisect(x => Discounted(flows, x), 0, 1, x => (1 / x) - 1);
            return (1 / d) - 1;
        }

        var g = Bisect(x => Compounded(flows, x), 0, 1, x => x - 1);
        return g - 1;
    }

    /// <summary>Σ flow[t] × d^t by Horner's rule.</summary>
    private static decimal Discounted(IReadOnlyList<decimal> flows, decimal d)
    {
        var sum = 0m;
        for (var t = flows.Count - 1; t >= 0; t--)
        {
            sum = (sum * d) + flows[t];
        }

        return sum;
    }

    /// <summary>Σ flow[t] × g^(T − t) by Horner's rule.</summary>
    private static decimal Compounded(IReadOnlyList<decimal> flows, decimal g)
    {
        var sum = 0m;
        foreach (var flow in flows)
        {
            sum = (sum * g) + flow;
        }

        return sum;
    }

    /// <summary>
    /// Halves [low, high], where f changes sign (f(high) has the sign at r = 0 and f(low) the other), until the
    /// rates at its ends are within <see cref="Tolerance"/> of each other. The value at 0 is approached but never used.
    /// </summary>
    private static decimal Bisect(Func<decimal, decimal> f, decimal low, decimal high, Func<decimal, decimal> rate)
    {
        var highSign = Math.Sign(f(high));
        for (var i = 0; i < MaxHalvings; i++)
        {
            var mid = (low + high) / 2;
            var value = f(mid);
            if (value == 0)
            {
                return mid;
            }

            if (Math.Sign(value) == highSign)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }

            if (low > 0 && Math.Abs(rate(high) - rate(low)) < Tolerance)
            {
                break;
            }
        }

        return (low + high) / 2;
    }
}
