using Placeshaper.Access;
using Placeshaper.Organisations;

namespace Placeshaper.Shared;

/// <summary>
/// The service navigation: an organisation's pages in the order of the commissioning cycle, listing only
/// what exists in this version and what the viewer's roles there may open. Each area adds its pages here.
/// </summary>
public static class Navigation
{
    public enum Stage
    {
        Overview,
        AssessNeeds,
        SetOutcomes,
        Design,
        Source,
        ManageDelivery,
        ReviewAndLearn,
        Administration,
    }

    public sealed record Item(Stage Stage, string Title, string Path, IReadOnlyList<Role> Roles);

    /// <summary>Paths are relative to <c>/o/{org}</c>; no roles means every member.</summary>
    public static readonly IReadOnlyList<Item> Items =
    [
        new(Stage.Overview, "Overview", "", []),
        new(Stage.Overview, "Programmes", "/programmes", Roles.Officers),
        new(Stage.AssessNeeds, "Needs", "/needs", []),
        new(Stage.AssessNeeds, "Areas", "/areas", []),
        new(Stage.AssessNeeds, "What people tell us", "/intelligence", []),
        new(Stage.SetOutcomes, "Outcomes", "/outcomes", []),
        new(Stage.Design, "Delivery models", "/delivery-models", []),
        new(Stage.Design, "Calculators", "/calculators", []),
        new(Stage.Source, "Tenders", "/tenders", [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor]),
        new(Stage.Source, "Providers", "/providers", Providers.ProviderAccess.Readers),
        new(Stage.Source, "Social value measures", "/social-value", [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor]),
        new(Stage.Source, "Supplier portal", "/portal", [Role.Provider]),
        new(Stage.ManageDelivery, "Contracts", "/contracts", Contracts.ContractAccess.Readers),
        new(Stage.ManageDelivery, "Your reviews", "/portal/reviews", [Role.Provider]),
        new(Stage.ReviewAndLearn, "Scrutiny questions", "/scrutiny", Scrutiny.ScrutinyAccess.Readers),
        new(Stage.ReviewAndLearn, "Residents' reviews", "/reviews", [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor]),
        new(Stage.ManageDelivery, "Spend", "/spend", Spend.SpendAccess.Readers),
        new(Stage.Administration, "People", "/people", [Role.Administrator]),
        new(Stage.Administration, "Audit trail", "/audit", [Role.Administrator]),
        new(Stage.Administration, "Working days", "/working-days", [Role.Administrator]),
        new(Stage.ReviewAndLearn, "Benchmarks", "/benchmarks", Benchmarks.BenchmarkAccess.Readers),
        new(Stage.ReviewAndLearn, "Wards", "/wards", Scrutiny.ScrutinyAccess.Readers),
        new(Stage.ReviewAndLearn, "Social value delivered", "/social-value/delivery", Contracts.ContractAccess.Readers),
    ];

    public sealed record Link(string Title, string Href, bool IsCurrent);

    public static IReadOnlyList<Link> For(ViewerOrganisation organisation, string currentPath)
    {
        var root = "/o/" + organisation.Slug;
        return Items
            .Where(i => i.Roles.Count == 0 || organisation.HasAny(i.Roles))
            .OrderBy(i => i.Stage)
            .Select(i =>
            {
                var href = root + i.Path;
                var current = i.Path.Length == 0
                    ? string.Equals(currentPath.TrimEnd('/'), root, StringComparison.OrdinalIgnoreCase)
                    : currentPath.StartsWith(href, StringComparison.OrdinalIgnoreCase);
                return new Link(i.Title, href, current);
            })
            .ToList();
    }
}
