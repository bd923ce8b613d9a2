using System.Text.Json;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Calculators;

/// <summary>The payment mechanism calculators through the real HTTP pipeline: the issue's field names, rounding and 400s.</summary>
public sealed class PaymentCalculatorsApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<JsonElement> PostAsync(string name, string json)
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();
        return await (await anonymous.PostRawJsonAsync("/api/v1/calculators/" + name, json)).ReadJsonAsync();
    }

    private async Task<JsonElement> ProblemAsync(string name, string json)
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();
        return await (await anonymous.PostRawJsonAsync("/api/v1/calculators/" + name, json)).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task Payment_by_results_answers_year_by_year_with_the_issues_fields()
    {
        var body = await PostAsync("payment-by-results", """
            { "years": [{ "year": 1, "budget": 1000000, "outcomeShare": 0.2 }, { "year": 2, "budget": 1000000, "outcomeShare": 0.4 }, { "year": 3, "budget": 1000000, "outcomeShare": 0.6 }],
              "outcomes": [
                { "id": "crime-asb-education", "rate": 700, "achieved": { "1": 200, "2": 400, "3": 600 } },
                { "id": "continuous-employment", "rate": 800, "achieved": { "1": 50, "2": 150, "3": 300 } } ] }
            """);

        body.GetProperty("years").EnumerateArray()
            .Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("attachment").GetDecimal(), y.GetProperty("outcomeEarned").GetDecimal(),
                y.GetProperty("outcomePaid").GetDecimal(), y.GetProperty("forgone").GetDecimal(), y.GetProperty("total").GetDecimal()))
            .ShouldBe([(1, 800_000m, 180_000m, 180_000m, 20_000m, 980_000m), (2, 600_000m, 400_000m, 400_000m, 0m, 1_000_000m), (3, 400_000m, 660_000m, 600_000m, 0m, 1_000_000m)]);
        body.GetProperty("total").GetDecimal().ShouldBe(2_980_000m);
        body.GetProperty("years")[0].GetProperty("working")[0].GetString().ShouldBe("Attachment fee: £1,000,000.00 × (1 − 0.2) = £800,000.00");
    }

    [Fact]
    public async Task Payment_by_results_rounds_to_the_penny_without_paying_more_than_the_budget()
    {
        // £0.01 split half and half: the pot's £0.005 rounds to £0.01 and the attachment is the rest of the budget, £0.00,
        // so the year never pays more than its budget, as rounding each half alone (£0.01 + £0.01) would.
        var body = await PostAsync("payment-by-results", """{ "years": [{ "year": 1, "budget": 0.01, "outcomeShare": 0.5 }], "outcomes": [{ "id": "a", "rate": 1, "achieved": { "1": 1 } }] }""");

        var year = body.GetProperty("years")[0];
        (year.GetProperty("attachment").GetDecimal(), year.GetProperty("outcomePaid").GetDecimal(), year.GetProperty("total").GetDecimal()).ShouldBe((0m, 0.01m, 0.01m));
    }

    [Fact]
    public async Task A_social_impact_bond_answers_with_payments_the_cap_irr_and_multiple()
    {
        var body = await PostAsync("social-impact-bond", """
            { "investment": 5000000, "baselineRate": 0.6, "threshold": 0.1, "paymentPerOutcome": 30000, "cap": 6000000,
              "cohorts": [{ "year": 1, "size": 1000, "outcomeRate": 0.57 }, { "year": 2, "size": 1000, "outcomeRate": 0.51 }, { "year": 3, "size": 1000, "outcomeRate": 0.48 }] }
            """);

        body.GetProperty("cohorts").EnumerateArray()
            .Select(c => (c.GetProperty("year").GetInt32(), c.GetProperty("relativeImprovement").GetDecimal(), c.GetProperty("outcomes").GetDecimal(), c.GetProperty("payment").GetDecimal()))
            .ShouldBe([(1, 0.05m, 0m, 0m), (2, 0.15m, 90m, 2_700_000m), (3, 0.2m, 120m, 3_300_000m)]);
        body.GetProperty("totalPaid").GetDecimal().ShouldBe(6_000_000m);
        body.GetProperty("capApplied").GetBoolean().ShouldBeTrue();
        body.GetProperty("irr").GetDecimal().ShouldBe(0.0744m);
        body.GetProperty("multiple").GetDecimal().ShouldBe(1.2m);
    }

    [Fact]
    public async Task A_social_impact_bond_that_pays_nothing_has_a_null_irr()
    {
        var body = await PostAsync("social-impact-bond", """
            { "investment": 5000000, "baselineRate": 0.6, "threshold": 0.1, "paymentPerOutcome": 30000, "cap": 6000000, "cohorts": [{ "year": 1, "size": 1000, "outcomeRate": 0.59 }] }
            """);

        body.GetProperty("irr").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetProperty("totalPaid").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Gain_share_answers_both_shapes_with_payment_and_saving_adding_up()
    {
        var groups = await PostAsync("gain-share", """
            { "control": { "costPerUser": 9000 }, "pilot": { "costPerUser": 8200, "users": 50 }, "providerInvestment": 25000, "providerShareAfterRecovery": 0.5 }
            """);
        var costs = await PostAsync("gain-share", """{ "baselineCost": 0.03, "actualCost": 0, "providerInvestment": 0, "providerShareAfterRecovery": 0.5 }""");

        (groups.GetProperty("savings").GetDecimal(), groups.GetProperty("investmentRecovered").GetDecimal(), groups.GetProperty("excessShared").GetDecimal(),
            groups.GetProperty("providerPayment").GetDecimal(), groups.GetProperty("councilNetSaving").GetDecimal())
            .ShouldBe((40_000m, 25_000m, 15_000m, 32_500m, 7_500m));

        // 3p shared half and half: the provider's 1.5p rounds to 2p and the council keeps the other 1p, not 2p.
        (costs.GetProperty("providerPayment").GetDecimal(), costs.GetProperty("councilNetSaving").GetDecimal()).ShouldBe((0.02m, 0.01m));
    }

    [Fact]
    public async Task Service_credits_answer_each_kpis_rating_and_the_capped_credit()
    {
        var body = await PostAsync("service-credits", """
            { "periodCharge": 100000, "capPercent": 10, "kpis": [
              { "id": "visits-on-time", "target": 95, "minimum": 90, "inadequate": 80, "actual": 96, "higherIsBetter": true, "creditPercentPerUnit": 1, "maxCreditPercent": 5 },
              { "id": "calls-answered", "target": 95, "minimum": 90, "actual": 93, "higherIsBetter": true, "creditPercentPerUnit": 1, "maxCreditPercent": 5 },
              { "id": "days-to-answer-complaints", "target": 10, "minimum": 15, "inadequate": 20, "actual": 17, "higherIsBetter": false, "creditPercentPerUnit": 0.5, "maxCreditPercent": 4 },
              { "id": "missed-visits", "target": 5, "minimum": 10, "inadequate": 20, "actual": 25, "higherIsBetter": false, "creditPercentPerUnit": 1, "maxCreditPercent": 6 } ] }
            """);

        body.GetProperty("kpis").EnumerateArray()
            .Select(k => (k.GetProperty("id").GetString(), k.GetProperty("shortfall").GetDecimal(), k.GetProperty("creditPercent").GetDecimal(), k.GetProperty("rating").GetString()))
            .ShouldBe([
                ("visits-on-time", 0m, 0m, "good"),
                ("calls-answered", 2m, 2m, "approaching target"),
                ("days-to-answer-complaints", 7m, 4m, "requires improvement"),
                ("missed-visits", 20m, 6m, "inadequate"),
            ]);
        (body.GetProperty("totalCreditPercent").GetDecimal(), body.GetProperty("credit").GetDecimal(), body.GetProperty("capApplied").GetBoolean()).ShouldBe((10m, 10_000m, true));
    }

    [Fact]
    public async Task An_indexed_price_answers_year_by_year_in_pence()
    {
        var body = await PostAsync("indexed-price", """{ "basePrice": 1234.56, "years": 3, "periodsPerYear": 12, "upliftRate": 0.03 }""");
        var indexed = await PostAsync("indexed-price", """{ "basePrice": 10000, "years": 2, "periodsPerYear": 4, "index": [{ "year": 1, "value": 120 }, { "year": 2, "value": 126 }] }""");

        body.GetProperty("years").EnumerateArray().Select(y => (y.GetProperty("pricePerPeriod").GetDecimal(), y.GetProperty("total").GetDecimal()))
            .ShouldBe([(1_234.56m, 14_814.72m), (1_271.60m, 15_259.20m), (1_309.74m, 15_716.88m)]);
        body.GetProperty("total").GetDecimal().ShouldBe(45_790.80m);
        indexed.GetProperty("years")[1].GetProperty("factor").GetDecimal().ShouldBe(1.05m);
        indexed.GetProperty("total").GetDecimal().ShouldBe(82_000m);
    }

    [Theory]
    [InlineData("payment-by-results", """{ "years": [{ "year": 1, "budget": 100, "outcomeShare": 1.2 }], "outcomes": [] }""", "years[0].outcomeShare")]
    [InlineData("payment-by-results", """{ "years": [{ "year": 1, "budget": -100, "outcomeShare": 0.2 }], "outcomes": [] }""", "years[0].budget")]
    [InlineData("payment-by-results", """{ "years": [{ "year": 1, "budget": 100, "outcomeShare": 0.2 }, { "year": 1, "budget": 100, "outcomeShare": 0.4 }], "outcomes": [] }""", "years[1].year")]
    [InlineData("payment-by-results", """{ "years": [{ "year": 1, "budget": 100, "outcomeShare": 0.2 }], "outcomes": [{ "id": "a", "rate": 1, "achieved": {} }, { "id": "a", "rate": 1, "achieved": {} }] }""", "outcomes[1].id")]
    [InlineData("payment-by-results", """{ "years": [{ "year": 1, "budget": 100, "outcomeShare": 0.2 }], "outcomes": [{ "id": "a", "rate": 1, "achieved": { "1": -3 } }] }""", "outcomes[0].achieved.1")]
    [InlineData("social-impact-bond", """{ "investment": 1, "baselineRate": 0.6, "threshold": 0.1, "paymentPerOutcome": 1, "cap": -1, "cohorts": [{ "year": 1, "size": 1, "outcomeRate": 0.5 }] }""", "cap")]
    [InlineData("social-impact-bond", """{ "investment": 1, "baselineRate": 0, "threshold": 0.1, "paymentPerOutcome": 1, "cap": 1, "cohorts": [{ "year": 1, "size": 1, "outcomeRate": 0.5 }] }""", "baselineRate")]
    [InlineData("social-impact-bond", """{ "investment": 1, "baselineRate": 0.6, "threshold": 1.1, "paymentPerOutcome": 1, "cap": 1, "cohorts": [{ "year": 1, "size": 1, "outcomeRate": 0.5 }] }""", "threshold")]
    [InlineData("social-impact-bond", """{ "investment": -1, "baselineRate": 0.6, "threshold": 0.1, "paymentPerOutcome": 1, "cap": 1, "cohorts": [{ "year": 1, "size": 1, "outcomeRate": 0.5 }] }""", "investment")]
    [InlineData("social-impact-bond", """{ "investment": 1, "baselineRate": 0.6, "threshold": 0.1, "paymentPerOutcome": 1, "cap": 1, "cohorts": [{ "year": 1, "size": 1, "outcomeRate": 0.5 }, { "year": 1, "size": 2, "outcomeRate": 0.5 }] }""", "cohorts[1].year")]
    [InlineData("gain-share", """{ "baselineCost": 10, "actualCost": 5, "control": { "costPerUser": 1 }, "pilot": { "costPerUser": 1, "users": 1 }, "providerInvestment": 0, "providerShareAfterRecovery": 0.5 }""", "control")]
    [InlineData("gain-share", """{ "providerInvestment": 0, "providerShareAfterRecovery": 0.5 }""", "baselineCost")]
    [InlineData("gain-share", """{ "baselineCost": 10, "actualCost": 5, "providerInvestment": 0, "providerShareAfterRecovery": -0.5 }""", "providerShareAfterRecovery")]
    [InlineData("service-credits", """{ "periodCharge": 100, "capPercent": 10, "kpis": [{ "id": "k", "target": 95, "minimum": 97, "actual": 96, "higherIsBetter": true, "creditPercentPerUnit": 1, "maxCreditPercent": 5 }] }""", "kpis[0].minimum")]
    [InlineData("service-credits", """{ "periodCharge": 100, "capPercent": 10, "kpis": [{ "id": "k", "target": 10, "minimum": 15, "inadequate": 12, "actual": 11, "higherIsBetter": false, "creditPercentPerUnit": 1, "maxCreditPercent": 5 }] }""", "kpis[0].inadequate")]
    [InlineData("service-credits", """{ "periodCharge": 100, "capPercent": -1, "kpis": [{ "id": "k", "target": 95, "minimum": 90, "actual": 96, "higherIsBetter": true, "creditPercentPerUnit": 1, "maxCreditPercent": 5 }] }""", "capPercent")]
    [InlineData("indexed-price", """{ "basePrice": 100, "years": 2, "upliftRate": 0.02, "index": [{ "year": 1, "value": 100 }, { "year": 2, "value": 102 }] }""", "index")]
    [InlineData("indexed-price", """{ "basePrice": 100, "years": 2, "index": [{ "year": 1, "value": 100 }, { "year": 1, "value": 102 }] }""", "index[1].year")]
    public async Task Bad_input_gets_a_400_naming_the_field(string name, string json, string field)
    {
        var problem = await ProblemAsync(name, json);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.GetRawText());
    }

    [Fact]
    public async Task The_payment_calculators_are_listed_and_documented_in_openapi()
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var list = await (await anonymous.GetPathAsync("/api/v1/calculators")).ReadJsonAsync();
        var document = await (await anonymous.GetPathAsync("/openapi/v1.json")).ReadJsonAsync();

        string[] names = ["payment-by-results", "social-impact-bond", "gain-share", "service-credits", "indexed-price"];
        list.GetProperty("calculators").EnumerateArray().Select(n => n.GetString()!).ToList().ShouldBe(
            ["options-appraisal", "sroi", "tender-evaluation", .. names, "lm3"]);
        foreach (var name in names)
        {
            var post = document.GetProperty("paths").GetProperty("/api/v1/calculators/" + name).GetProperty("post");
            post.GetProperty("description").GetString()!.ShouldContain("=");
        }
    }
}
