namespace Placeshaper.Organisations;

/// <summary>What a person does at an organisation; a person may hold several roles at several organisations.</summary>
public enum Role
{
    Administrator,
    Commissioner,
    ProcurementOfficer,
    FinanceOfficer,
    Evaluator,

    /// <summary>Elected member: reads everything of the organisation and scrutinises, changes nothing.</summary>
    Councillor,

    /// <summary>A supplier's user, acting for one provider through the portal.</summary>
    Provider,
}

public static class Roles
{
    public static string Describe(this Role role) => role switch
    {
        Role.ProcurementOfficer => "Procurement officer",
        Role.FinanceOfficer => "Finance officer",
        _ => role.ToString(),
    };

    /// <summary>Roles that work for the organisation itself, as opposed to a supplier's user.</summary>
    public static bool IsOfficerOrMember(this Role role) => role != Role.Provider;

    /// <summary>
    /// Everyone who works for the organisation, councillors included: every role but Provider. Suppliers' users must
    /// never read the buyer's side (appraisals, tenders, evaluations), whatever else they can see.
    /// </summary>
    public static readonly Role[] Officers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor];
}
