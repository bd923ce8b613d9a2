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
}
