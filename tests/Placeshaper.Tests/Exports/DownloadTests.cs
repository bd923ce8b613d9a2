using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Imports;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Exports;

public sealed partial class DownloadTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string ReportBody = "The bus stop on Riverside Road has no shelter for people waiting in the rain";

    /// <summary>
    /// Every table people see, with who downloads it, its header and a row known to be in it (column=value pairs).
    /// <c>{older}</c> and <c>{bcf}</c> stand for the demo programme "Older people living independently" and its budget,
    /// <c>{hometender}</c> for the demo home care tender, <c>{homespec}</c> for its agreed specification, <c>{transporttender}</c> for the demo tender whose bids are open.
    /// </summary>
    private static readonly (string Path, string Email, string Header, string Row)[] Cases =
    [
        ("/o/anytown/people?handler=Download", "administrator@anytown.example", "name,email,roles", "name=Chris Commissioner|email=commissioner@anytown.example|roles=Commissioner"),
        ("/o/anytown/audit?handler=Download", "administrator@anytown.example", "sequence,at,actor,action,entity_type,entity_id,before,after,hash", "action=created|entity_type=Organisation"),
        ("/o/anytown/intelligence?handler=Download", "councillor@anytown.example", "submitted_at,status,kind,said_by,area_code,area,indicator,body", $"status=Published|kind=Need|said_by=Councillor|area_code=E05999002|area=Riverside|indicator=falls-65|body={ReportBody}"),
        ("/o/anytown/needs?handler=Download", "councillor@anytown.example", "code,name,unit,polarity,source,latest_period,figures", "code=falls-65|polarity=LowerIsBetter|latest_period=2024"),
        ("/o/anytown/needs/falls-65?handler=Download", "councillor@anytown.example", "area_code,period,indicator,value", "area_code=E05999002|period=2024|indicator=falls-65|value=2880"),
        ("/o/anytown/areas?handler=Download", "councillor@anytown.example", "code,name,level,parent_code", "code=E05999002|name=Riverside|level=ward|parent_code=E06009001"),
        ("/o/anytown/programmes?handler=Download", "councillor@anytown.example", "programme,lead,your_role,stages", "programme=Older people living independently|your_role=Lead"),
        ("/o/anytown/programmes/{older}?handler=Download&table=outcomes", "commissioner@anytown.example", "outcome,measure,indicator,status", "measure=Emergency admissions due to falls, 65 and over, Anytown|indicator=falls-65"),
        ("/o/anytown/programmes/{older}?handler=Download&table=decisions", "commissioner@anytown.example", "date,title,decided_by,summary,papers", "date=2026-06-18|title=Business case for a jointly commissioned reablement service approved|decided_by=Cabinet"),
        ("/o/anytown/programmes/{older}?handler=Download&table=stages", "commissioner@anytown.example", "at,by,entered,left,stages_after,reason", "by=Chris Commissioner|entered=Source providers|left=Set priority outcomes|stages_after=Design and specify; Source providers"),
        ("/o/anytown/budgets/{bcf}?handler=Download&table=statement", "finance@anytown.example", "partner,contributed_gbp,share_of_pot,spend_attributed_gbp,variance_share_ratio,share_of_variance_gbp", "partner=Anytown Borough Council|contributed_gbp=4960000"),
        ("/o/anytown/budgets/{bcf}?handler=Download&table=lines", "finance@anytown.example", "date,kind,description,amount_gbp", "date=2026-06-30|kind=Spend|description=Reablement service, April to June|amount_gbp=1650000"),
        ("/o/anytown/portal?handler=Download", "care@anytown-community-care.example", "reference,title,kind,estimated_value_gbp_incl_vat,submission_deadline,open_for_bids,your_bid", "reference=ANYTOWN-2026-009|open_for_bids=no|your_bid=submitted"),
        ("/o/anytown/tenders/{transporttender}/evaluation?handler=Download", "evaluator@anytown.example", "lot,rank,bidder,price_gbp_incl_vat,price_score,quality_score,social_value_score,total,abnormally_low", "lot=Whole contract|rank=1|bidder=Brightside Family Support|total=84.22|abnormally_low=no"),
        ("/o/anytown/tenders/{transporttender}/bids?handler=Download", "evaluator@anytown.example", "bidder,lot,price_gbp_incl_vat,submitted_at,receipt", "bidder=Brightside Family Support|lot=Whole contract|price_gbp_incl_vat=152000"),
        ("/o/anytown/tenders?handler=Download", "procurement@anytown.example", "reference,title,kind,estimated_value_gbp_incl_vat,route,status,submission_deadline", "reference=ANYTOWN-2026-014|kind=Light touch services|estimated_value_gbp_incl_vat=42250000|route=Competitive flexible procedure|status=Open for bids"),
        ("/o/anytown/tenders?handler=TransparencyCode", "councillor@anytown.example", "reference_number,title,description,start_date,end_date,review_date,department_responsible,estimated_value_gbp_incl_vat,route,programme", "reference_number=ANYTOWN-2026-014|title=Home care in Anytown's neighbourhoods|estimated_value_gbp_incl_vat=42250000|route=Competitive flexible procedure|programme=Home care that helps people live at home"),
        ("/o/anytown/tenders/{hometender}/clarifications?handler=Download", "councillor@anytown.example", "published_at,question,answer,from", "question=May a bidder bid for both lots, and will a bidder be awarded both if it comes first in each?|from=A bidder"),
        ("/o/anytown/tenders/{hometender}?handler=Download", "councillor@anytown.example", "part,part_weight,question,question_weight,score_0,score_1,score_2,score_3,score_4,score_5", "part=social value|part_weight=15|question_weight=60"),
        ("/o/anytown/providers?handler=Download", "procurement@anytown.example", "name,legal_form,company_number,charity_number,vat_number,registered_postcode,trading_postcode,staff,turnover,balance_sheet_total,vcse,consortium,sic_codes,sme,size,local", "name=Riverside Home Care Ltd|company_number=99000401|staff=64"),
        ("/o/anytown/providers/{consortium}?handler=Download", "procurement@anytown.example", "member,legal_form,role,vcse,sme", "member=Anytown Community Care CIC|role=Lead member|vcse=yes"),
        ("/o/anytown/programmes/{homecare}/market?handler=Download&table=engagement", "commissioner@anytown.example", "held_on,title,format,providers,small_or_voluntary_providers,summary", "title=Home care providers' event at the town hall|format=Event|providers=23|small_or_voluntary_providers=15"),
        ("/o/anytown/programmes/{homecare}/market?handler=Download&table=challenges", "commissioner@anytown.example", "received_on,challenger,service,status,decided_on,reasons", "challenger=Westmoor Community Transport|status=Accepted with modifications"),
        ("/o/anytown/delivery-models?handler=Download", "councillor@anytown.example", "code,name,description,built_in", "code=vcse|name=Commission the voluntary and community sector|built_in=yes"),
        ("/o/anytown/working-days?handler=Download", "administrator@anytown.example", "division,date,title,notes,source,imported_at", "division=scotland|date=2026-01-02|title=2nd January"),
        ("/o/anytown/specifications/{homespec}?handler=Download", "councillor@anytown.example", "number,definition,unit,better,target,minimum_acceptable,frequency,data_source", "number=2|unit=% of visits|better=lower|target=0.5|minimum_acceptable=2|frequency=monthly|data_source=Provider's electronic call monitoring"),
        ("/o/anytown/contracts?handler=Download", "councillor@anytown.example", "Directorate Name,Process Used,Purchasing Body,Contract Reference,Contract Title,Contract Description,Supplier Company Name,Supplier Postcode,Annual Value,Total Contract Value (including extensions),OJEU/FTS?,Start Date,End Date,Contract Duration (months),Option to extend (months),How many extensions,Extension 1 Taken?,Extension 2 Taken?,Current Expiry Date,SME Supplier?,ProClass Classification,ProClass Description,Company Number,Visibility", "Contract Reference=ANYTOWN-2023-007|Supplier Company Name=Northgate Facilities Ltd|Annual Value=560000|Total Contract Value (including extensions)=3746400|Option to extend (months)=24|How many extensions=2|Extension 1 Taken?=No|SME Supplier?=No|Visibility=Public"),
        ("/o/anytown/contracts/{facilities}?handler=Download&table=kpis", "councillor@anytown.example", "number,definition,unit,better,target,minimum_acceptable,frequency,data_source", "number=3|definition=Cleaning audits failed|better=lower|target=2|minimum_acceptable=5|frequency=monthly"),
        ("/o/anytown/contracts/{facilities}?handler=Download&table=dates", "councillor@anytown.example", "date,kind,what", "kind=Decision to extend"),
        ("/o/anytown/portal/contracts?handler=Download", "hello@brightside.example", "reference,title,total_value_gbp,start_date,current_expiry,kpis,status", "reference=ANYTOWN-2025-021|total_value_gbp=1200000|kpis=4|status=Active"),
        ("/o/anytown/contracts/payments?handler=Download", "councillor@anytown.example", "contract,period_start,period_end,revision,terms_version,fixed_element_gbp,outcome_payments_gbp,credits_gbp,due_gbp,paid_gbp,paid_minus_due_gbp,credit_not_deducted,working,spend_paid_gbp,spend_paid_minus_due_gbp,spend_payments,unattributed_spend_gbp", "contract=ANYTOWN-2023-007|revision=1|terms_version=2|credits_gbp=2458.64|due_gbp=46714.08|paid_gbp=49172.72|paid_minus_due_gbp=2458.64|credit_not_deducted=yes"),
        ("/o/anytown/portal/contracts/{family}?handler=Download", "hello@brightside.example", "kpi,period_start,value,unit,status,comment,return_reason,submitted_at", "kpi=2|status=returned|return_reason=This figure does not match the monthly report you sent: please check it and send it again"),
        ("/o/anytown/social-value?handler=Download", "procurement@anytown.example", "code,theme,outcome,description,unit,proxy_value_gbp,source,licence,retired", "code=ANY-01|description=Anytown residents employed on the contract|unit=people|proxy_value_gbp=1500|retired=no"),
        ("/o/anytown/social-value?handler=Download&table=reference", "councillor@anytown.example", "code,level,mission,description,source,published,licence", "code=PPN002-M1|level=mission|mission=Kick start economic growth|published=2025-02-13"),
        ("/o/anytown/scrutiny?handler=Download", "councillor@anytown.example", "number,title,about,subject,asked_by,asked_on,due_on,status,overdue,answers", "number=Q2|title=Extending the facilities management contract|about=Contract|asked_by=Cllr Carys Jones|status=Open|overdue=yes|answers=0"),
        ("/o/anytown/reviews?handler=Download", "councillor@anytown.example", "provider,reviews,quality,reliability,respect,value,overall,ranking_score,stars_1,stars_2,stars_3,stars_4,stars_5", "provider=Anytown Community Care CIC|reviews=4|quality=4.5|reliability=4|respect=4.75|value=4.25|overall=4.38|ranking_score=3.61|stars_4=2|stars_5=2"),
        ("/o/anytown/spend?handler=Download", "councillor@anytown.example", "file,imported_at,sha256,encoding,read,imported,duplicates,skipped,total", "file=download-fixture.csv|encoding=UTF-8|read=2|skipped=1"),
        ("/o/anytown/outcomes?handler=Download", "councillor@anytown.example", "theme,outcome,measure,unit,owner,baseline,baseline_date,latest,latest_date,target,target_date,share_of_way,status", "theme=Living well in later life|measure=Emergency admissions due to falls, 65 and over, Anytown"),
        ("/o/anytown/benchmarks?category=home-care&handler=Download", "commissioner@anytown.example", "category,measure,unit,period,contributors,contributor,provider,value,place,lower_quartile,median,upper_quartile", "measure=Cost per hour of home care|contributor=Borsetshire County Council|provider=Borchester Home Help Ltd|place=Second quarter"),
        ("/o/anytown/wards?handler=Download", "councillor@anytown.example", "code,name,contracts", "code=E05999002|name=Riverside|contracts=2"),
        ("/o/anytown/spend/suppliers?handler=Download", "councillor@anytown.example", "supplier,status,method,provider,suggested_provider,similarity,company_number,vat_number,postcode,payments,total,local,sme,vcse,public_sector,individual", "supplier=NORTHGATE FACILITIES LTD|status=Resolved|method=VAT number|provider=Northgate Facilities Ltd|payments=4|total=122700"),
        ("/o/anytown/spend/analytics?handler=Download&table=service-areas&from=2026-04-01&to=2027-03-31", "councillor@anytown.example", "service_area,total,payments", "service_area=Corporate Property|total=122700|payments=4"),
        ("/o/anytown/spend/analytics?handler=Download&table=duplicates&from=2026-04-01&to=2027-03-31", "finance@anytown.example", "supplier,amount,first_date,second_date,days_apart,first_transaction,second_transaction", "supplier=CASTLE STATIONERS LTD|amount=845.6|days_apart=2|first_transaction=AT-0013|second_transaction=AT-0014"),
        ("/o/anytown/social-value/delivery?handler=Download", "councillor@anytown.example", "contract,supplier,theme,measure_code,obligation,unit,committed,delivered,waiting,proxy_value_gbp,committed_gbp,delivered_gbp,waiting_gbp,due_by,status", "contract=ANYTOWN-2023-007|supplier=Northgate Facilities Ltd|measure_code=ANY-01|unit=people|committed=6|proxy_value_gbp=1500|committed_gbp=9000"),
        ("/o/anytown/social-value/report?handler=Download", "councillor@anytown.example", "theme,measure_code,measure,unit,obligations,committed,delivered_in_year,delivered_to_date,waiting_in_year,committed_gbp,delivered_in_year_gbp,delivered_to_date_gbp,waiting_in_year_gbp", "theme=Local jobs|measure_code=ANY-01|unit=people|obligations=3|committed=13|committed_gbp=19500"),
        ("/o/anytown/portal/contracts/{family}/social-value?handler=Download", "hello@brightside.example", "obligation,period_start,period_end,quantity,unit,status,narrative,return_reason,submitted_at", "obligation=ANY-01: Anytown residents employed on the contract|unit=people|status=returned|return_reason=The payroll extract you sent shows fewer Anytown residents than this: please check the count and send it again"),
        ("/o/anytown/contracts/{facilities}/payment-terms?handler=Download", "commissioner@anytown.example", "version,effective_from,applies_until,frequency,periods_so_far,periods_calculated,saved_at,terms", "version=1|frequency=monthly|periods_so_far=6|periods_calculated=6"),
        ("/o/anytown/spend/categories?handler=Download", "councillor@anytown.example", "expense_type,cpv_code,proclass_code,proclass_label,cpv_description,cpv_division,spend,payments", "expense_type=Home care|cpv_code=85312000-9|cpv_description=Social work services without accommodation|cpv_division=85000000-9|spend=51450.75|payments=5"),
        ("/o/anytown/spend/analytics?handler=Download&table=cpv-divisions&from=2026-04-01&to=2027-03-31", "councillor@anytown.example", "cpv_division,description,total,payments", "cpv_division=85000000-9|description=Health and social work services|total=67850.75|payments=7"),
    ];

    public static TheoryData<string, string, string, string> Tables
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var (path, email, header, row) in Cases)
            {
                data.Add(path, email, header, row);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Every_table_downloads_as_CSV_and_as_Excel_with_its_header_and_its_rows(string path, string email, string header, string knownRow)
    {
        app.RequireDatabase();
        await ArrangeTaggedReportAsync();
        await ArrangeBankHolidayAsync();
        await ArrangeSpendImportAsync();
        using var browser = await app.SignInAsync(email);
        var url = await ResolveAsync(path);

        using var csv = await browser.GetAsync(url + "&format=csv");
        using var xlsx = await browser.GetAsync(url + "&format=xlsx");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();

        csv.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        csv.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        csv.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().Trim('"').ShouldEndWith(".csv");
        csvBytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a byte-order mark, so Excel reads it as UTF-8");
        Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3).Split("\r\n")[0].ShouldBe(header);
        ShouldHaveRow(ImportTable.Read(csvBytes, "download.csv"), knownRow, url + " (CSV)");

        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().Trim('"').ShouldEndWith(".xlsx");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsxBytes), false))
        {
            var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
            sheet.Name!.Value!.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']).ShouldBe(-1, "Excel refuses such sheet names");
            workbook.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText).ShouldBe(header.Split(','));
        }

        var fromExcel = ImportTable.Read(xlsxBytes, "download.xlsx");
        fromExcel.Headers.ShouldBe(header.Split(','));
        ShouldHaveRow(fromExcel, knownRow, url + " (XLSX)");
    }

    [Fact]
    public void Every_organisation_page_with_a_table_offers_it_as_a_download_and_every_download_is_tested_above()
    {
        // A table inside a form (the pooled budget set-up's contributions) is not data to take away, nor is a
        // calculator's answer to what was just typed, which is kept nowhere.
        // An import's report lists what was wrong with the file just uploaded, kept nowhere either.
        // A tender's documents are a list of files, each of them already a download.
        // A committee report is a document to print, made from tables that download elsewhere.
        // So are a councillor's ward view and a programme's review.
        string[] forms =
        [
            "Tenders/Documents.cshtml",
            "Scrutiny/ContractReport.cshtml", "Scrutiny/ProgrammeReport.cshtml",
            "Budgets/SetUp.cshtml", "Calculators/OptionsAppraisal.cshtml", "Calculators/Sroi.cshtml", "Calculators/PaymentByResults.cshtml",
            "Calculators/SocialImpactBond.cshtml", "Calculators/GainShare.cshtml", "Calculators/ServiceCredits.cshtml", "Calculators/IndexedPrice.cshtml",
            "Providers/Import.cshtml", "Contracts/Import.cshtml", "SocialValue/Import.cshtml", "Spend/Import.cshtml",
            "Wards/Show.cshtml", "Programmes/Review.cshtml",
        ];
        var root = Path.Combine(TestEnvironment.RepositoryRoot, "src", "Placeshaper");
        var pages = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(root, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .Where(p => p.Text.StartsWith("@page \"/o/{org}", StringComparison.Ordinal))
            .ToList();
        var tested = Cases.Select(c => c.Path.Split('?')[0]).ToList();

        var withTables = pages.Where(p => p.Text.Contains("govuk-table", StringComparison.Ordinal) && !forms.Contains(p.File)).ToList();
        // An appraisal's pages offer all their tables at once, as the sheets of the business case workbook.
        withTables.Where(p => !p.Text.Contains("/Shared/_Downloads.cshtml", StringComparison.Ordinal) && !p.Text.Contains("handler=Download", StringComparison.Ordinal))
            .Select(p => p.File).ShouldBeEmpty("pages with a table but no download");
        foreach (var page in pages.Where(p => p.Text.Contains("/Shared/_Downloads.cshtml", StringComparison.Ordinal)))
        {
            var route = PageRoute().Match(page.Text).Groups[1].Value;
            var pattern = new Regex("^" + RouteParameter().Replace(Regex.Escape(route).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "$");
            tested.ShouldContain(p => pattern.IsMatch(p), $"{page.File} ({route}) offers downloads that no case above opens");
        }

        withTables.Count.ShouldBeGreaterThanOrEqualTo(9);
    }

    [Fact]
    public async Task A_needs_table_downloads_as_CSV_that_imports_straight_back_without_changing_anything()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");

        using var download = await browser.GetAsync("/o/anytown/needs/falls-65?handler=Download&format=csv");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        var reimport = await api.PostAsync(new Uri("/api/v1/orgs/anytown/indicators/values/import?file=falls-65.csv", UriKind.Relative), new ByteArrayContent(bytes));

        download.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("falls-65.csv");
        Encoding.UTF8.GetString(bytes).ShouldContain("E05999002,2024,falls-65,2880");
        var report = await reimport.ReadJsonAsync();
        (report.GetProperty("added").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()).ShouldBe((0, 0, 48));
    }

    [Fact]
    public async Task A_pooled_budget_statement_downloads_as_an_Excel_workbook_with_numbers_as_numbers()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("finance@anytown.example");

        using var download = await browser.GetAsync(await ResolveAsync("/o/anytown/budgets/{bcf}?handler=Download&table=statement&format=xlsx"));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        rows.Count.ShouldBe(3);
        var council = rows[1].Elements<Cell>().ToList();
        council[0].InnerText.ShouldBe("Anytown Borough Council");
        council[1].DataType!.Value.ShouldBe(CellValues.Number);
        council[1].CellValue!.Text.ShouldBe("4960000");
        rows[2].Elements<Cell>().Last().CellValue!.Text.ShouldBe("36750");
    }

    [Fact]
    public async Task The_audit_trail_downloads_whole_as_the_filters_choose_not_only_the_page_shown()
    {
        app.RequireDatabase();
        var anytown = await app.OrganisationIdAsync("anytown");
        var expected = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.OrganisationId == anytown && e.EntityType == "IndicatorValue" && e.Action == "created"));
        using var browser = await app.SignInAsync("administrator@anytown.example");

        var page = await browser.GetHtmlAsync("/o/anytown/audit?entityType=IndicatorValue&action=created");
        var second = await browser.GetHtmlAsync("/o/anytown/audit?page=2&action=created&entityType=IndicatorValue");
        using var csv = await browser.GetAsync("/o/anytown/audit?handler=Download&entityType=IndicatorValue&action=created&format=csv");
        using var xlsx = await browser.GetAsync("/o/anytown/audit?handler=Download&entityType=IndicatorValue&action=created&format=xlsx");
        var fromCsv = ImportTable.Read(await csv.Content.ReadAsByteArrayAsync(), "audit.csv");
        var fromExcel = ImportTable.Read(await xlsx.Content.ReadAsByteArrayAsync(), "audit.xlsx");
        using var commissioner = await app.SignInAsync("commissioner@anytown.example");
        using var refused = await commissioner.GetAsync("/o/anytown/audit?handler=Download&format=csv");

        expected.ShouldBeGreaterThan(50, "more entries than one page shows");
        page.ShouldContain($"Showing 50 of {expected:N0} entries that match");
        page.ShouldContain("handler=Download&amp;action=created&amp;entityType=IndicatorValue&amp;format=csv");
        page.ShouldContain("href=\"?page=2&amp;action=created&amp;entityType=IndicatorValue\"");
        second.ShouldContain("Page 2 of");
        second.ShouldContain("<option value=\"IndicatorValue\" selected=\"selected\">IndicatorValue</option>");
        fromCsv.Rows.Count.ShouldBe(expected);
        fromCsv.Rows.ShouldAllBe(r => r["entity_type"] == "IndicatorValue" && r["action"] == "created");
        fromCsv.Rows.Select(r => long.Parse(r["sequence"]!, CultureInfo.InvariantCulture)).ShouldBeInOrder(SortDirection.Descending);
        fromExcel.Rows.Count.ShouldBe(expected);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the audit trail is for administrators, downloads included");
    }

    [Fact]
    public async Task Residents_contact_emails_are_in_no_download_and_their_words_cannot_run_as_formulas()
    {
        app.RequireDatabase();
        var body = $"=HYPERLINK(\"http://evil.example\",\"Click\") {Guid.NewGuid():N} is what the sign says";
        using var resident = new BrowserClient(app.BaseAddress);
        using var sent = await resident.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", new() { ["Kind"] = "Service", ["Body"] = body, ["ContactEmail"] = "private.resident@example.org" });
        using var commissioner = await app.SignInAsync("commissioner@anytown.example");
        using var administrator = await app.SignInAsync("administrator@anytown.example");

        using var queue = await commissioner.GetAsync("/o/anytown/intelligence?handler=Download&format=csv");
        var csv = Encoding.UTF8.GetString(await queue.Content.ReadAsByteArrayAsync());
        using var xlsx = await commissioner.GetAsync("/o/anytown/intelligence?handler=Download&format=xlsx");
        var excel = ImportTable.Read(await xlsx.Content.ReadAsByteArrayAsync(), "intelligence.xlsx");
        using var audit = await administrator.GetAsync("/o/anytown/audit?handler=Download&format=csv");

        (await commissioner.GetHtmlAsync("/o/anytown/intelligence")).ShouldContain("private.resident@example.org", customMessage: "moderators see it on the page");
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")");
        csv.ShouldNotContain("private.resident@example.org");
        excel.Rows.ShouldContain(r => r["body"] == body, "an Excel text cell is never a formula, so it is left as written");
        excel.Rows.ShouldContain(r => r["status"] == "AwaitingModeration");
        (await audit.Content.ReadAsStringAsync()).ShouldNotContain("private.resident@example.org");
    }

    [Fact]
    public async Task Downloads_respect_isolation_like_the_pages_they_come_from()
    {
        app.RequireDatabase();
        using var police = await app.SignInAsync("commissioner@anytown-police.example");
        using var council = await app.SignInAsync("commissioner@anytown.example");

        using var download = await police.GetAsync("/o/anytown/areas?handler=Download&format=csv");
        using var own = await council.GetAsync("/o/anytown/areas?handler=Download&format=csv");
        using var asPartner = await council.GetAsync(await ResolveAsync("/o/anytown-icb/programmes/{older}?handler=Download&table=decisions&format=csv"));
        using var partnerPage = await council.GetAsync(await ResolveAsync("/o/anytown-icb/programmes/{older}"));

        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldContain("E05999002,Riverside,ward,E06009001");
        partnerPage.StatusCode.ShouldBe(HttpStatusCode.OK, "the ICB is a partner in the programme");
        asPartner.StatusCode.ShouldBe(HttpStatusCode.NotFound, "a partner is not shown the lead's decisions log, so cannot download it");
    }

    private static void ShouldHaveRow(ImportTable table, string knownRow, string what)
    {
        var expected = knownRow.Split('|').Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        expected.Keys.ShouldAllBe(column => table.Has(column), what);
        table.Rows.ShouldContain(row => expected.All(kv => Same(row[kv.Key], kv.Value)), $"{what} has no row with {knownRow}");
    }

    /// <summary>Equal as text, or as numbers when both are numbers (a download may write 1650000.0000 for 1650000).</summary>
    private static bool Same(string? actual, string expected) =>
        actual == expected
        || (decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && a == e);

    private async Task<string> ResolveAsync(string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return path;
        }

        using var council = await app.ApiAsAsync("commissioner@anytown.example");
        var programmes = await (await council.GetPathAsync("/api/v1/orgs/anytown/programmes")).ReadJsonAsync();
        var older = programmes.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Older people living independently").GetProperty("id").GetString()!;
        var homeCare = programmes.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Home care that helps people live at home").GetProperty("id").GetString()!;
        var bcf = (await (await council.GetPathAsync($"/api/v1/orgs/anytown/programmes/{older}/budgets")).ReadJsonAsync())[0].GetProperty("id").GetString()!;
        var homeTender = (await (await council.GetPathAsync("/api/v1/orgs/anytown/tenders")).ReadJsonAsync()).EnumerateArray()
            .Single(t => t.GetProperty("reference").GetString() == "ANYTOWN-2026-014").GetProperty("id").GetString()!;
        var transportTender = (await (await council.GetPathAsync("/api/v1/orgs/anytown/tenders")).ReadJsonAsync()).EnumerateArray()
            .Single(t => t.GetProperty("reference").GetString() == "ANYTOWN-2026-009").GetProperty("id").GetString()!;
        var consortium = (await (await council.GetPathAsync("/api/v1/orgs/anytown/providers?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "Anytown Care Partnership").GetProperty("id").GetString()!;
        return path.Replace("{consortium}", consortium, StringComparison.Ordinal).Replace("{older}", older, StringComparison.Ordinal).Replace("{homecare}", homeCare, StringComparison.Ordinal).Replace("{bcf}", bcf, StringComparison.Ordinal).Replace("{hometender}", homeTender, StringComparison.Ordinal)
            .Replace("{transporttender}", transportTender, StringComparison.Ordinal)
            .Replace("{family}", (await (await council.GetPathAsync("/api/v1/orgs/anytown/contracts?q=ANYTOWN-2025-021")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!, StringComparison.Ordinal)
            .Replace("{facilities}", (await (await council.GetPathAsync("/api/v1/orgs/anytown/contracts?q=ANYTOWN-2023-007")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!, StringComparison.Ordinal)
            .Replace("{homespec}", (await (await council.GetPathAsync($"/api/v1/orgs/anytown/programmes/{homeCare}/specifications")).ReadJsonAsync())[0].GetProperty("id").GetString()!, StringComparison.Ordinal);
    }

    /// <summary>A councillor's report about Riverside, tagged to falls, for the intelligence download (once per app).</summary>
    /// <summary>The working-days page lists installation-wide bank holidays, which the demo does not ship: one, by hand.</summary>
    private async Task ArrangeSpendImportAsync()
    {
        if (await app.WithDbAsync(db => db.SpendImports.IgnoreQueryFilters().AnyAsync(i => i.FileName == "download-fixture.csv")))
        {
            return;
        }

        await using var scope = app.OperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<Placeshaper.Data.PlaceshaperDb>();
        var organisation = await db.Organisations.IgnoreQueryFilters().SingleAsync(o => o.Slug == "anytown");
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("Date,Amount,Supplier Name\n01/04/2026,10.00,Acme Ltd\n,,\n"));
        var report = await scope.ServiceProvider.GetRequiredService<Placeshaper.Spend.ImportSpend>().HandleAsync(organisation.Id, content, "download-fixture.csv", null, null, CancellationToken.None);
        report.Accepted.ShouldBeTrue(string.Join("; ", report.Problems));
    }

    private Task<int> ArrangeBankHolidayAsync() => app.WithDbAsync(async db =>
    {
        if (!await db.BankHolidays.AnyAsync(h => h.Division == "scotland" && h.Date == new DateOnly(2026, 1, 2)))
        {
            db.BankHolidays.Add(new Placeshaper.Calendar.BankHoliday { Division = "scotland", Date = new DateOnly(2026, 1, 2), Title = "2nd January", Source = "test fixture", ImportedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        return 0;
    });

    private async Task ArrangeTaggedReportAsync()
    {
        if (await app.WithDbAsync(db => db.IntelligenceItems.AnyAsync(i => i.Body == ReportBody)))
        {
            return;
        }

        using var councillor = await app.SignInAsync("councillor@anytown.example");
        using var sent = await councillor.PostFormAsync("/o/anytown/intelligence", "/o/anytown/intelligence", new() { ["Kind"] = "Need", ["Body"] = ReportBody, ["Area"] = "E05999002", ["Indicator"] = "falls-65" });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [GeneratedRegex("^@page \"([^\"]+)\"")]
    private static partial Regex PageRoute();

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex RouteParameter();
}
