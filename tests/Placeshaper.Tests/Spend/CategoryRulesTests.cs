using Placeshaper.Providers;
using Placeshaper.Spend;
using Placeshaper.Tenders;

namespace Placeshaper.Tests.Spend;

/// <summary>The CPV list, expense-type mappings, spend by category and public bodies by name.</summary>
public sealed class CategoryRulesTests
{
    [Fact]
    public void The_CPV_2008_list_is_shipped_whole_and_finds_a_code_with_or_without_its_check_digit()
    {
        CpvCodes.Count.ShouldBe(9454, "every row of cpv-2008-codes-en.csv");
        CpvCodes.Find("90911200")!.ShouldBe(new CpvCodes.Code("90911200-8", "Building-cleaning services"));
        CpvCodes.Find("90911200-8")!.Value.ShouldBe("90911200-8");
        CpvCodes.Find(" 90911200 - 8 ")!.Value.ShouldBe("90911200-8");
        CpvCodes.Find("90911200-1").ShouldBeNull("the check digit is not this code's");
        CpvCodes.Find("9091120").ShouldBeNull("seven digits");
        CpvCodes.Find("99999999").ShouldBeNull("not in the list");
        CpvCodes.Find("ABCDEFGH").ShouldBeNull();
        CpvCodes.Find(null).ShouldBeNull();
        CpvCodes.DivisionOf(CpvCodes.Find("90911200")!)!.ShouldBe(new CpvCodes.Code("90000000-7", "Sewage, refuse, cleaning and environmental services"));
    }

    [Fact]
    public void A_mapping_is_keyed_by_the_expense_type_normalised_and_checks_its_codes()
    {
        SpendCategory.Key("  Agency   staff ").ShouldBe("AGENCY STAFF");
        SpendCategory.Key("AGENCY STAFF").ShouldBe(SpendCategory.Key("agency staff"));

        var good = SpendCategory.Check(" Cleaning  contracts ", "90911200", " CL.01 ", "Cleaning");
        good.Succeeded.ShouldBeTrue();
        good.Value.ShouldBe(("CLEANING CONTRACTS", "Cleaning contracts", CpvCodes.Find("90911200-8"), "CL.01", "Cleaning"));

        var bad = SpendCategory.Check("Cleaning", "90911201", new string('X', SpendCategory.MaxProClassCode + 1), null, "mappings[2].");
        bad.Succeeded.ShouldBeFalse();
        bad.Errors.ByField.Keys.ShouldBe(["mappings[2].cpvCode", "mappings[2].proClassCode"], ignoreOrder: true);
        SpendCategory.Check("  ", null, null, null).Errors!.ByField.Keys.ShouldBe(["expenseType"]);
        SpendCategory.Check("Cleaning", null, null, null).Succeeded.ShouldBeTrue("no codes at all removes a mapping");
    }

    [Fact]
    public void Spend_by_category_applies_the_mapping_and_keeps_unmapped_spend_as_its_own_row_so_the_tables_add_up()
    {
        var now = DateTime.UtcNow;
        var organisation = Guid.NewGuid();
        var cleaning = SpendCategory.For(organisation, "CLEANING", "Cleaning");
        cleaning.Set("Cleaning", CpvCodes.Find("90911200"), "CL.01", "Cleaning", now);
        var refuse = SpendCategory.For(organisation, "REFUSE COLLECTION", "Refuse collection");
        refuse.Set("Refuse collection", CpvCodes.Find("90511000"), null, null, now);
        var mappings = new Dictionary<string, SpendCategory> { [cleaning.ExpenseKey] = cleaning, [refuse.ExpenseKey] = refuse };

        var (divisions, codes, proClass) = SpendAnalytics.Categories(
            [("cleaning", 10_000L, 2L), ("Refuse  Collection", 25_000L, 3L), ("Stationery", 7_000L, 1L), ("", 1_000L, 1L)], mappings);

        divisions.ShouldBe([new("90000000-7", "Sewage, refuse, cleaning and environmental services", 3.50m, 5), new(null, SpendAnalytics.NotMapped, 0.80m, 2)]);
        codes.Select(c => (c.Code, c.Amount, c.Payments)).ShouldBe([("90511000-2", 2.50m, 3L), ("90911200-8", 1.00m, 2L), (null, 0.80m, 2L)]);
        proClass.Select(c => (c.Code, c.Name, c.Amount)).ShouldBe([("CL.01", "Cleaning", 1.00m), (null, SpendAnalytics.NotMapped, 3.30m)]);
        foreach (var table in new[] { divisions, codes, proClass })
        {
            table.Sum(c => c.Amount).ShouldBe(4.30m, "every table adds up to the total");
        }
    }

    [Theory]
    [InlineData("Cabinet Office", "government organisations")]
    [InlineData("HM REVENUE & CUSTOMS", "government organisations")]
    [InlineData("Companies House", "government organisations")]
    [InlineData("DEVON COUNTY COUNCIL", "local authorities in England")]
    [InlineData("Buckinghamshire Council", "local authorities in England")]
    [InlineData("Shetland Islands Council", "local authorities in Scotland")]
    [InlineData("Ards and North Down Borough Council", "local authorities in Northern Ireland")]
    public void Public_bodies_are_found_by_name_in_the_GOV_UK_registers(string name, string register) =>
        PublicBodies.Find(NameNormaliser.Normalise(name))!.Register.ShouldBe(register);

    [Theory]
    [InlineData("Devon")]
    [InlineData("Cabinet")]
    [InlineData("Acme Cleaning Ltd")]
    [InlineData("")]
    public void A_name_that_is_not_a_public_body_is_not_found(string name) =>
        PublicBodies.Find(NameNormaliser.Normalise(name)).ShouldBeNull();

    [Fact]
    public void A_public_body_found_in_the_registers_is_public_sector_and_never_SME_or_VCSE()
    {
        var locality = new SupplierClassifier.Locality(LocalDefinitionKind.OwnArea, new Dictionary<string, string>(), null, null, "the organisation's area");
        SupplierClassifier.Classification Classify(string name) =>
            SupplierClassifier.Classify(new SupplierFacts(NameNormaliser.Normalise(name), name, null, null, null, 1m, 1), null, locality, new Dictionary<string, SupplierClassifier.Place>());

        var cabinet = Classify("Cabinet Office");
        (cabinet.IsPublicSector, cabinet.IsSme, cabinet.IsVcse).ShouldBe((true, false, false), "no public-sector word in the name: found in the register");
        var charityCommission = Classify("The Charity Commission");
        (charityCommission.IsPublicSector, charityCommission.IsVcse).ShouldBe((true, false), "CHARITY in its name does not make a regulator a VCSE");
        Classify("Companies House - Cardiff Branch").IsPublicSector.ShouldBeTrue("a branch after the name");
        var vcse = Classify("Cabinet Makers Charity");
        (vcse.IsPublicSector, vcse.IsVcse).ShouldBe((false, true));
    }
}
