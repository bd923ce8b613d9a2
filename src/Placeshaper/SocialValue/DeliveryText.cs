using System.Globalization;
using Placeshaper.Common;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.SocialValue;

/// <summary>What the social value section of a contract page shows, and whether for the provider (portal) or for officers.</summary>
public sealed record DeliveryPanel(Contracts.Contract Contract, bool Portal);

/// <summary>How social value delivery is shown: statuses, quantities and pounds rounded to the penny only here.</summary>
public static class DeliveryText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Status(DeliveryReportStatus status) => status switch
    {
        DeliveryReportStatus.Submitted => "Waiting for verification",
        DeliveryReportStatus.Verified => "Verified",
        DeliveryReportStatus.Returned => "Returned",
        _ => "Superseded by a correction",
    };

    public static string StatusTag(DeliveryReportStatus status) => status switch
    {
        DeliveryReportStatus.Submitted => "govuk-tag--blue",
        DeliveryReportStatus.Verified => "govuk-tag--green",
        DeliveryReportStatus.Returned => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    public static string StateTag(string state) => state switch
    {
        "delivered" => "govuk-tag--green",
        "overdue" => "govuk-tag--red",
        "in progress" => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.##", EnGb);

    /// <summary>Pounds to the penny, half away from zero; a dash when the obligation has no proxy value.</summary>
    public static string Pounds(decimal? pounds) => pounds is { } p ? Calculators.Rounding.Pounds(Money.ToPence(p)) : "—";

    public static string Period(DeliveryReport report) => $"{report.PeriodStart.ToString("d MMM yyyy", EnGb)} to {report.PeriodEnd.ToString("d MMM yyyy", EnGb)}";

    public static string Obligation(SocialValueObligation o) => (o.MeasureCode is null ? "" : o.MeasureCode + ": ") + o.Measure;
}
