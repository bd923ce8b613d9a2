namespace Placeshaper.SocialValue.Delivery;

/// <summary>
/// Committed against delivered: for each obligation, the quantity promised and the quantity delivered, where only
/// verified reports count as delivered and reports waiting for verification are shown apart as pending. Values are the
/// quantities at the obligation's proxy value, exact (decimal, no rounding); they are rounded to the penny, half away
/// from zero, only when shown. An obligation without a proxy value has quantities but no value, and adds nothing to
/// the totals in pounds.
/// </summary>
public static class DeliveryLedger
{
    public sealed record Line(SocialValueObligation Obligation, decimal Delivered, decimal Pending)
    {
        public decimal Committed => Obligation.CommittedQuantity;

        public decimal? CommittedValue => Obligation.CommittedValue;

        public decimal? DeliveredValue => Obligation.ProxyValue is { } perUnit ? Delivered * perUnit : null;

        public decimal? PendingValue => Obligation.ProxyValue is { } perUnit ? Pending * perUnit : null;

        /// <summary>Delivered as a share of committed, 0 to 1 or more, to 4 decimal places.</summary>
        public decimal Share => Committed == 0 ? 0 : decimal.Round(Delivered / Committed, 4, MidpointRounding.AwayFromZero);

        /// <summary>"delivered", "on track" (something delivered), "not started" or "overdue" (due and not all delivered).</summary>
        public string State(DateOnly today) =>
            Delivered >= Committed ? "delivered"
            : Obligation.DueBy is { } due && due < today ? "overdue"
            : Delivered > 0 ? "in progress"
            : "not started";
    }

    public sealed record Totals(decimal CommittedValue, decimal DeliveredValue, decimal PendingValue)
    {
        public static Totals Of(IEnumerable<Line> lines)
        {
            var all = lines.ToList();
            return new Totals(all.Sum(l => l.CommittedValue ?? 0), all.Sum(l => l.DeliveredValue ?? 0), all.Sum(l => l.PendingValue ?? 0));
        }
    }

    /// <summary>
    /// Each obligation with what was delivered against it; with <paramref name="from"/> and <paramref name="to"/>, only
    /// reports whose period ends between them (inclusive) count.
    /// </summary>
    public static IReadOnlyList<Line> For(IEnumerable<SocialValueObligation> obligations, IEnumerable<DeliveryReport> reports, DateOnly? from = null, DateOnly? to = null)
    {
        var counted = reports.Where(r => (from is null || r.PeriodEnd >= from) && (to is null || r.PeriodEnd <= to)).ToLookup(r => r.ObligationId);
        return obligations.Select(o => new Line(
            o,
            counted[o.Id].Where(r => r.Status == DeliveryReportStatus.Verified).Sum(r => r.Quantity),
            counted[o.Id].Where(r => r.Status == DeliveryReportStatus.Submitted).Sum(r => r.Quantity))).ToList();
    }
}
