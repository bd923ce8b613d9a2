using System.Text;
using Placeshaper.Tenders;

namespace Placeshaper.Demo;

/// <summary>
/// The home care tender's documents: a specification summary and a pricing schedule given with the tender, and the
/// TUPE staff information the published clarification promised, added later as an addendum. All fictional, as plain
/// text and CSV so that they open anywhere.
/// </summary>
internal static class DemoTenderDocuments
{
    public static IEnumerable<TenderDocument> AtPublication(Tender tender, Guid addedBy, DateTime at)
    {
        yield return TenderDocument.Add(tender, 0, "Specification summary", TenderDocumentKind.Specification, "home-care-specification-summary.txt", Encoding.UTF8.GetBytes("""
            Home care in Anytown's neighbourhoods: specification summary (demo)

            Outcomes sought: people regain independence after illness or a hospital stay; fewer emergency admissions;
            visits on time, by carers people know.
            Lots: North (Northgate, Millbrook, Hillside) and South (Riverside, Eastfield, Westmoor).
            Payment: an hourly rate, with 20% of the contract value paid on reablement outcomes.
            """), null, addedBy, at).Value!;
        yield return TenderDocument.Add(tender, 1, "Pricing schedule", TenderDocumentKind.PricingSchedule, "home-care-pricing-schedule.csv", Encoding.UTF8.GetBytes("""
            lot,year,hours_estimated,hourly_rate_gbp_incl_vat
            North,1,410000,
            North,2,418000,
            South,1,395000,
            South,2,402000
            """), null, addedBy, at.AddMinutes(1)).Value!;
    }

    public static TenderDocument TupeAddendum(Tender tender, Guid addedBy, DateTime at) =>
        TenderDocument.Add(tender, 2, "TUPE staff information (anonymised)", TenderDocumentKind.Other, "tupe-staff-information.csv", Encoding.UTF8.GetBytes("""
            role,count,average_weekly_hours,hourly_pay_gbp,pension
            Care worker,188,27.5,12.60,workplace pension
            Senior care worker,18,35.0,13.40,workplace pension
            Coordinator,8,37.5,14.10,workplace pension
            """), "Promised in the answer on TUPE: anonymised staff information from the two current providers.", addedBy, at).Value!;
}
