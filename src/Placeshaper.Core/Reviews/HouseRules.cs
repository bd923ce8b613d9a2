using System.Text.RegularExpressions;

namespace Placeshaper.Reviews;

/// <summary>
/// The house rules for reviews, and the checks that hold a review for a moderator when it may break them. The checks
/// are deliberately eager: holding a fair review for a day costs little, publishing someone's phone number costs a lot.
/// </summary>
public static partial class HouseRules
{
    /// <summary>The rules as published on every review page and form.</summary>
    public static readonly IReadOnlyList<string> Rules =
    [
        "Write about your own experience of the service, in the last 12 months.",
        "Do not include personal details: no names of staff or other people, addresses, phone numbers, email addresses or postcodes.",
        "No links or advertising.",
        "No abuse, threats, or discriminatory language.",
        "Do not review your own organisation or a competitor's.",
        "One review per person per service every six months.",
    ];

    /// <summary>Words that hold a review for a moderator to read; a moderator, not this list, decides.</summary>
    private static readonly string[] Abusive = ["idiot", "idiots", "scum", "bastard", "bastards", "shit", "fuck", "fucking", "moron", "morons", "retard", "retarded"];

    /// <summary>Why the text should be read by a moderator first; empty when nothing was found.</summary>
    public static IReadOnlyList<string> Concerns(params string?[] texts)
    {
        var text = string.Join("\n", texts.Where(t => !string.IsNullOrEmpty(t)));
        var concerns = new List<string>();
        if (Link().IsMatch(text))
        {
            concerns.Add("a link");
        }

        if (EmailAddress().IsMatch(text))
        {
            concerns.Add("personal data: an email address");
        }

        if (PhoneNumber().IsMatch(text))
        {
            concerns.Add("personal data: a phone number");
        }

        if (Postcode().IsMatch(text))
        {
            concerns.Add("personal data: a postcode");
        }

        if (Words().Matches(text).Any(m => Abusive.Contains(m.Value.ToLowerInvariant())))
        {
            concerns.Add("possible abuse");
        }

        return concerns;
    }

    [GeneratedRegex(@"https?://|www\.|\b[a-z0-9-]+\.(com|co\.uk|org\.uk|org|net|uk|io|info)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // UK numbers: 0 or +44 then 9 or 10 more digits, with spaces or hyphens between.
    [GeneratedRegex(@"(\+44[\s-]?|\b0)(\d[\s-]?){9,10}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    // A full UK postcode, as the ONS Postcode Directory writes them (outward code, space optional, inward code).
    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
