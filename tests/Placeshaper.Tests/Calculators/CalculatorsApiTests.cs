using System.Text.Json;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Calculators;

/// <summary>The calculators read and keep nothing, so one database is enough to prove their HTTP contract.</summary>
public sealed class CalculatorsApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Appraisal = """
        {
          "scale": 10,
          "criteria": [{ "id": "quality", "weight": 60 }, { "id": "cost", "weight": 40 }],
          "options": [
            { "id": "in-house", "scores": { "quality": 8, "cost": 5 }, "costs": [{ "year": 0, "amount": 100000 }, { "year": 1, "amount": 500000 }, { "year": 2, "amount": 500000 }] },
            { "id": "outsource", "scores": { "quality": 6, "cost": 9 } },
            { "id": "mutual", "scores": { "quality": 5, "cost": 5 } }
          ]
        }
        """;

    [Fact]
    public async Task Options_appraisal_answers_anyone_with_scores_ranks_costs_and_sensitivity()
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var body = await (await anonymous.PostRawJsonAsync("/api/v1/calculators/options-appraisal", Appraisal)).ReadJsonAsync();

        var options = body.GetProperty("options").EnumerateArray().ToList();
        options.Select(o => (o.GetProperty("id").GetString(), o.GetProperty("weightedScore").GetDecimal(), o.GetProperty("rank").GetInt32()))
            .ShouldBe([("in-house", 68m, 2), ("outsource", 72m, 1), ("mutual", 50m, 3)]);
        options[0].GetProperty("npvCost").GetDecimal().ShouldBe(1_049_847.14m);
        options[1].GetProperty("npvCost").ValueKind.ShouldBe(JsonValueKind.Null);
        var quality = body.GetProperty("sensitivity")[0];
        quality.GetProperty("criterion").GetString().ShouldBe("quality");
        quality.GetProperty("weightChangeToChangeLeader").GetDecimal().ShouldBe(6.67m);
        quality.GetProperty("newLeader").GetString().ShouldBe("in-house");
    }

    [Fact]
    public async Task Sroi_answers_with_present_value_and_a_four_place_ratio()
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var body = await (await anonymous.PostRawJsonAsync("/api/v1/calculators/sroi", """
            { "investment": 100000, "discountRate": 0.035, "outcomes": [
              { "id": "fewer-gp-visits", "annualValue": 50000, "years": 3, "deadweight": 0.2, "attribution": 0.1, "displacement": 0.05, "dropOff": 0.25 } ] }
            """)).ReadJsonAsync();

        body.GetProperty("presentValue").GetDecimal().ShouldBe(74_339.15m);
        body.GetProperty("ratio").GetDecimal().ShouldBe(0.7434m);
        body.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("value").GetDecimal()).ShouldBe([34_200m, 25_650m, 19_237.5m]);
    }

    [Fact]
    public async Task Tender_evaluation_answers_with_the_contracts_fields()
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var body = await (await anonymous.PostRawJsonAsync("/api/v1/calculators/tender-evaluation", """
            { "weights": { "price": 50, "quality": 40, "socialValue": 10 }, "maxScore": 5,
              "qualityQuestions": [{ "id": "q1", "weight": 60 }, { "id": "q2", "weight": 40 }],
              "socialValueQuestions": [{ "id": "sv1", "weight": 100 }], "abnormallyLowRatio": 0.8,
              "bids": [
                { "bidder": "Alpha", "price": 100000, "quality": { "q1": 4, "q2": 3 }, "socialValue": { "sv1": 5 } },
                { "bidder": "Brightside", "price": 80000, "quality": { "q1": 3, "q2": 3 }, "socialValue": { "sv1": 2 } },
                { "bidder": "Carewell", "price": 120000, "quality": { "q1": 5, "q2": 5 }, "socialValue": { "sv1": 4 } } ] }
            """)).ReadJsonAsync();

        body.GetProperty("bids").EnumerateArray()
            .Select(b => (b.GetProperty("bidder").GetString(), b.GetProperty("priceScore").GetDecimal(), b.GetProperty("total").GetDecimal(), b.GetProperty("rank").GetInt32(), b.GetProperty("abnormallyLow").GetBoolean()))
            .ShouldBe([("Alpha", 40m, 78.8m, 2, false), ("Brightside", 50m, 78m, 3, true), ("Carewell", 33.33m, 81.33m, 1, false)]);
    }

    [Theory]
    [InlineData("""{ "weights": { "price": 50, "quality": 40, "socialValue": 10 }, "maxScore": 5, "qualityQuestions": [{ "id": "q", "weight": 100 }], "socialValueQuestions": [{ "id": "s", "weight": 100 }], "bids": [{ "bidder": "A", "price": -1, "quality": { "q": 1 }, "socialValue": { "s": 1 } }] }""", "bids[0].price")]
    [InlineData("""{ "weights": { "price": 50, "quality": 40, "socialValue": 10 }, "maxScore": 5, "qualityQuestions": [{ "id": "q", "weight": 100 }], "socialValueQuestions": [{ "id": "s", "weight": 100 }], "bids": [{ "bidder": "A", "price": 1, "quality": { "q": 1 }, "socialValue": { "s": 1 } }, { "bidder": "A", "price": 2, "quality": { "q": 1 }, "socialValue": { "s": 1 } }] }""", "bids[1].bidder")]
    public async Task Bad_tender_evaluations_get_a_400_naming_the_field(string json, string field)
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var problem = await (await anonymous.PostRawJsonAsync("/api/v1/calculators/tender-evaluation", json)).ShouldBeProblemAsync(400);

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.GetRawText());
    }

    [Theory]
    [InlineData("""{ "scale": 10, "criteria": [{ "id": "q", "weight": 90 }], "options": [{ "id": "a", "scores": { "q": 5 } }] }""", "criteria")]
    [InlineData("""{ "scale": 10, "criteria": [{ "id": "q", "weight": 100 }], "options": [{ "id": "a", "scores": { "q": 12 } }] }""", "options[0].scores.q")]
    [InlineData("""{ "scale": 10, "criteria": [{ "id": "q", "weight": 100 }], "options": [{ "id": "a", "scores": {} }] }""", "options[0].scores.q")]
    [InlineData("""{ "scale": 10, "criteria": [{ "id": "q", "weight": 100 }], "options": [{ "id": "a", "scores": { "q": 5 } }], "discountRate": -0.1 }""", "discountRate")]
    [InlineData("""{ "scale": 10, "criteria": [], "options": [] }""", "options")]
    [InlineData("""{ "scale": 10, "criteria": [{ "id": "q", "weight": "lots" }], "options": [] }""", "criteria")]
    public async Task Bad_appraisals_get_a_400_naming_the_field(string json, string field)
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var problem = await (await anonymous.PostRawJsonAsync("/api/v1/calculators/options-appraisal", json)).ShouldBeProblemAsync(400);

        problem.GetRawText().ShouldContain(field);
    }

    [Fact]
    public async Task An_unknown_calculator_is_a_problem_listing_the_real_ones()
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var problem = await (await anonymous.PostRawJsonAsync("/api/v1/calculators/crystal-ball", "{}")).ShouldBeProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain("options-appraisal, sroi, tender-evaluation");
    }

    [Fact]
    public async Task The_calculators_contract_is_in_the_openapi_document()
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();

        var document = await (await anonymous.GetPathAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/calculators/options-appraisal", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/calculators/sroi", out _).ShouldBeTrue();
    }
}
