using Placeshaper.Organisations;

namespace Placeshaper.Scrutiny;

/// <summary>Councillors ask; officers answer; everyone in the organisation except providers and evaluators reads the record.</summary>
public static class ScrutinyAccess
{
    public static readonly Role[] Readers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor];

    public static readonly Role[] Askers = [Role.Councillor];

    public static readonly Role[] Answerers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer];
}
