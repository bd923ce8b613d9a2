using Placeshaper.Contracts.Delivery;

namespace Placeshaper.Contracts;

/// <summary>How delivery is shown: statuses, ratings and money in the words on the pages.</summary>
public static class DeliveryText
{
    public static string Status(ObservationStatus status) => status switch
    {
        ObservationStatus.Submitted => "Waiting for approval",
        ObservationStatus.Approved => "Approved",
        ObservationStatus.Returned => "Returned",
        _ => "Superseded by a correction",
    };

    public static string StatusTag(ObservationStatus status) => status switch
    {
        ObservationStatus.Submitted => "govuk-tag--blue",
        ObservationStatus.Approved => "govuk-tag--green",
        ObservationStatus.Returned => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    public static string RagTag(Rag rag) => rag switch
    {
        Rag.Green => "govuk-tag--green",
        Rag.Amber => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };

    public static string Value(decimal value) => value.ToString("#,##0.####", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Pounds(decimal? value) => value is { } v ? Calculators.Rounding.Pounds(v) : "";

    /// <summary>The change in what is due since the revision before: "+£1.00", "−£2.50" or "no change".</summary>
    public static string Change(PaymentCalculation latest, PaymentCalculation? previous) =>
        previous is null ? "" : latest.Due == previous.Due ? "no change in what is due" : (latest.Due > previous.Due ? "+" : "") + Calculators.Rounding.Pounds(latest.Due - previous.Due) + $" since revision {previous.Revision}";

    /// <summary>A paid figure's difference from what was due: "£10.00 more than due", "£5.00 less than due" or "as due".</summary>
    public static string AgainstDue(decimal? difference) => difference switch
    {
        null => "",
        0m => "as due",
        > 0m => $"{Calculators.Rounding.Pounds(difference.Value)} more than due",
        _ => $"{Calculators.Rounding.Pounds(-difference.Value)} less than due",
    };

    public static string Period(ContractKpi kpi, DateOnly start) => KpiPeriods.Name(kpi.Frequency, start);
}

/// <summary>What the schedule partial shows: the periods, and where its links go (none for providers).</summary>
public sealed record ScheduleView(string Slug, IReadOnlyList<DeliveryQueries.SchedulePeriod> Periods, bool Links, bool ShowContract = false);
