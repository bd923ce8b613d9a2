using System.Globalization;

namespace Placeshaper.Spend;

/// <summary>
/// Reads an amount as councils' finance systems write it in spend files, exactly, as a <see cref="decimal"/>:
/// "1714.29", "£322.50", "\"1,496.00\"", " 519.89 ", "393.39-" (trailing minus), "(250.00)" (brackets for a credit),
/// "-438.80", "6.82121E-13" (float residue from Excel) and "2646.6875" (sub-penny precision kept). Nothing is rounded
/// here: storage keeps four decimal places (<see cref="Common.Money"/>).
/// </summary>
public static class SpendAmount
{
    /// <summary>The amount, or null with the reason in <paramref name="reason"/> when the text is not an amount.</summary>
    public static decimal? Parse(ReadOnlySpan<char> text, out string? reason)
    {
        reason = null;
        text = text.Trim();
        if (text.IsEmpty)
        {
            reason = "no amount";
            return null;
        }

        if (Plain(text) is { } plain)
        {
            return plain;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64)
        {
            reason = $"'{Shorten(text)}' is not an amount";
            return null;
        }

        var negative = false;
        text = text.TrimStart("£ \u00A0");
        if (text.Length > 1 && text[0] == '(' && text[^1] == ')')
        {
            negative = true;
            text = text[1..^1].Trim();
        }

        if (text.Length > 0 && (text[^1] == '-' || text[^1] == '\u2212'))
        {
            negative = !negative;
            text = text[..^1].TrimEnd();
        }

        var length = 0;
        var exponent = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '£' or ',' or ' ' or '\u00A0':
                    continue;
                case '\u2212':
                    buffer[length++] = '-';
                    break;
                case 'e' or 'E':
                    exponent = true;
                    buffer[length++] = c;
                    break;
                case (>= '0' and <= '9') or '.' or '-' or '+':
                    buffer[length++] = c;
                    break;
                default:
                    reason = $"'{Shorten(text)}' is not an amount";
                    return null;
            }
        }

        var styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | (exponent ? NumberStyles.AllowExponent : NumberStyles.None);
        if (length == 0 || !decimal.TryParse(buffer[..length], styles, CultureInfo.InvariantCulture, out var amount))
        {
            reason = $"'{Shorten(text)}' is not an amount";
            return null;
        }

        if (Math.Abs(amount) > Common.Money.MaxPounds)
        {
            reason = $"'{Shorten(text)}' is beyond the largest amount Placeshaper stores";
            return null;
        }

        return negative ? -amount : amount;
    }

    /// <summary>
    /// Most lines' amounts, "1714.29", "-438.80" or "519": a minus or not, digits, at most one point. Read straight
    /// into a decimal of the same value and scale as <see cref="decimal.TryParse(string?, out decimal)"/> gives, a
    /// fifth of the cost; anything else (or longer than 18 digits, or beyond 14 before the point) is left to the rules
    /// above.
    /// </summary>
    private static decimal? Plain(ReadOnlySpan<char> text)
    {
        var negative = text[0] == '-';
        var (digits, count, whole, scale) = (0L, 0, 0, -1);
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                if (++count > 18)
                {
                    return null;
                }

                digits = (digits * 10) + (c - '0');
                if (scale >= 0)
                {
                    scale++;
                }
                else
                {
                    whole++;
                }
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return null;
            }
        }

        return count == 0 || whole > 14 ? null : new decimal((int)digits, (int)(digits >> 32), 0, negative, (byte)Math.Max(scale, 0));
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length > 40 ? string.Concat(text[..40], "…") : text.ToString();
}
