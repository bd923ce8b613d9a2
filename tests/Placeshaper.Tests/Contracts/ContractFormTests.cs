using Placeshaper.Contracts;

namespace Placeshaper.Tests.Contracts;

/// <summary>The contract form's reading of what it shows on top of what it does not.</summary>
public sealed class ContractFormTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_form_shows_the_contracts_nature_changes_it_and_keeps_it_when_none_is_chosen()
    {
        var contract = Contract.Create(Guid.NewGuid(), new Contract.Details("C-1", "Resurfacing", "", null, "Supplier", null, null, 1_000_000m, null, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), Contract.Known.Nothing, Now).Value!;
        var problems = new List<string>();

        var form = ContractForm.From(contract);
        form.Nature.ShouldBe("Services");
        form.Nature = "Works";
        var works = form.Read(contract.ToDetails(), (field, _) => problems.Add(field));
        form.Nature = null;
        var kept = form.Read(contract.ToDetails() with { Nature = ContractNature.Goods }, (field, _) => problems.Add(field));

        (works.Nature, kept.Nature).ShouldBe((ContractNature.Works, ContractNature.Goods));
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_form_shows_the_service_category_changes_and_clears_it_and_an_unknown_code_is_refused_on_the_field()
    {
        var contract = Contract.Create(Guid.NewGuid(), new Contract.Details("C-2", "Community alarms", "", null, "Alarm Co", null, null, 100_000m, null, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31),
            ServiceCategory: "TELECARE"), Contract.Known.Nothing, Now).Value!;
        contract.ServiceCategory.ShouldBe("telecare");

        var form = ContractForm.From(contract);
        form.ServiceCategory.ShouldBe("telecare");
        form.ServiceCategory = "home-care";
        contract.Change(form.Read(contract.ToDetails(), (_, _) => { }), Contract.Known.Nothing, Now).ShouldBeNull();
        contract.ServiceCategory.ShouldBe("home-care");
        form.ServiceCategory = "";
        contract.Change(form.Read(contract.ToDetails(), (_, _) => { }), Contract.Known.Nothing, Now).ShouldBeNull();
        contract.ServiceCategory.ShouldBeNull();

        form.ServiceCategory = "gardening";
        var errors = contract.Change(form.Read(contract.ToDetails(), (_, _) => { }), Contract.Known.Nothing, Now);
        errors.ShouldNotBeNull().ByField.Keys.ToList().ShouldBe(["serviceCategory"]);
        contract.ServiceCategory.ShouldBeNull();
    }
}
