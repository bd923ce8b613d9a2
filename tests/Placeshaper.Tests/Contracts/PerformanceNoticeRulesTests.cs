using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Needs;
using Placeshaper.Specifications;

namespace Placeshaper.Tests.Contracts;

/// <summary>Contract performance notices: which contracts need them, when the next is due, and what a notice must say.</summary>
public sealed class PerformanceNoticeRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static Contract NewContract(decimal value)
    {
        var contract = Contract.Create(Guid.NewGuid(), new Contract.Details("C-1", "Test", "", null, "Supplier", null, null, value, value / 4, new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31)), Contract.Known.Nothing, Now).Value!;
        _ = contract.AddKpi(new("Repairs on time", "%", Polarity.HigherIsBetter, 95m, 90m, KpiFrequency.Monthly, "Helpdesk"), Now).Value!;
        _ = contract.AddKpi(new("Complaints", "complaints", Polarity.LowerIsBetter, 2m, 5m, KpiFrequency.Monthly, "Log"), Now).Value!;
        return contract;
    }

    private static PerformanceNotice.RatingInput Rate(Contract contract, int number, string rating, string? comment = null) =>
        new(contract.Kpis.Single(k => k.Number == number).Id, rating, comment);

    [Fact]
    public void Only_a_contract_over_five_million_with_kpis_needs_notices_and_the_next_is_due_twelve_months_after_the_last_period()
    {
        var large = NewContract(6_000_000m);
        var small = NewContract(5_000_000m);

        (PerformanceNotice.Required(large), PerformanceNotice.Required(small)).ShouldBe((true, false), "more than £5 million, as s.52(1) says");
        PerformanceNotice.NextDue(large, []).ShouldBe(new DateOnly(2025, 12, 31));
        var notice = PerformanceNotice.Publish(large, new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), [Rate(large, 1, "Good"), Rate(large, 2, "approaching target")]), null, Now).Value!;
        PerformanceNotice.NextDue(large, [notice]).ShouldBe(new DateOnly(2026, 12, 31));
        PerformanceNotice.NextDue(small, []).ShouldBeNull();
        notice.KpiRatings.Select(r => (r.Number, r.Rating)).ShouldBe([(1, "good"), (2, "approaching target")]);
        PerformanceNotice.Publish(small, new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), []), null, Now).Errors!.ByField.Keys.ShouldBe(["contract"]);
    }

    [Fact]
    public void A_notice_rates_every_kpi_with_the_regulations_ratings_over_at_most_twelve_months_that_have_passed()
    {
        var contract = NewContract(6_000_000m);

        var refused = PerformanceNotice.Publish(contract, new(new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 30), [Rate(contract, 1, "excellent")]), null, Now);
        var future = PerformanceNotice.Publish(contract, new(new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 31), [Rate(contract, 1, "good"), Rate(contract, 2, "good")]), null, Now);
        var other = PerformanceNotice.Publish(contract, new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), [Rate(contract, 1, "good"), Rate(contract, 2, "other")]), null, Now);

        refused.Errors!.ByField.Keys.ShouldBe(["periodStart", "periodEnd", "ratings[0].rating", $"ratings.{contract.Kpis.Single(k => k.Number == 2).Id}.rating"], ignoreOrder: true);
        future.Errors!.ByField.Keys.ShouldBe(["periodEnd"]);
        other.Errors!.ByField.Keys.ShouldBe(["ratings[1].comment"], ignoreOrder: false, customMessage: "other needs a reason");
    }

    [Fact]
    public void The_suggested_rating_is_the_performance_views_rating_of_the_latest_approved_value_in_the_period()
    {
        var contract = NewContract(6_000_000m);
        var repairs = contract.Kpis.Single(k => k.Number == 1);
        var officer = new KpiObservation.Actor(Guid.NewGuid(), null);
        KpiObservation Approved(DateOnly period, decimal value)
        {
            var o = KpiObservation.Submit(contract, new(repairs.Id, period, value, null), officer, "test", [], Now).Value!;
            o.Approve(officer, [], Now).ShouldBeNull();
            return o;
        }

        var suggested = PerformanceNotice.Suggested(contract, [Approved(new DateOnly(2025, 1, 1), 99m), Approved(new DateOnly(2025, 2, 1), 92m), Approved(new DateOnly(2026, 1, 1), 50m)],
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        suggested.ShouldBe(new Dictionary<Guid, string> { [repairs.Id] = "approaching target" });
    }
}
