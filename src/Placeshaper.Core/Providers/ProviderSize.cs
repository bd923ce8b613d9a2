namespace Placeshaper.Providers;

/// <summary>A provider's size band under the Companies Act 2006; <see cref="Unknown"/> when the figures do not settle it.</summary>
public enum SizeBand
{
    Unknown,
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>
/// What a provider's staff, turnover and balance sheet total make it, with the working, worked out each time from
/// the figures (nothing is stored). Two separate tests, each from its own law:
/// <list type="bullet">
/// <item><see cref="IsSme"/>: small and medium-sized enterprise as the Procurement Act 2023 s.123 defines it (in force
/// since 24 February 2025): a supplier with fewer than 250 staff and a turnover of at most £44 million or a balance
/// sheet total of at most £38 million.</item>
/// <item><see cref="Band"/>: micro, small, medium or large by the qualifying conditions of the Companies Act 2006,
/// s.384A (micro-entities), s.382 (small) and s.465 (medium-sized), with the turnover and balance sheet limits
/// substituted by the Companies (Accounts and Reports) (Amendment and Transitional Provision) Regulations 2024
/// (SI 2024/1303, regs. 9 and 11) for financial years beginning on or after 6 April 2025. A body is in a band when it
/// meets two or more of three conditions ("not more than"): micro £1m turnover, £500,000 balance sheet total, 10
/// employees; small £15m, £7.5m, 50; medium £54m, £27m, 250. A body in none of them is large.</item>
/// </list>
/// The two can disagree at the edges (200 staff, £60m turnover and a £30m balance sheet is an SME under the Act but
/// large under the Companies Act), so both are shown, each named. The Companies Act's two-year rule and its group
/// tests are not applied: the register holds one year's figures. Unknown figures make an answer unknown only when
/// they could change it (Kleene's three-valued logic): 300 staff is not an SME whatever the money.
/// </summary>
public sealed record ProviderSize(bool? IsSme, SizeBand Band, IReadOnlyList<string> Working)
{
    /// <summary>Procurement Act 2023 s.123(1)(a): fewer than 250 staff.</summary>
    public const int SmeStaffBelow = 250;

    /// <summary>Procurement Act 2023 s.123(1)(b)(i): turnover of an amount less than or equal to £44 million.</summary>
    public const decimal SmeTurnoverAtMost = 44_000_000m;

    /// <summary>Procurement Act 2023 s.123(1)(b)(ii): balance sheet total of an amount less than or equal to £38 million.</summary>
    public const decimal SmeBalanceSheetAtMost = 38_000_000m;

    public sealed record BandLimits(SizeBand Band, string Section, decimal Turnover, decimal BalanceSheetTotal, int Employees);

    /// <summary>Companies Act 2006 limits for financial years beginning on or after 6 April 2025 (SI 2024/1303).</summary>
    public static readonly IReadOnlyList<BandLimits> Bands =
    [
        new(SizeBand.Micro, "s.384A", 1_000_000m, 500_000m, 10),
        new(SizeBand.Small, "s.382", 15_000_000m, 7_500_000m, 50),
        new(SizeBand.Medium, "s.465", 54_000_000m, 27_000_000m, 250),
    ];

    public static ProviderSize Classify(int? staff, decimal? turnover, decimal? balanceSheetTotal)
    {
        var working = new List<string>();
        var isSme = Sme(staff, turnover, balanceSheetTotal, working);
        var band = BandFor(staff, turnover, balanceSheetTotal, working);
        return new ProviderSize(isSme, band, working);
    }

    private static bool? Sme(int? staff, decimal? turnover, decimal? balanceSheetTotal, List<string> working)
    {
        bool? fewStaff = staff is { } s ? s < SmeStaffBelow : null;
        bool? smallTurnover = turnover is { } t ? t <= SmeTurnoverAtMost : null;
        bool? smallBalanceSheet = balanceSheetTotal is { } b ? b <= SmeBalanceSheetAtMost : null;
        var sme = And(fewStaff, Or(smallTurnover, smallBalanceSheet));
        working.Add("SME (Procurement Act 2023 s.123): fewer than 250 staff, and a turnover of at most £44m or a balance sheet total of at most £38m.");
        working.Add(staff is null ? "Staff: not known." : $"Staff: {staff.Value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, {(fewStaff == true ? "fewer than 250" : "250 or more")}.");
        working.Add(turnover is null ? "Turnover: not known." : $"Turnover: {Pounds(turnover.Value)}, {(smallTurnover == true ? "at most £44m" : "over £44m")}.");
        working.Add(balanceSheetTotal is null ? "Balance sheet total: not known." : $"Balance sheet total: {Pounds(balanceSheetTotal.Value)}, {(smallBalanceSheet == true ? "at most £38m" : "over £38m")}.");
        working.Add(sme switch
        {
            true => "So it is an SME.",
            false => "So it is not an SME.",
            null => "So whether it is an SME is not known: enter the missing figures.",
        });
        return sme;
    }

    private static SizeBand BandFor(int? staff, decimal? turnover, decimal? balanceSheetTotal, List<string> working)
    {
        working.Add("Size (Companies Act 2006 ss.384A, 382 and 465, limits from 6 April 2025): the smallest band whose conditions it meets two or more of.");
        SizeBand? possible = null;
        foreach (var limits in Bands)
        {
            bool?[] conditions =
            [
                turnover is { } t ? t <= limits.Turnover : null,
                balanceSheetTotal is { } b ? b <= limits.BalanceSheetTotal : null,
                staff is { } s ? s <= limits.Employees : null,
            ];
            var met = conditions.Count(c => c == true);
            var unknown = conditions.Count(c => c is null);
            var name = limits.Band.ToString().ToLowerInvariant();
            var rule = $"{name} ({limits.Section}): turnover at most {Pounds(limits.Turnover)}, balance sheet total at most {Pounds(limits.BalanceSheetTotal)}, at most {limits.Employees} employees";
            if (met >= 2)
            {
                if (possible is { } smaller)
                {
                    working.Add($"It meets the conditions to be {name}, but could be {smaller.ToString().ToLowerInvariant()}: enter the missing figures to tell.");
                    return SizeBand.Unknown;
                }

                working.Add($"It meets {met} of the conditions to be {rule}. So it is {name}.");
                return limits.Band;
            }

            if (met + unknown >= 2)
            {
                working.Add($"It may meet the conditions to be {rule}: not enough figures are known.");
                possible ??= limits.Band;
                continue;
            }

            working.Add($"It meets fewer than two of the conditions to be {rule}.");
        }

        if (possible is not null)
        {
            working.Add("So its size is not known: enter the missing figures.");
            return SizeBand.Unknown;
        }

        working.Add("So it is large.");
        return SizeBand.Large;
    }

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == false && b == false ? false : null;

    private static string Pounds(decimal amount) => Common.Money.Format(amount).Replace(".00", "", StringComparison.Ordinal);
}
