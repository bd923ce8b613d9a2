using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Specifications;

namespace Placeshaper.Demo;

/// <summary>
/// The agreed outcome-based specification for Anytown's home care: reablement first, four KPIs, five years and two
/// optional years, two neighbourhood lots, a fifth of the price paid on outcomes, with service credits; the home care
/// tender buys against it.
/// </summary>
internal static class DemoSpecifications
{
    public const string Title = "Home care that helps people live at home";

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.OrganisationId == anytown.Id && p.Name == DemoAppraisals.ProgrammeName, cancellationToken);
        if (programme is null || await db.Specifications.IgnoreQueryFilters().AnyAsync(s => s.ProgrammeId == programme.Id && s.Title == Title, cancellationToken))
        {
            return;
        }

        var outcomes = await db.Outcomes.IgnoreQueryFilters().Where(o => o.OrganisationId == anytown.Id && o.RetiredAt == null).ToListAsync(cancellationToken);
        var independent = outcomes.SingleOrDefault(o => o.Statement == "Older people live independently at home for longer");
        var lonely = outcomes.SingleOrDefault(o => o.Statement == "Fewer residents feel lonely");
        if (independent is null)
        {
            return;
        }

        var measures = await db.OutcomeMeasures.IgnoreQueryFilters().Where(m => m.OrganisationId == anytown.Id && m.RetiredAt == null)
            .ToDictionaryAsync(m => m.Id, m => m.OutcomeId, cancellationToken);
        var reablement = await db.OutcomeMeasures.IgnoreQueryFilters()
            .Where(m => m.OutcomeId == independent.Id && m.Name == "Older people still at home 91 days after leaving hospital into reablement").Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var linked = lonely is null ? new[] { independent.Id } : [independent.Id, lonely.Id];
        var agreedOn = now.AddDays(-30);
        var specification = Specification.Start(programme, Title,
            "People who need care at home get help to do things for themselves again after an illness or a hospital stay, from carers they know who arrive when expected, so that they can keep living in their own homes and stay connected to their neighbourhood.",
            linked, linked.ToHashSet(), agreedOn).Value!;
        specification.SetKpis(
        [
            new("People who regain independence after reablement: still at home 91 days after leaving hospital into reablement", "%", Polarity.HigherIsBetter, 85m, 78.5m,
                KpiFrequency.Quarterly, "Provider's care records, checked against the council's adult social care system", reablement),
            new("Planned visits missed (not made, or more than 30 minutes late without warning)", "% of visits", Polarity.LowerIsBetter, 0.5m, 2m,
                KpiFrequency.Monthly, "Provider's electronic call monitoring"),
            new("Carer turnover in the last 12 months", "%", Polarity.LowerIsBetter, 20m, 30m, KpiFrequency.Quarterly, "Provider's workforce records (Skills for Care ASC-WDS return)"),
            new("People readmitted to hospital within 30 days of discharge into home care", "%", Polarity.LowerIsBetter, 12m, 16m,
                KpiFrequency.Quarterly, "Anytown Integrated Care Board's hospital episode statistics"),
        ], measures, agreedOn);
        specification.SetTerm(60, [12, 12]);
        specification.SetLots([new("North neighbourhoods: Northgate, Millbrook and Hillside", 50m), new("South neighbourhoods: Riverside, Eastfield and Westmoor", 50m)], null, agreedOn);
        specification.ChoosePayment(PaymentMechanism.PaymentByResults, 20m, serviceCredits: true);
        specification.Agree(null, agreedOn);
        db.Specifications.Add(specification);
        await db.SaveChangesAsync(cancellationToken);

        var tender = await db.Tenders.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.OrganisationId == anytown.Id && t.Reference == DemoTenders.Reference, cancellationToken);
        if (tender is not null && tender.SpecificationId is null)
        {
            tender.UseSpecification(specification);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
