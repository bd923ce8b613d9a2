using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Demo;

/// <summary>
/// The home care tender that follows Anytown's options appraisal: light touch services in two neighbourhood lots,
/// scored on price, quality and social value, open for bids.
/// </summary>
internal static class DemoTenders
{
    public const string Reference = "ANYTOWN-2026-014";

    private static readonly string[] Descriptors =
    [
        "No answer, or an answer that does not address the question",
        "Poor: significant gaps and little evidence",
        "Weak: meets some of the requirement with limited evidence",
        "Adequate: meets the requirement with some evidence",
        "Good: meets the requirement fully with clear evidence",
        "Excellent: exceeds the requirement with strong evidence and added value for residents",
    ];

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Tenders.IgnoreQueryFilters().AnyAsync(t => t.OrganisationId == anytown.Id && t.Reference == Reference, cancellationToken))
        {
            return;
        }

        var programme = await db.Programmes.IgnoreQueryFilters().SingleAsync(p => p.OrganisationId == anytown.Id && p.Name == DemoAppraisals.ProgrammeName, cancellationToken);
        var tender = Tender.Draft(anytown.Id, programme.Id, Reference, "Home care in Anytown's neighbourhoods",
            "Reablement-first home care delivered by a neighbourhood care alliance, paid partly on outcomes: people regaining independence, fewer hospital admissions.",
            ContractKind.LightTouchServices, 42_250_000m, ProcurementThresholds.Official, now.AddDays(-20)).Value!;
        tender.SetAwardCriteria(30, 55, 15, null,
        [
            new(null, QuestionKind.Quality, "How will you help people regain independence after illness or a hospital stay?", 40, Descriptors),
            new(null, QuestionKind.Quality, "How will you make sure visits happen on time, by carers people know?", 35, Descriptors),
            new(null, QuestionKind.Quality, "How will you recruit, train and keep carers in a tight labour market?", 25, Descriptors),
            new(null, QuestionKind.SocialValue, "How many Anytown residents will you employ, at what pay, with what training?", 60, Descriptors),
            new(null, QuestionKind.SocialValue, "How will you work with local voluntary groups to reduce loneliness among the people you support?", 40, Descriptors),
        ], now.AddDays(-20));
        tender.SetLots([("North neighbourhoods: Northgate, Millbrook and Hillside", 21_125_000m), ("South neighbourhoods: Riverside, Eastfield and Westmoor", 21_125_000m)], null, true, true, now.AddDays(-20));
        tender.SetTimetable(now.AddDays(14), now.AddDays(24), now.AddDays(-19));
        var measures = await db.SocialValueMeasures.IgnoreQueryFilters().Where(m => m.OrganisationId == anytown.Id).ToListAsync(cancellationToken);
        var options = measures.Select(SocialValue.MeasureOption.Of).Concat(SocialValue.SocialValueReference.Rows.Select(SocialValue.MeasureOption.Of)).ToList();
        tender.OfferSocialValueMeasures(DemoSocialValue.OfferedOnHomeCare.Select(code => options.Single(o => o.Code == code)).ToList(), now.AddDays(-19));
        var procurement = await db.Users.Where(p => p.Email == "procurement@anytown.example").Select(p => p.Id).SingleAsync(cancellationToken);
        db.TenderDocuments.AddRange(DemoTenderDocuments.AtPublication(tender, procurement, now.AddDays(-19).AddHours(-1)));
        tender.Publish(now.AddDays(-19), ProcurementThresholds.Official);
        db.TenderDocuments.Add(DemoTenderDocuments.TupeAddendum(tender, procurement, now.AddDays(-12)));
        db.Tenders.Add(tender);
        await db.SaveChangesAsync(cancellationToken);
    }
}
