using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Placeshaper.Providers;

/// <summary>
/// Reduces an organisation's name to the form in which two ways of writing the same name are equal:
/// "The Brightside Family Support Ltd." and "BRIGHTSIDE FAMILY SUPPORT LIMITED" both become
/// "BRIGHTSIDE FAMILY SUPPORT". Used to find duplicates in the provider register, and meant for matching suppliers
/// named in spend files. It is deliberately plain: it never guesses that two different words mean the same.
/// </summary>
public static partial class NameNormaliser
{
    /// <summary>Words that say only what legal form a body takes, removed from the end of a name (repeatedly).</summary>
    private static readonly string[][] LegalSuffixes =
    [
        ["PUBLIC", "LIMITED", "COMPANY"],
        ["COMMUNITY", "INTEREST", "COMPANY"],
        ["LIMITED"],
        ["LTD"],
        ["PLC"],
        ["LLP"],
        ["CIC"],
        ["CYFYNGEDIG"],
        ["CYF"],
        ["CCC"],
    ];

    /// <summary>
    /// The normalised name: accents dropped, upper case; the trading name after "T/A" or "trading as" left off (the
    /// register is of legal bodies); "&amp;" read as AND; apostrophes removed and other punctuation read as a space;
    /// initials joined ("A.K." and "AK" agree); THE dropped wherever it stands; LIMITED, LTD, PLC and the like dropped
    /// from the end; spaces collapsed. A name that would come to nothing (such as "!") keeps its upper-cased text.
    /// </summary>
    public static string Normalise(string? name)
    {
        var (legal, _) = Split(name);
        return Reduce(legal) is { Length: > 0 } reduced ? reduced : Collapse(Plain(legal));
    }

    /// <summary>The normalised trading name, when the name gives one after "T/A" or "trading as"; otherwise null.</summary>
    public static string? TradingName(string? name) =>
        Split(name).Trading is { } trading && Reduce(trading) is { Length: > 0 } reduced ? reduced : null;

    private static (string Legal, string? Trading) Split(string? name)
    {
        var text = Plain(name ?? "");
        var match = TradingAs().Match(text);
        return match.Success ? (text[..match.Index], text[(match.Index + match.Length)..]) : (text, null);
    }

    /// <summary>Upper case without accents: "Àban Outdoor" becomes "ABAN OUTDOOR".</summary>
    private static string Plain(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }

    private static string Reduce(string text)
    {
        var words = new StringBuilder();
        foreach (var c in text.Replace("&", " AND ", StringComparison.Ordinal))
        {
            if (c is '\'' or '\u2019' or '`')
            {
                continue;
            }

            words.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var tokens = words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        tokens = JoinInitials(tokens).Where(t => t != "THE").ToList();
        while (LegalSuffixes.FirstOrDefault(s => EndsWith(tokens, s)) is { } suffix)
        {
            tokens.RemoveRange(tokens.Count - suffix.Length, suffix.Length);
        }

        return string.Join(' ', tokens);
    }

    /// <summary>"A K WELDING" (from "A.K. Welding") becomes "AK WELDING"; lone single letters stay as they are.</summary>
    private static List<string> JoinInitials(List<string> tokens)
    {
        var joined = new List<string>();
        var run = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Length == 1 && char.IsLetter(token[0]))
            {
                run.Append(token);
                continue;
            }

            Flush();
            joined.Add(token);
        }

        Flush();
        return joined;

        void Flush()
        {
            if (run.Length > 0)
            {
                joined.Add(run.ToString());
                run.Clear();
            }
        }
    }

    private static bool EndsWith(List<string> tokens, string[] suffix) =>
        tokens.Count > suffix.Length && tokens.Skip(tokens.Count - suffix.Length).SequenceEqual(suffix, StringComparer.Ordinal);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"(?:\s|^)(?:T\s*/\s*A|TRADING\s+AS)(?:\s|$)")]
    private static partial Regex TradingAs();
}
