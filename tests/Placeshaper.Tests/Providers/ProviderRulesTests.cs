using Placeshaper.Providers;

namespace Placeshaper.Tests.Providers;

public sealed class ProviderRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Council = Guid.NewGuid();

    private static ProviderDuplicates.Identity Id(string name, string? company = null, string? charity = null, string? vat = null) =>
        new(Guid.NewGuid(), name, NameNormaliser.Normalise(name), company, charity, vat);

    private static Provider Make(string name, LegalForm form = LegalForm.Company, bool consortium = false) =>
        Provider.Register(Council, new ProviderDetails(name, form, IsConsortium: consortium).Check().Value!, Now);

    [Fact]
    public void A_shared_registration_number_makes_a_duplicate_whatever_the_name()
    {
        var existing = Id("Brightside Family Support", charity: "1002459");

        var duplicate = ProviderDuplicates.Find(Id("Brightside Trust", charity: "1002459") with { Id = null }, [existing]);

        duplicate.ShouldNotBeNull();
        duplicate.Field.ShouldBe("charityNumber");
        duplicate.ExistingId.ShouldBe(existing.Id);
        duplicate.ToString().ShouldBe("Brightside Family Support is already in the register: it has the same charity number (1002459)");
    }

    [Fact]
    public void The_same_normalised_name_is_a_duplicate_unless_a_number_tells_them_apart()
    {
        var existing = Id("! LIMITED", company: "12778855");

        ProviderDuplicates.Find(Id("Brightside Family Support Ltd") with { Id = null }, [Id("The Brightside Family Support")]).ShouldNotBeNull().Field.ShouldBe("name");
        ProviderDuplicates.Find(Id("! LIMITED", company: "08209948") with { Id = null }, [existing]).ShouldBeNull("different company numbers: two companies");
        ProviderDuplicates.Find(Id("! Limited") with { Id = null }, [existing]).ShouldNotBeNull("no number to tell them apart");
    }

    [Fact]
    public void A_provider_is_not_a_duplicate_of_itself()
    {
        var self = Id("Riverside Home Care Ltd", company: "99000401");

        ProviderDuplicates.Find(self, [self]).ShouldBeNull();
    }

    [Fact]
    public void A_consortium_has_at_most_one_lead_and_does_not_nest()
    {
        var consortium = Make("Anytown Care Partnership", LegalForm.Partnership, consortium: true);
        var cic = Make("Anytown Community Care CIC", LegalForm.CommunityInterestCompany);
        var charity = Make("Brightside Family Support", LegalForm.Charity);
        var other = Make("Othertown Alliance", LegalForm.Partnership, consortium: true);

        consortium.SetMember(cic, isLead: true, Now).Succeeded.ShouldBeTrue();
        consortium.SetMember(charity, isLead: true, Now).Succeeded.ShouldBeTrue();

        consortium.Members.Single(m => m.IsLead).MemberId.ShouldBe(charity.Id);
        consortium.Members.Count.ShouldBe(2);
        consortium.SetMember(consortium, false, Now).Errors!.ByField["memberId"].ShouldBe(["A consortium cannot be a member of itself"]);
        consortium.SetMember(other, false, Now).Errors!.ByField["memberId"][0].ShouldContain("is a consortium itself");
        cic.SetMember(charity, false, Now).Errors!.ByField["memberId"][0].ShouldContain("is not a consortium");
    }

    [Fact]
    public void A_consortium_with_members_cannot_stop_being_one()
    {
        var consortium = Make("Anytown Care Partnership", LegalForm.Partnership, consortium: true);
        consortium.SetMember(Make("Riverside Home Care Ltd"), false, Now);

        var changed = consortium.Change(new ProviderDetails("Anytown Care Partnership", LegalForm.Partnership).Check().Value!, Now);

        changed.Errors!.ByField.Keys.ShouldBe(["isConsortium"]);
        consortium.IsConsortium.ShouldBeTrue();
    }

    [Fact]
    public void A_change_to_nothing_new_is_no_change()
    {
        var provider = Provider.Register(Council, new ProviderDetails("Riverside Home Care Ltd", LegalForm.Company, Turnover: 1_000m).Check().Value!, Now);

        provider.Change(new ProviderDetails("Riverside Home Care Ltd", LegalForm.Company, Turnover: 1_000.00m).Check().Value!, Now.AddDays(1)).Value.ShouldBeFalse();
        provider.UpdatedAt.ShouldBeNull();
        provider.Change(new ProviderDetails("Riverside Home Care Ltd", LegalForm.Company, Turnover: 1_001m).Check().Value!, Now.AddDays(1)).Value.ShouldBeTrue();
        provider.UpdatedAt.ShouldBe(Now.AddDays(1));
    }

    private static readonly Dictionary<string, string> Anytown = new() { ["E06009001"] = "Anytown" };

    [Fact]
    public void A_provider_is_local_when_its_registered_or_trading_postcode_is_in_the_authority()
    {
        var directory = new Dictionary<string, string?> { ["AT3 9NG"] = "E06009001", ["OT4 1NF"] = "E06009002" };

        var local = ProviderLocality.Decide([("registered", "OT4 1NF"), ("trading", "AT3 9NG")], directory, Anytown);
        var away = ProviderLocality.Decide([("registered", "OT4 1NF")], directory, Anytown);

        local.IsLocal.ShouldBe(true);
        local.Reason.ShouldBe("Local: the trading postcode AT3 9NG is in Anytown");
        away.IsLocal.ShouldBe(false);
    }

    [Fact]
    public void Locality_is_unknown_without_a_postcode_the_directory_knows_or_an_authority_area()
    {
        var directory = new Dictionary<string, string?> { ["OT4 1NF"] = "E06009002" };

        ProviderLocality.Decide([("registered", "OT4 1NF"), ("trading", "ZZ9 9ZZ")], directory, Anytown).IsLocal.ShouldBeNull("the trading postcode might be in the area");
        ProviderLocality.Decide([], directory, Anytown).Reason.ShouldBe("Not known: no postcode recorded");
        ProviderLocality.Decide([("registered", "OT4 1NF")], directory, new Dictionary<string, string>()).IsLocal.ShouldBeNull();
    }
}
