namespace Placeshaper.Tenders;

/// <summary>How tender terms read on screen.</summary>
public static class Describe
{
    public static string Of(ContractKind kind) => kind switch
    {
        ContractKind.LightTouchServices => "Light touch services",
        ContractKind.Works => "Works",
        _ => "Goods and services",
    };

    public static string Of(Route route) => route switch
    {
        Route.Quotes => "Quotes",
        Route.BelowThreshold => "Below-threshold competition",
        Route.OpenProcedure => "Open procedure",
        Route.CompetitiveFlexible => "Competitive flexible procedure",
        _ => route.ToString(),
    };

    public static string Of(TenderStatus status) => status switch
    {
        TenderStatus.Draft => "Draft",
        TenderStatus.Published => "Open for bids",
        TenderStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
