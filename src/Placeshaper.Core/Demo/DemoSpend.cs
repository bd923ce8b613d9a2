using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Spend;

namespace Placeshaper.Demo;

/// <summary>
/// Anytown's spend for April to September 2026: a small file in the layout councils publish, imported through the
/// same import as everyone's files and then resolved, so that the spend, supplier and analytics pages are not empty.
/// It shows each way a supplier resolves: by company number, charity number, VAT number, exact name, a similar name
/// waiting for review, an unresolved local supplier, a public body, a redacted individual, and a likely duplicate.
/// Most of its expense types are mapped to CPV codes (spend categories).
/// </summary>
internal static class DemoSpend
{
    public const string FileName = "anytown-spend-2026-27-h1.csv";

    private const string Csv = """
        Body Name,Date,Transaction Number,Amount,Supplier Name,Supplier Company Number,VAT Reg No,Supplier Postcode,Service Area,Expense Type
        Anytown Borough Council,06/04/2026,AT-0001,"12,450.00",ANYTOWN COMMUNITY CARE CIC,99000101,,AT1 3CC,Adult Social Care,Home care
        Anytown Borough Council,07/05/2026,AT-0002,"12,450.00",ANYTOWN COMMUNITY CARE CIC,99000101,,AT1 3CC,Adult Social Care,Home care
        Anytown Borough Council,08/06/2026,AT-0003,"12,450.00",ANYTOWN COMMUNITY CARE CIC,99000101,,AT1 3CC,Adult Social Care,Home care
        Anytown Borough Council,15/04/2026,AT-0004,"8,200.00",BRIGHTSIDE FAMILY SUPPORT,99000201,,,Children's Services,Family support
        Anytown Borough Council,14/07/2026,AT-0005,"8,200.00",BRIGHTSIDE FAMILY SUPPORT,99000201,,,Children's Services,Family support
        Anytown Borough Council,30/04/2026,AT-0006,"41,300.00",NORTHGATE FACILITIES LTD,,GB999000301,,Corporate Property,Facilities management
        Anytown Borough Council,29/05/2026,AT-0007,"41,300.00",NORTHGATE FACILITIES LTD,,GB999000301,,Corporate Property,Facilities management
        Anytown Borough Council,30/06/2026,AT-0008,"41,300.00",NORTHGATE FACILITIES LTD,,GB999000301,,Corporate Property,Facilities management
        Anytown Borough Council,20/05/2026,AT-0009,"6,980.50",RIVERSIDE HOME CARERS LTD,,,,Adult Social Care,Home care
        Anytown Borough Council,19/08/2026,AT-0010,"7,120.25",RIVERSIDE HOME CARERS LTD,,,,Adult Social Care,Home care
        Anytown Borough Council,12/06/2026,AT-0011,"2,150.00",The Westmoor Community Transport,,,AT4 6WC,Adult Social Care,Transport
        Anytown Borough Council,11/09/2026,AT-0012,"2,150.00",The Westmoor Community Transport,,,AT4 6WC,Adult Social Care,Transport
        Anytown Borough Council,03/06/2026,AT-0013,845.60,CASTLE STATIONERS LTD,,,AT2 1RH,Corporate Services,Stationery
        Anytown Borough Council,05/06/2026,AT-0014,845.60,CASTLE STATIONERS LTD,,,AT2 1RH,Corporate Services,Stationery
        Anytown Borough Council,22/07/2026,AT-0015,320.00,CASTLE STATIONERS LTD,,,AT2 1RH,Corporate Services,Stationery
        Anytown Borough Council,17/04/2026,AT-0016,"3,400.00",OTHERTOWN BOROUGH COUNCIL,,,OT2 3CS,Environment,Shared services
        Anytown Borough Council,18/07/2026,AT-0017,"3,400.00",OTHERTOWN BOROUGH COUNCIL,,,OT2 3CS,Environment,Shared services
        Anytown Borough Council,09/05/2026,AT-0018,"1,250.00",REDACTED UNDER DP ACT,,,,Adult Social Care,Direct payments
        Anytown Borough Council,09/08/2026,AT-0019,"1,250.00",REDACTED UNDER DP ACT,,,,Adult Social Care,Direct payments
        Anytown Borough Council,25/09/2026,AT-0020,"-1,200.00",NORTHGATE FACILITIES LTD,,GB999000301,,Corporate Property,Credit note
        """;

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.SpendImports.IgnoreQueryFilters().AnyAsync(i => i.OrganisationId == anytown.Id && i.FileName == FileName, cancellationToken))
        {
            return;
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(Csv.ReplaceLineEndings("\r\n") + "\r\n"));
        var report = await new ImportSpend(db, clock).HandleAsync(anytown.Id, content, FileName, null, null, cancellationToken);
        if (!report.Accepted)
        {
            throw new InvalidOperationException("The demo spend file was refused: " + string.Join("; ", report.Problems));
        }

        await new ResolveSuppliers(db, clock).HandleAsync(anytown.Id, cancellationToken);

        // Spend categories for most expense types, CPV 2008 codes from the list; "Shared services" and the rest are
        // left unmapped, so the categories page shows both. No ProClass codes: none are shipped to take them from.
        var mapped = await new MapSpendCategories(db, clock).HandleAsync(anytown.Id,
        [
            new("Home care", "85312000-9", null, null),
            new("Family support", "85312000", null, null),
            new("Facilities management", "79993100-2", null, null),
            new("Transport", "60100000-9", null, null),
            new("Stationery", "30192700-8", null, null),
        ], indexed: true, cancellationToken);
        if (!mapped.Succeeded)
        {
            throw new InvalidOperationException("The demo spend categories were refused: " + mapped.Errors);
        }
    }
}
