using System.Globalization;

namespace Placeshaper.Providers;

/// <summary>The provider form as posted: text as typed, read into <see cref="ProviderDetails"/> by <see cref="Read"/>.</summary>
public sealed class ProviderForm
{
    public string? Name { get; set; }

    public string? LegalForm { get; set; }

    public string? CompanyNumber { get; set; }

    public string? CharityNumber { get; set; }

    public string? VatNumber { get; set; }

    public string? RegisteredPostcode { get; set; }

    public string? TradingPostcode { get; set; }

    public string? Staff { get; set; }

    public string? Turnover { get; set; }

    public string? BalanceSheetTotal { get; set; }

    /// <summary>"yes", "no", or empty for "suggest from the legal form".</summary>
    public string? Vcse { get; set; }

    public bool IsConsortium { get; set; }

    public string? SicCodes { get; set; }

    public static ProviderForm From(Provider provider) => new()
    {
        Name = provider.Name,
        LegalForm = provider.LegalForm?.ToString(),
        CompanyNumber = provider.CompanyNumber,
        CharityNumber = provider.CharityNumber,
        VatNumber = provider.VatNumber,
        RegisteredPostcode = provider.RegisteredPostcode,
        TradingPostcode = provider.TradingPostcode,
        Staff = provider.Staff?.ToString("N0", CultureInfo.GetCultureInfo("en-GB")),
        Turnover = Pounds(provider.Turnover),
        BalanceSheetTotal = Pounds(provider.BalanceSheetTotal),
        Vcse = provider.IsVcse ? "yes" : "no",
        IsConsortium = provider.IsConsortium,
        SicCodes = string.Join(", ", provider.SicCodes),
    };

    private static string? Pounds(decimal? amount) =>
        amount?.ToString(decimal.Round(amount.Value) == amount.Value ? "N0" : "N2", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The details the form gives; text that is not a number adds its error through <paramref name="error"/>.</summary>
    public ProviderDetails Read(Action<string, string> error)
    {
        int? staff = null;
        if (!string.IsNullOrWhiteSpace(Staff))
        {
            if (int.TryParse(Staff.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                staff = count;
            }
            else
            {
                error("staff", "Enter the number of staff as a whole number, like 45");
            }
        }

        decimal? Amount(string field, string? text, string what)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Common.Money.TryParse(text, out var pounds))
            {
                return pounds;
            }

            error(field, $"Enter the {what} in pounds, like 1,250,000");
            return null;
        }

        var turnover = Amount("turnover", Turnover, "turnover");
        var balanceSheet = Amount("balanceSheetTotal", BalanceSheetTotal, "balance sheet total");
        Providers.LegalForm? form = Enum.TryParse<Providers.LegalForm>(LegalForm, out var parsed) && !int.TryParse(LegalForm, out _) ? parsed : null;
        bool? vcse = Vcse switch { "yes" => true, "no" => false, _ => null };
        var sic = (SicCodes ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        return new ProviderDetails(Name, form, CompanyNumber, CharityNumber, VatNumber, RegisteredPostcode, TradingPostcode, staff, turnover, balanceSheet, vcse, IsConsortium, sic);
    }
}
