using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Tenders;

namespace Placeshaper.SocialValue;

/// <summary>The organisation's social value measures with their proxy values, and the PPN 002 rows shipped as reference data.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public bool CanImport => context.Current.HasAny(TendersApi.Buyers);

    public IReadOnlyList<SocialValueMeasure> Measures { get; private set; } = [];

    public static IReadOnlyList<SocialValueReference.Row> Reference => SocialValueReference.Rows;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Measures = await SocialValueQueries.ListAsync(db, context.Id, cancellationToken);

    /// <summary>
    /// The organisation's measures in the import layout, so a download imports back unchanged; or, with
    /// <c>table=reference</c>, the PPN 002 reference rows with their sources.
    /// </summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, string? table, CancellationToken cancellationToken)
    {
        if (table == "reference")
        {
            return new Exports.Table(
                    "ppn-002-reference",
                    ["code", "level", "mission", "description", "source", "published", "licence"],
                    Reference.Select(r => (IReadOnlyList<object?>)[r.Code, r.Level, r.Mission, r.Description, r.Source, r.Published, r.Licence]).ToList())
                .ToFile(format);
        }

        var measures = await SocialValueQueries.ListAsync(db, context.Id, cancellationToken);
        return new Exports.Table(
                "social-value-measures",
                ImportSocialValueMeasures.Columns,
                measures.Select(m => (IReadOnlyList<object?>)[m.Code, m.Theme, m.Outcome, m.Description, m.Unit, m.ProxyValue, m.Source, m.Licence, m.Retired ? "yes" : "no"]).ToList())
            .ToFile(format);
    }
}
