namespace Placeshaper.Evaluation;

/// <summary>What a financial standing outcome is called on screen.</summary>
public static class StandingTags
{
    public static string Label(FinancialStanding.Outcome outcome) => outcome switch
    {
        FinancialStanding.Outcome.Meets => "Meets",
        FinancialStanding.Outcome.MeetsAsConsortium => "Meets as a consortium",
        FinancialStanding.Outcome.MeetsWithGuarantee => "Meets with a guarantee",
        FinancialStanding.Outcome.AcceptedWithReason => "Accepted with a reason",
        FinancialStanding.Outcome.DoesNotMeet => "Does not meet: left out",
        _ => "Not known: ask for accounts",
    };

    public static string Colour(SupplierCheck? check) => check switch
    {
        null => "govuk-tag--grey",
        { Passes: true } => "govuk-tag--green",
        { Excludes: true } => "govuk-tag--red",
        _ => "govuk-tag--yellow",
    };
}
