using Placeshaper.Spend;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

public sealed class LocalMultiplierTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Round_three_comes_from_the_suppliers_surveys_or_one_share_for_all()
    {
        var one = LocalMultiplier.Calculate(new(1_000_000m, 400_000m, 0.25m)).Value!;
        one.ShouldBe(new LocalMultiplier.Result(1_000_000m, 400_000m, 100_000m, 1.5m));

        var surveyed = LocalMultiplier.Calculate(new(1_000m, 333.33m, Suppliers: [new(200m, 0.5m), new(133.33m, 0.1m)])).Value!;
        (surveyed.Round3, surveyed.Lm3).ShouldBe((113.33m, 1.4467m));
    }

    [Fact]
    public async Task The_lm3_calculator_answers_anyone_and_refuses_bad_input_naming_the_field()
    {
        app.RequireDatabase();
        using var api = app.Anonymous();

        var body = await (await api.PostRawJsonAsync("/api/v1/calculators/lm3", """{ "round1": 1000000, "localSupplierSpend": 400000, "localRespendShare": 0.25 }""")).ReadJsonAsync();
        (body.GetProperty("round2").GetDecimal(), body.GetProperty("round3").GetDecimal(), body.GetProperty("lm3").GetDecimal()).ShouldBe((400000m, 100000m, 1.5m));

        var problem = await (await api.PostRawJsonAsync("/api/v1/calculators/lm3", """{ "round1": 1000, "localSupplierSpend": 10, "suppliers": [{ "amount": 5, "localRespendShare": 1.5 }] }""")).ShouldBeProblemAsync(400);
        problem.GetProperty("errors").TryGetProperty("suppliers[0].localRespendShare", out _).ShouldBeTrue();
        (await (await api.PostRawJsonAsync("/api/v1/calculators/lm3", """{ "localSupplierSpend": 10, "localRespendShare": 0.2 }""")).ShouldBeProblemAsync(400))
            .GetProperty("errors").TryGetProperty("round1", out _).ShouldBeTrue();
    }
}
