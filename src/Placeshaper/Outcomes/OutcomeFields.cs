namespace Placeshaper.Outcomes;

/// <summary>What <c>_OutcomeFields.cshtml</c> renders: the fields of an outcome, new or changed.</summary>
public sealed record OutcomeFields(string? Statement, Guid? ProgrammeId, IReadOnlyList<OutcomeFields.ProgrammeOption> Programmes, Func<string, string?> ErrorFor)
{
    public sealed record ProgrammeOption(Guid Id, string Name);
}
