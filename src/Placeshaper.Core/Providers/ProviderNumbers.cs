using System.Text.RegularExpressions;

namespace Placeshaper.Providers;

/// <summary>
/// The registration numbers and postcodes a provider is known by, checked and written one way, so that the same
/// number typed two ways ("2050843", "02050843") is recognised as the same. Each method gives the normal form, or
/// null with the reason it cannot be one.
/// </summary>
public static partial class ProviderNumbers
{
    /// <summary>
    /// A Companies House number: 8 characters, either 8 digits (England and Wales) or a two-letter prefix and 6 digits
    /// (SC Scotland, NI Northern Ireland, OC an LLP, FC an overseas company, CE a CIO, RC a royal charter body…), or
    /// the old Northern Ireland "R" and 7 digits. Companies House drops leading zeros in some files, so numbers given
    /// shorter (<c>2050843</c>, <c>SC1234</c>) are zero-padded to their full length.
    /// </summary>
    public static (string? Value, string? Problem) CompanyNumber(string? text)
    {
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            return (null, "Enter the Companies House number");
        }

        var match = CompanyPattern().Match(compact);
        if (!match.Success)
        {
            return (null, $"'{text!.Trim()}' is not a Companies House number: 8 digits, or two letters and 6 digits, like 02050843 or SC123456");
        }

        var prefix = match.Groups["prefix"].Value;
        var digits = match.Groups["digits"].Value;
        var width = prefix.Length switch { 0 => 8, 1 => 7, _ => 6 };
        if (digits.Length > width || digits.All(d => d == '0'))
        {
            return (null, $"'{text!.Trim()}' is not a Companies House number: 8 digits, or two letters and 6 digits, like 02050843 or SC123456");
        }

        return (prefix + digits.PadLeft(width, '0'), null);
    }

    /// <summary>
    /// A charity's registered number. England and Wales (Charity Commission): 6 to 8 digits, with an optional
    /// subsidiary number after a hyphen (<c>1002459-1</c>, written "1002459/1" too). Scotland (OSCR): SC and 6 digits.
    /// Northern Ireland (Charity Commission for Northern Ireland): NIC and 6 digits.
    /// </summary>
    public static (string? Value, string? Problem) CharityNumber(string? text)
    {
        var compact = Compact(text).Replace('/', '-');
        if (compact.Length == 0)
        {
            return (null, "Enter the charity number");
        }

        var match = CharityPattern().Match(compact);
        return match.Success
            ? (compact, null)
            : (null, $"'{text!.Trim()}' is not a charity number: 6 to 8 digits for England and Wales (with any subsidiary number after a hyphen, like 1002459-1), SC and 6 digits for Scotland, or NIC and 6 digits for Northern Ireland");
    }

    /// <summary>A UK VAT registration number: GB and 9 digits, or 12 for a branch. "GB 123 4567 89" and "123456789" both become GB123456789.</summary>
    public static (string? Value, string? Problem) VatNumber(string? text)
    {
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            return (null, "Enter the VAT number");
        }

        var digits = compact.StartsWith("GB", StringComparison.Ordinal) ? compact[2..] : compact;
        return digits.Length is 9 or 12 && digits.All(char.IsAsciiDigit)
            ? ("GB" + digits, null)
            : (null, $"'{text!.Trim()}' is not a UK VAT number: GB and 9 digits (12 for a branch), like GB123456789");
    }

    /// <summary>
    /// A full UK postcode in the ONS "pcds" form: upper case with one space before the last three characters
    /// ("ls102ru" becomes "LS10 2RU"). Checked for the shape of a postcode, not for being in use.
    /// </summary>
    public static (string? Value, string? Problem) Postcode(string? text)
    {
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            return (null, "Enter the postcode");
        }

        return PostcodePattern().IsMatch(compact)
            ? (compact[..^3] + " " + compact[^3..], null)
            : (null, $"'{text!.Trim()}' is not a full UK postcode, like AT1 3CC");
    }

    /// <summary>A Standard Industrial Classification (SIC 2007) code: five digits, as Companies House lists them.</summary>
    public static (string? Value, string? Problem) SicCode(string? text)
    {
        // Companies House writes "78300 - Human resources provision…"; the code is what comes before the dash.
        var code = (text ?? "").Split('-', 2)[0].Trim();
        return code.Length == 5 && code.All(char.IsAsciiDigit)
            ? (code, null)
            : (null, $"'{text?.Trim()}' is not a SIC code: five digits, like 88100");
    }

    private static string Compact(string? text) =>
        new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    [GeneratedRegex("^(?<prefix>[A-Z]{2}|R(?=[0-9]{7}$))?(?<digits>[0-9]{1,8})$")]
    private static partial Regex CompanyPattern();

    [GeneratedRegex("^(?:[0-9]{6,8}(?:-[0-9]{1,3})?|SC[0-9]{6}|NIC[0-9]{6})$")]
    private static partial Regex CharityPattern();

    [GeneratedRegex("^(?:GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2})$")]
    private static partial Regex PostcodePattern();
}
