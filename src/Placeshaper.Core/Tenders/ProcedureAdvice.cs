namespace Placeshaper.Tenders;

/// <summary>The routes to market a council can take, from the lightest to the most formal.</summary>
public enum Route
{
    /// <summary>Below the notifiable value: quotes under the council's own contract standing orders.</summary>
    Quotes = 1,

    /// <summary>A regulated below-threshold contract (Procurement Act 2023, Part 6).</summary>
    BelowThreshold = 2,

    /// <summary>A single-stage open procedure (s.20(2)(a)).</summary>
    OpenProcedure = 3,

    /// <summary>A competitive flexible procedure the council designs (s.20(2)(b)), for example with negotiation.</summary>
    CompetitiveFlexible = 4,
}

/// <summary>
/// A proportionate route to market for an estimated value: the procedure the thresholds in force call for and what
/// to ask of bidders, so that small providers are not put off by paperwork a small contract does not need. Advice, not
/// a rule: the officer can choose a heavier route, with a reason, but never a lighter one than the law requires.
/// </summary>
public sealed record ProcedureAdvice(Route Route, bool AboveThreshold, bool Notifiable, ProcurementThresholds.Threshold? Threshold, IReadOnlyList<string> Reasons, IReadOnlyList<string> Documents)
{
    public static ProcedureAdvice For(ContractKind kind, decimal estimatedValueIncludingVat, DateOnly on, ProcurementThresholds thresholds)
    {
        var threshold = thresholds.For(kind, on);
        var notifiable = thresholds.Notifiable(on);
        var value = Common.Money.Format(estimatedValueIncludingVat);
        if (threshold is not null && estimatedValueIncludingVat >= threshold.Amount)
        {
            var lightTouch = kind == ContractKind.LightTouchServices;
            return new ProcedureAdvice(
                lightTouch ? Route.CompetitiveFlexible : Route.OpenProcedure,
                AboveThreshold: true,
                Notifiable: true,
                threshold,
                [
                    $"{value} including VAT is at or above the {Describe(kind)} threshold of {Common.Money.Format(threshold.Amount)} ({threshold.Source}).",
                    lightTouch
                        ? "Light touch services (care, health, education and similar) can use a competitive flexible procedure designed around the people served, with the Act's shorter light touch time limits."
                        : "An open procedure suits a clear specification; choose a competitive flexible procedure when you need to negotiate or shortlist, and record why.",
                    "Publish a tender notice on the Central Digital Platform, keep to the minimum time limits, and observe the standstill period before awarding.",
                ],
                [
                    "Tender notice and associated tender documents",
                    "Conditions of participation proportionate to the contract (Procurement Act 2023 s.22): no more than the contract needs",
                    "Award criteria with weightings, including social value",
                    "Pricing schedule",
                    "Draft contract with key performance indicators (at least three if over £5m, s.52)",
                ]);
        }

        if (notifiable is not null && estimatedValueIncludingVat >= notifiable.Amount)
        {
            return new ProcedureAdvice(
                Route.BelowThreshold,
                AboveThreshold: false,
                Notifiable: true,
                threshold,
                [
                    $"{value} including VAT is below the {Describe(kind)} threshold{(threshold is null ? "" : $" of {Common.Money.Format(threshold.Amount)}")} but at or above {Common.Money.Format(notifiable.Amount)}, so it is a notifiable below-threshold contract ({notifiable.Source}).",
                    "If you advertise, publish a below-threshold tender notice, and do not shortlist by a suitability assessment before tenders (s.85): any supplier may bid.",
                    "After award, publish a contract details notice.",
                ],
                [
                    "Short specification of the outcomes wanted",
                    "A few questions proportionate to the contract, each with its weight",
                    "Price",
                    "Standard terms",
                ]);
        }

        return new ProcedureAdvice(
            Route.Quotes,
            AboveThreshold: false,
            Notifiable: false,
            threshold,
            [
                $"{value} including VAT is below {(notifiable is null ? "the notifiable value" : Common.Money.Format(notifiable.Amount))}: ask for quotes as your contract standing orders set out.",
                "Invite local small firms and voluntary organisations as well as larger providers.",
            ],
            [
                "A one-page brief",
                "Quote",
                "Confirmation of insurance appropriate to the work",
            ]);
    }

    private static string Describe(ContractKind kind) => kind switch
    {
        ContractKind.LightTouchServices => "light touch services",
        ContractKind.Works => "works",
        _ => "goods and services",
    };
}
