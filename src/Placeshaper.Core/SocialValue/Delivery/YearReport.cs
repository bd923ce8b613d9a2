using Microsoft.EntityFrameworkCore;
using Placeshaper.Calculators;
using Placeshaper.Data;

namespace Placeshaper.SocialValue.Delivery;

/// <summary>
/// The organisation's social value report for a financial year (1 April to 31 March; issue 8, item 5): committed
/// against delivered by theme and measure on the contracts that ran in the year, and the social return on investment
/// of chosen programmes with the <c>sroi</c> calculator (<see cref="SocialReturn"/>).
/// </summary>
/// <remarks>
/// Committed is each obligation's whole commitment (what the provider promised over the contract); delivered in the
/// year counts verified reports whose period ends in the year; delivered to date counts verified reports whose period
/// ends by the year's end. Pounds are quantities at the obligations' proxy values, summed exactly and rounded to the
/// penny, half away from zero, only when shown. For a programme's SROI the year's delivered social value, theme by
/// theme, is the value of the outcomes; the investment is what the programme's contracts cost in the year (their annual
/// values) unless the user gives it; the other inputs are the user's assumptions, the same for every theme.
/// </remarks>
public static class YearReport
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public sealed record Measure(string Theme, string? Code, string Name, string Unit, decimal Committed, decimal DeliveredInYear, decimal DeliveredToDate, decimal PendingInYear,
        decimal CommittedValue, decimal DeliveredValueInYear, decimal DeliveredValueToDate, decimal PendingValueInYear, int Obligations);

    public sealed record Theme(string Name, IReadOnlyList<Measure> Measures)
    {
        public decimal CommittedValue => Measures.Sum(m => m.CommittedValue);

        public decimal DeliveredValueInYear => Measures.Sum(m => m.DeliveredValueInYear);

        public decimal DeliveredValueToDate => Measures.Sum(m => m.DeliveredValueToDate);

        public decimal PendingValueInYear => Measures.Sum(m => m.PendingValueInYear);
    }

    /// <summary>The user's assumptions for the SROI of every chosen programme; investment null means the programme's contracts' annual values.</summary>
    public sealed record Assumptions(decimal? Investment, decimal? DiscountRate, int? Years, decimal? Deadweight, decimal? Attribution, decimal? Displacement, decimal? DropOff)
    {
        /// <summary>The Green Book's 3.5% discount rate and a one-year outcome with no adjustment, until the user says otherwise.</summary>
        public static readonly Assumptions Default = new(null, 0.035m, 1, 0m, 0m, 0m, 0m);
    }

    public sealed record ProgrammeReturn(Guid ProgrammeId, string Name, decimal Investment, IReadOnlyList<SocialReturn.Outcome> Inputs, SocialReturn.Result? Result, Errors? Errors, string? Missing);

    public sealed record Report(int Year, DateOnly From, DateOnly To, IReadOnlyList<Theme> Themes, int Contracts, IReadOnlyList<ProgrammeReturn> Programmes)
    {
        public decimal CommittedValue => Themes.Sum(t => t.CommittedValue);

        public decimal DeliveredValueInYear => Themes.Sum(t => t.DeliveredValueInYear);

        public decimal DeliveredValueToDate => Themes.Sum(t => t.DeliveredValueToDate);

        public decimal PendingValueInYear => Themes.Sum(t => t.PendingValueInYear);
    }

    /// <summary>The financial year a date falls in, named by the calendar year it starts in: 2025 is 1 April 2025 to 31 March 2026.</summary>
    public static int YearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static (DateOnly From, DateOnly To) Span(int year) => (new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));

    /// <summary>Committed against delivered by theme and measure, from the obligations of the contracts that ran in the year and their reports.</summary>
    public static IReadOnlyList<Theme> Themes(int year, IReadOnlyCollection<SocialValueObligation> obligations, IReadOnlyCollection<DeliveryReport> reports)
    {
        var (from, to) = Span(year);
        var inYear = DeliveryLedger.For(obligations, reports, from, to).ToDictionary(l => l.Obligation.Id);
        var toDate = DeliveryLedger.For(obligations, reports, null, to).ToDictionary(l => l.Obligation.Id);
        return obligations
            .GroupBy(o => o.Theme, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(theme => new Theme(theme.First().Theme, theme
                .GroupBy(o => (Key: o.MeasureCode ?? o.Measure.ToUpperInvariant(), Unit: o.Unit.ToUpperInvariant()))
                .Select(g =>
                {
                    var first = g.OrderBy(o => o.CreatedAt).First();
                    return new Measure(
                        first.Theme, first.MeasureCode, first.Measure, first.Unit,
                        g.Sum(o => o.CommittedQuantity), g.Sum(o => inYear[o.Id].Delivered), g.Sum(o => toDate[o.Id].Delivered), g.Sum(o => inYear[o.Id].Pending),
                        g.Sum(o => o.CommittedValue ?? 0), g.Sum(o => inYear[o.Id].DeliveredValue ?? 0), g.Sum(o => toDate[o.Id].DeliveredValue ?? 0), g.Sum(o => inYear[o.Id].PendingValue ?? 0),
                        g.Count());
                })
                .OrderBy(m => m.Code ?? "~", StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
                .ToList()))
            .ToList();
    }

    /// <summary>
    /// A programme's SROI for the year: one outcome per theme, worth the social value delivered on the programme's
    /// contracts in the year, with the user's assumptions. Missing says why it cannot be worked out.
    /// </summary>
    public static ProgrammeReturn Return(Guid programmeId, string name, IReadOnlyList<Theme> themes, decimal contractsAnnualValue, Assumptions assumptions)
    {
        var investment = assumptions.Investment ?? contractsAnnualValue;
        var inputs = themes.Where(t => t.DeliveredValueInYear > 0)
            .Select(t => new SocialReturn.Outcome(t.Name, t.DeliveredValueInYear, assumptions.Years, assumptions.Deadweight, assumptions.Attribution, assumptions.Displacement, assumptions.DropOff, t.Name))
            .ToList();
        if (inputs.Count == 0)
        {
            return new ProgrammeReturn(programmeId, name, investment, inputs, null, null, "No social value valued at a proxy value was delivered on its contracts in the year");
        }

        if (investment <= 0)
        {
            return new ProgrammeReturn(programmeId, name, investment, inputs, null, null, "Its contracts have no annual value: give the investment");
        }

        var worked = SocialReturn.Calculate(new SocialReturn.Input(investment, assumptions.DiscountRate, inputs));
        return worked.Succeeded
            ? new ProgrammeReturn(programmeId, name, investment, inputs, worked.Value, null, null)
            : new ProgrammeReturn(programmeId, name, investment, inputs, null, worked.Errors, null);
    }

    /// <summary>The report of the organisation's year, with the SROI of each of <paramref name="programmeIds"/> that has contracts.</summary>
    public static async Task<Report> ForAsync(PlaceshaperDb db, Guid organisationId, int year, IReadOnlyCollection<Guid> programmeIds, Assumptions assumptions, CancellationToken cancellationToken)
    {
        var (from, to) = Span(year);
        var candidates = await db.Contracts.AsNoTracking().Include(c => c.Extensions)
            .Where(c => c.OrganisationId == organisationId && (c.StartDate == null || c.StartDate <= to)).ToListAsync(cancellationToken);
        var contracts = candidates.Where(c => c.CurrentExpiry is not { } expiry || expiry >= from).ToList();
        var ids = contracts.Select(c => c.Id).ToList();
        var obligations = await db.Set<SocialValueObligation>().AsNoTracking().Where(o => ids.Contains(o.ContractId)).ToListAsync(cancellationToken);
        var reports = await db.Set<DeliveryReport>().AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken);
        var names = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var programmes = names.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p =>
        {
            var theirs = contracts.Where(c => c.ProgrammeId == p.Id).Select(c => c.Id).ToHashSet();
            return Return(p.Id, p.Name, Themes(year, obligations.Where(o => theirs.Contains(o.ContractId)).ToList(), reports),
                contracts.Where(c => theirs.Contains(c.Id)).Sum(c => c.AnnualValue ?? 0), assumptions);
        }).ToList();
        var withObligations = obligations.Select(o => o.ContractId).Distinct().Count();
        return new Report(year, from, to, Themes(year, obligations, reports), withObligations, programmes);
    }
}
