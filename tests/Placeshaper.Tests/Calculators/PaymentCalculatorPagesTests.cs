using System.Net;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Calculators;

/// <summary>The payment mechanism pages: a form in, the answer with its working out, and the rules' errors beside the row typed.</summary>
public sealed class PaymentCalculatorPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<string> PostAsync(string calculator, Dictionary<string, string> fields)
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var path = "/o/anytown/calculators/" + calculator;
        using var response = await browser.PostFormAsync(path, path, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_calculators_page_links_to_each_payment_mechanism()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("councillor@anytown.example");

        var html = await browser.GetHtmlAsync("/o/anytown/calculators");

        foreach (var name in new[] { "payment-by-results", "social-impact-bond", "gain-share", "service-credits", "indexed-price" })
        {
            html.ShouldContain($"href=\"/o/anytown/calculators/{name}\"");
        }
    }

    [Fact]
    public async Task Payment_by_results_shows_each_years_payments_and_working()
    {
        var html = await PostAsync("payment-by-results", new()
        {
            ["Years[0].Budget"] = "1,000,000",
            ["Years[0].OutcomeShare"] = "20",
            ["Years[1].Budget"] = "1000000",
            ["Years[1].OutcomeShare"] = "40%",
            ["Outcomes[0].Name"] = "Family turned around",
            ["Outcomes[0].Rate"] = "£700",
            ["Outcomes[0].Achieved[0]"] = "200",
            ["Outcomes[0].Achieved[1]"] = "700",
        });

        html.ShouldContain("£1,940,000.00 in all");
        html.ShouldContain("Outcomes earned: 200 × £700.00 (Family turned around) = £140,000.00");
        html.ShouldContain("Outcomes paid: the pot, £400,000.00, because £490,000.00 earned is more; the £90,000.00 above the pot is not paid");
    }

    [Fact]
    public async Task A_social_impact_bond_shows_the_return_to_investors()
    {
        var html = await PostAsync("social-impact-bond", new()
        {
            ["Investment"] = "5000000",
            ["BaselineRate"] = "0.6",
            ["Threshold"] = "10",
            ["PaymentPerOutcome"] = "30000",
            ["Cap"] = "8000000",
            ["Cohorts[0].Year"] = "1",
            ["Cohorts[0].Size"] = "1000",
            ["Cohorts[0].OutcomeRate"] = "0.57",
            ["Cohorts[1].Year"] = "2",
            ["Cohorts[1].Size"] = "1000",
            ["Cohorts[1].OutcomeRate"] = "0.51",
            ["Cohorts[2].Year"] = "3",
            ["Cohorts[2].Size"] = "1000",
            ["Cohorts[2].OutcomeRate"] = "0.48",
        });

        html.ShouldContain("£6,300,000.00 paid to investors");
        html.ShouldContain("A multiple of 1.2600");
        html.ShouldContain("an internal rate of return of 9.45% a year");
        html.ShouldContain("Below the threshold of 10%: no payment");
    }

    [Fact]
    public async Task Gain_share_shows_the_providers_payment_and_the_councils_saving()
    {
        var html = await PostAsync("gain-share", new()
        {
            ["Measure"] = "groups",
            ["ControlCostPerUser"] = "9000",
            ["PilotCostPerUser"] = "8200",
            ["PilotUsers"] = "50",
            ["ProviderInvestment"] = "25000",
            ["ProviderShare"] = "50",
        });

        html.ShouldContain("£32,500.00 to the provider");
        html.ShouldContain("The council's net saving is £7,500.00, of £40,000.00 saved.");
    }

    [Fact]
    public async Task Service_credits_show_each_rating_and_the_credit()
    {
        var html = await PostAsync("service-credits", new()
        {
            ["PeriodCharge"] = "100000",
            ["CapPercent"] = "10",
            ["Kpis[0].Name"] = "Calls answered",
            ["Kpis[0].Direction"] = "higher",
            ["Kpis[0].Target"] = "95",
            ["Kpis[0].Minimum"] = "90",
            ["Kpis[0].Actual"] = "93",
            ["Kpis[0].CreditPercentPerUnit"] = "1",
            ["Kpis[0].MaxCreditPercent"] = "5",
            ["Kpis[1].Name"] = "Missed visits",
            ["Kpis[1].Direction"] = "lower",
            ["Kpis[1].Target"] = "5",
            ["Kpis[1].Minimum"] = "10",
            ["Kpis[1].Inadequate"] = "20",
            ["Kpis[1].Actual"] = "25",
            ["Kpis[1].CreditPercentPerUnit"] = "1",
            ["Kpis[1].MaxCreditPercent"] = "6",
        });

        html.ShouldContain("£8,000.00 credited");
        html.ShouldContain("approaching target");
        html.ShouldContain("Worse than the minimum of 10: the KPI's full 6%, rated inadequate (worse than 20)");
    }

    [Fact]
    public async Task An_indexed_price_shows_each_years_price_in_pence()
    {
        var html = await PostAsync("indexed-price", new()
        {
            ["BasePrice"] = "10000",
            ["PeriodsPerYear"] = "4",
            ["Years"] = "2",
            ["Uplift"] = "index",
            ["Index[0]"] = "120",
            ["Index[1]"] = "126",
        });

        html.ShouldContain("£82,000.00 over 2 years");
        html.ShouldContain("Year 2: £10,000.00 × index 126 ÷ 120 = £10,500.00 a period, rounded to the penny; × 4 periods = £42,000.00");
    }

    [Fact]
    public async Task A_rules_error_is_shown_beside_the_row_it_is_about()
    {
        // The first KPI row is left empty (a browser posts its empty fields), so the rule's kpis[0] is the page's second row.
        var html = await PostAsync("service-credits", new()
        {
            ["PeriodCharge"] = "100000",
            ["CapPercent"] = "10",
            ["Kpis[0].Name"] = "",
            ["Kpis[0].Target"] = "",
            ["Kpis[1].Name"] = "Visits on time",
            ["Kpis[1].Direction"] = "higher",
            ["Kpis[1].Target"] = "95",
            ["Kpis[1].Minimum"] = "97",
            ["Kpis[1].Actual"] = "96",
            ["Kpis[1].CreditPercentPerUnit"] = "1",
            ["Kpis[1].MaxCreditPercent"] = "5",
        });

        html.ShouldContain("<a href=\"#kpi-1-minimum\">The minimum 97 is above the target 95");
        html.ShouldContain("id=\"kpi-1-minimum-error\"");
        html.ShouldNotContain("credited");
    }

    [Fact]
    public async Task Words_where_numbers_belong_are_refused_on_the_field()
    {
        var html = await PostAsync("gain-share", new() { ["Measure"] = "costs", ["BaselineCost"] = "lots", ["ActualCost"] = "10", ["ProviderInvestment"] = "0", ["ProviderShare"] = "50" });

        html.ShouldContain("<a href=\"#baselineCost\">Enter what it cost before in pounds</a>");
    }
}
