namespace Placeshaper.Tenders;

/// <summary>What each kind of tender document is called on screen.</summary>
public static class DocumentKinds
{
    public static string Describe(TenderDocumentKind kind) => kind switch
    {
        TenderDocumentKind.InvitationToTender => "Invitation to tender",
        TenderDocumentKind.Specification => "Specification",
        TenderDocumentKind.PricingSchedule => "Pricing schedule",
        TenderDocumentKind.ContractTerms => "Contract terms",
        TenderDocumentKind.EvaluationCriteria => "Evaluation criteria",
        _ => "Other",
    };
}
