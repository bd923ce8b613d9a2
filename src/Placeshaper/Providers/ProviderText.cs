using System.Globalization;

namespace Placeshaper.Providers;

/// <summary>How the provider pages write what the register holds and works out.</summary>
public static class ProviderText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => "Not known",
    };

    public static string Band(SizeBand band) => band == SizeBand.Unknown ? "Not known" : band.ToString();

    public static string Pounds(decimal? amount) => amount switch
    {
        null => "Not known",
        { } value when decimal.Round(value) == value => "£" + value.ToString("N0", EnGb),
        { } value => Common.Money.Format(value),
    };

    public static string Count(int? count) => count?.ToString("N0", EnGb) ?? "Not known";

    public static string Form(LegalForm? form) => form?.Describe() ?? "Not recorded";
}
