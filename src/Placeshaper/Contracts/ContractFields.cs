namespace Placeshaper.Contracts;

/// <summary>What <c>_ContractFields.cshtml</c> renders: the form's values, their errors and the choices.</summary>
public sealed record ContractFields(ContractForm Input, Func<string, string?> ErrorFor, ContractForm.Choices Choices, bool IsNew)
{
    /// <summary>The form field an error of <see cref="Contract.Details"/> belongs beside.</summary>
    public static string FieldId(string field) => field switch
    {
        _ when field.StartsWith("extensions", StringComparison.Ordinal) => field.EndsWith(".taken", StringComparison.Ordinal) ? "extensionsTaken" : "extensions",
        _ when field.StartsWith("breakClauses", StringComparison.Ordinal) => field.EndsWith(".noticeMonths", StringComparison.Ordinal) ? "breakNoticeMonths" : "breakOn",
        _ when field.StartsWith("parties", StringComparison.Ordinal) => "consortiumMembers",
        "supplierCompanyNumber" or "directorate" or "purchasingBody" or "outcomeIds" or "awardDecisionId" => "reference",
        _ => field,
    };
}
