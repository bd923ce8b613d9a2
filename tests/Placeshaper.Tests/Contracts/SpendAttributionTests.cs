using Placeshaper.Contracts.Delivery;

namespace Placeshaper.Tests.Contracts;

/// <summary>Which of a provider's contracts a spend payment paid: only when the payment names it, or the provider had no other live contract that day.</summary>
public sealed class SpendAttributionTests
{
    private static readonly SpendAttribution.ProviderContract Cleaning = new(Guid.NewGuid(), "ANYTOWN-2023-007", new DateOnly(2023, 4, 1), new DateOnly(2027, 3, 31));
    private static readonly SpendAttribution.ProviderContract Repairs = new(Guid.NewGuid(), "ANYTOWN-2025-011", new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30));

    private static SpendAttribution.Payment On(int year, int month, int day, string text = "Monthly charge") => new(1, new DateOnly(year, month, day), 100m, text);

    [Fact]
    public void The_only_live_contract_on_the_payment_date_takes_a_payment_that_names_none()
    {
        var attribution = SpendAttribution.Attribute(On(2025, 6, 15), [Cleaning, Repairs]);
        attribution.ContractId.ShouldBe(Cleaning.Id);
        attribution.Reason.ShouldContain("only live contract");
    }

    [Fact]
    public void Two_live_contracts_and_no_reference_leave_the_payment_unattributed()
    {
        var attribution = SpendAttribution.Attribute(On(2026, 1, 15), [Cleaning, Repairs]);
        attribution.ContractId.ShouldBeNull();
        attribution.Reason.ShouldContain("2 live contracts");
    }

    [Theory]
    [InlineData("Invoice anytown-2025-011/01")]
    [InlineData("ANYTOWN-2025-011")]
    [InlineData("PO ANYTOWN-2025-011, January")]
    public void A_payment_naming_one_contract_is_that_contracts_even_when_another_is_live(string text)
    {
        SpendAttribution.Attribute(On(2026, 1, 15, text), [Cleaning, Repairs]).ContractId.ShouldBe(Repairs.Id);
    }

    [Fact]
    public void A_payment_naming_a_contract_outside_its_dates_is_still_that_contracts()
    {
        SpendAttribution.Attribute(On(2026, 12, 1, "Final invoice ANYTOWN-2025-011"), [Cleaning, Repairs]).ContractId.ShouldBe(Repairs.Id);
    }

    [Theory]
    [InlineData("Invoice ANYTOWN-2025-0110")]
    [InlineData("XANYTOWN-2025-011")]
    public void A_longer_token_is_another_reference_not_this_one(string text)
    {
        SpendAttribution.Names(text, Repairs.Reference).ShouldBeFalse();
        SpendAttribution.Attribute(On(2026, 1, 15, text), [Cleaning, Repairs]).ContractId.ShouldBeNull();
    }

    [Fact]
    public void A_payment_naming_two_contracts_is_unattributed()
    {
        var attribution = SpendAttribution.Attribute(On(2026, 1, 15, "ANYTOWN-2023-007 and ANYTOWN-2025-011"), [Cleaning, Repairs]);
        (attribution.ContractId, attribution.Reason.Contains("names 2", StringComparison.Ordinal)).ShouldBe((null, true));
    }

    [Fact]
    public void No_live_contract_leaves_the_payment_unattributed()
    {
        SpendAttribution.Attribute(On(2022, 1, 15), [Cleaning, Repairs]).ContractId.ShouldBeNull();
        SpendAttribution.Attribute(On(2026, 1, 15), []).ContractId.ShouldBeNull();
    }

    [Fact]
    public void A_contract_ends_on_its_termination_date()
    {
        var terminated = Cleaning with { End = new DateOnly(2025, 9, 30) };
        SpendAttribution.Attribute(On(2025, 9, 30), [terminated, Repairs]).ContractId.ShouldBe(terminated.Id);
        SpendAttribution.Attribute(On(2025, 10, 2), [terminated, Repairs]).ContractId.ShouldBe(Repairs.Id);
    }
}
