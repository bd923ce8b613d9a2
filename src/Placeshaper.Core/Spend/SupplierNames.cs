using Placeshaper.Providers;

namespace Placeshaper.Spend;

/// <summary>
/// How a supplier named in a spend file is compared with the provider register. It builds on
/// <see cref="NameNormaliser"/> (case, accents, punctuation, "&amp;" as AND, THE, LIMITED/LTD/PLC and the like, the
/// trading name after "T/A" kept apart as an alias) and also drops what finance systems append to a supplier's name
/// to tell its accounts apart: a trailing branch or location ("TESCO STORES LTD - EXETER", "SMITHS (PLYMOUTH
/// BRANCH)", "ACME LTD ACCOUNT 2"). The similarity is plain code: Jaro-Winkler over the sorted tokens (token-set), so
/// word order and repeated words do not matter.
/// </summary>
public static class SupplierNames
{
    /// <summary>Words that, at the end of a name after a dash or in brackets, mark a branch or account, not another body.</summary>
    private static readonly string[] BranchWords = ["BRANCH", "OFFICE", "DEPOT", "ACCOUNT", "ACC", "A C", "AC", "STORE", "SITE"];

    /// <summary>The key a supplier is matched by: the normalised name without a trailing branch or location suffix.</summary>
    public static string MatchKey(string? name)
    {
        var key = NameNormaliser.Normalise(StripBranch(name ?? ""));
        while (true)
        {
            var tokens = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (tokens.Count > 1 && BranchWords.Contains(tokens[^1], StringComparer.Ordinal))
            {
                tokens.RemoveAt(tokens.Count - 1);
            }
            else if (tokens.Count > 2 && tokens[^1].All(char.IsDigit) && BranchWords.Contains(tokens[^2], StringComparer.Ordinal))
            {
                tokens.RemoveRange(tokens.Count - 2, 2);
            }
            else
            {
                return key;
            }

            key = NameNormaliser.Normalise(string.Join(' ', tokens));
        }
    }

    /// <summary>The normalised trading name after "T/A" or "trading as", kept as an alias; null when there is none.</summary>
    public static string? Alias(string? name) => NameNormaliser.TradingName(name);

    /// <summary>
    /// Drops " - EXETER", " (PLYMOUTH BRANCH)" and "/ACCOUNT 2" from the end of a name: a dash, slash or bracket
    /// followed by at most three words, none of them a legal form (so "SMITH - JONES LTD" keeps its second name).
    /// </summary>
    private static string StripBranch(string name)
    {
        var text = name.Trim();
        if (text.EndsWith(')') && text.LastIndexOf('(') is > 0 and var open)
        {
            var inside = text[(open + 1)..^1];
            if (IsBranch(inside))
            {
                text = text[..open].TrimEnd();
            }
        }

        // After a dash or slash only when what comes before ends in a legal form ("TESCO STORES LTD - EXETER") or the
        // tail says it is a branch: "SMITH - JONES" may well be a partnership, and must not become "SMITH".
        foreach (var separator in new[] { " - ", " / " })
        {
            var at = text.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && IsBranch(text[(at + separator.Length)..]) && (EndsInLegalForm(text[..at]) || SaysBranch(text[(at + separator.Length)..])))
            {
                text = text[..at].TrimEnd();
            }
        }

        return text;
    }

    private static bool EndsInLegalForm(string text) =>
        text.TrimEnd(' ', '.').Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } words
        && words[^1].ToUpperInvariant() is "LTD" or "LIMITED" or "PLC" or "LLP" or "CIC";

    private static bool SaysBranch(string tail) =>
        tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => BranchWords.Contains(w.ToUpperInvariant().Trim('.', ','), StringComparer.Ordinal));

    private static bool IsBranch(string tail)
    {
        var words = tail.Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToUpperInvariant()).ToList();
        if (words.Count is 0 or > 3)
        {
            return false;
        }

        string[] legal = ["LTD", "LIMITED", "PLC", "LLP", "CIC", "AND", "&", "T/A", "TRADING"];
        return !words.Any(w => legal.Contains(w, StringComparer.Ordinal)) && words.All(w => w.All(c => char.IsLetterOrDigit(c) || c is '\'' or '-'));
    }

    /// <summary>
    /// How alike two keys are, from 0 to 1: Jaro-Winkler (prefix scale 0.1, up to four characters) of the distinct
    /// tokens of each, sorted and joined. 1 only for keys with the same set of words.
    /// </summary>
    public static double Similarity(string a, string b)
    {
        var left = TokenSet(a);
        var right = TokenSet(b);
        if (left.Length == 0 || right.Length == 0)
        {
            return 0;
        }

        return JaroWinkler(left, right);
    }

    private static string TokenSet(string key) =>
        string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static double JaroWinkler(string s, string t)
    {
        if (string.Equals(s, t, StringComparison.Ordinal))
        {
            return 1;
        }

        var range = Math.Max(0, (Math.Max(s.Length, t.Length) / 2) - 1);
        var sMatched = new bool[s.Length];
        var tMatched = new bool[t.Length];
        var matches = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var from = Math.Max(0, i - range);
            var to = Math.Min(t.Length - 1, i + range);
            for (var j = from; j <= to; j++)
            {
                if (!tMatched[j] && s[i] == t[j])
                {
                    sMatched[i] = tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!sMatched[i])
            {
                continue;
            }

            while (!tMatched[k])
            {
                k++;
            }

            if (s[i] != t[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / s.Length) + (m / t.Length) + ((m - (transpositions / 2.0)) / m)) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(s.Length, t.Length)) && s[prefix] == t[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
