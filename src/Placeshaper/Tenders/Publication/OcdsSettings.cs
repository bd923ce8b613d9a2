using System.Text.RegularExpressions;

namespace Placeshaper.Tenders.Publication;

/// <summary>
/// How this installation publishes Open Contracting data: <c>Placeshaper:Ocds:Prefix</c>, the ocid prefix that the
/// council registers with the OCDS data support team (default <c>ocds-placeshaper</c>, which is not registered and
/// says so); <c>Placeshaper:Ocds:PublicationPolicy</c>, a link to the council's publication policy (left out until
/// set); and <c>Placeshaper:Ocds:License</c> (default the Open Government Licence v3.0).
/// </summary>
public sealed partial record OcdsSettings(string Prefix, Uri? PublicationPolicy, Uri? License)
{
    public const string Section = "Placeshaper:Ocds";

    /// <summary>Not registered with the Open Contracting Partnership: only for trying Placeshaper out.</summary>
    public const string UnregisteredPrefix = "ocds-placeshaper";

    /// <summary>Reads the settings; a prefix or link that cannot be right stops the program with a message naming the setting.</summary>
    public static OcdsSettings From(IConfiguration configuration)
    {
        var prefix = configuration[$"{Section}:Prefix"] is { Length: > 0 } p ? p.Trim() : UnregisteredPrefix;
        if (!PrefixPattern().IsMatch(prefix))
        {
            throw new InvalidOperationException($"{Section}:Prefix must start 'ocds-' followed by letters and digits, like ocds-213czf, not '{prefix}'.");
        }

        return new OcdsSettings(prefix, Link(configuration, "PublicationPolicy", null), Link(configuration, "License", OcdsPackage.OpenGovernmentLicence));
    }

    private static Uri? Link(IConfiguration configuration, string name, Uri? fallback) => configuration[$"{Section}:{name}"] switch
    {
        null or "" => fallback,
        var text when Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" => uri,
        var text => throw new InvalidOperationException($"{Section}:{name} must be an absolute http or https link, not '{text}'."),
    };

    [GeneratedRegex("^ocds-[a-z0-9]+$")]
    private static partial Regex PrefixPattern();
}
