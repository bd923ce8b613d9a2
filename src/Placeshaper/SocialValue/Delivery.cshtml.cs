using Microsoft.AspNetCore.Mvc;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.SocialValue;

/// <summary>Every social value obligation of the organisation's contracts, with committed, delivered and waiting, and its status.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class DeliveryModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public IReadOnlyList<SocialValueDeliveryQueries.Listed> Obligations { get; private set; } = [];

    public DeliveryLedger.Totals Totals => DeliveryLedger.Totals.Of(Obligations.Select(o => o.Line));

    public DateOnly Today => db.Clock.GetUtcNow().UtcDateTime.UkDate();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Obligations = await SocialValueDeliveryQueries.AcrossAsync(db, context.Id, null, cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return Table("social-value-delivery", Obligations, Today).ToFile(format);
    }

    /// <summary>The obligations as a table: quantities and pounds (to the penny, half away from zero) committed, delivered and waiting.</summary>
    public static Exports.Table Table(string name, IEnumerable<SocialValueDeliveryQueries.Listed> obligations, DateOnly today) => new(
        name,
        ["contract", "supplier", "theme", "measure_code", "obligation", "unit", "committed", "delivered", "waiting", "proxy_value_gbp", "committed_gbp", "delivered_gbp", "waiting_gbp", "due_by", "status"],
        obligations.Select(l => (IReadOnlyList<object?>)
        [
            l.Reference, l.Supplier, l.Line.Obligation.Theme, l.Line.Obligation.MeasureCode, l.Line.Obligation.Measure, l.Line.Obligation.Unit, l.Line.Committed, l.Line.Delivered, l.Line.Pending,
            l.Line.Obligation.ProxyValue, Pence(l.Line.CommittedValue), Pence(l.Line.DeliveredValue), Pence(l.Line.PendingValue), l.Line.Obligation.DueBy, l.Line.State(today),
        ]).ToList());

    private static decimal? Pence(decimal? pounds) => pounds is { } p ? Money.ToPence(p) : null;
}
