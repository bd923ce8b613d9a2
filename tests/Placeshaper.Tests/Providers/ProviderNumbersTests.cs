using Placeshaper.Providers;

namespace Placeshaper.Tests.Providers;

public sealed class ProviderNumbersTests
{
    [Theory]
    [InlineData("02050843", "02050843")]
    [InlineData("2050843", "02050843")]
    [InlineData(" 12778855 ", "12778855")]
    [InlineData("sc606050", "SC606050")]
    [InlineData("SC1234", "SC001234")]
    [InlineData("NI661353", "NI661353")]
    [InlineData("OC 123456", "OC123456")]
    [InlineData("FC031362", "FC031362")]
    [InlineData("CE000952", "CE000952")]
    [InlineData("R0000316", "R0000316")]
    public void Companies_House_numbers_are_written_in_full(string text, string expected) =>
        ProviderNumbers.CompanyNumber(text).ShouldBe((expected, null));

    [Theory]
    [InlineData("123456789")]
    [InlineData("SC1234567")]
    [InlineData("S1234567X")]
    [InlineData("00000000")]
    [InlineData("ABC12345")]
    [InlineData("R123")]
    public void Other_text_is_not_a_Companies_House_number(string text)
    {
        var (value, problem) = ProviderNumbers.CompanyNumber(text);

        value.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("is not a Companies House number");
    }

    [Theory]
    [InlineData("1002459", "1002459")]
    [InlineData("206658", "206658")]
    [InlineData("99000201", "99000201")]
    [InlineData("1002459-1", "1002459-1")]
    [InlineData("1002459/12", "1002459-12")]
    [InlineData("sc039635", "SC039635")]
    [InlineData("NIC 101731", "NIC101731")]
    public void Charity_numbers_of_the_three_UK_registers_are_read(string text, string expected) =>
        ProviderNumbers.CharityNumber(text).ShouldBe((expected, null));

    [Theory]
    [InlineData("12345")]
    [InlineData("123456789")]
    [InlineData("1002459-")]
    [InlineData("SC12345")]
    [InlineData("NI101731")]
    public void Other_text_is_not_a_charity_number(string text) =>
        ProviderNumbers.CharityNumber(text).Value.ShouldBeNull();

    [Theory]
    [InlineData("GB123456789", "GB123456789")]
    [InlineData("gb 123 4567 89", "GB123456789")]
    [InlineData("123456789", "GB123456789")]
    [InlineData("GB123456789012", "GB123456789012")]
    public void VAT_numbers_are_GB_and_9_or_12_digits(string text, string expected) =>
        ProviderNumbers.VatNumber(text).ShouldBe((expected, null));

    [Theory]
    [InlineData("GB12345678")]
    [InlineData("GB1234567890")]
    [InlineData("IE1234567X")]
    public void Other_text_is_not_a_VAT_number(string text) =>
        ProviderNumbers.VatNumber(text).Problem.ShouldNotBeNull().ShouldContain("is not a UK VAT number");

    [Theory]
    [InlineData("ls102ru", "LS10 2RU")]
    [InlineData("EC1V 9LT", "EC1V 9LT")]
    [InlineData("sw1a  1aa", "SW1A 1AA")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("GY1 1EW", "GY1 1EW")]
    [InlineData("AT1 3CC", "AT1 3CC")]
    public void Postcodes_are_written_as_the_ONS_writes_them(string text, string expected) =>
        ProviderNumbers.Postcode(text).ShouldBe((expected, null));

    [Theory]
    [InlineData("LS10")]
    [InlineData("75008")]
    [InlineData("1AB 2CD")]
    [InlineData("LS10 2R")]
    public void Other_text_is_not_a_postcode(string text) =>
        ProviderNumbers.Postcode(text).Problem.ShouldNotBeNull().ShouldContain("is not a full UK postcode");

    [Theory]
    [InlineData("78300 - Human resources provision and management of human resources functions", "78300")]
    [InlineData("88100", "88100")]
    public void SIC_codes_are_the_five_digits_Companies_House_lists(string text, string expected) =>
        ProviderNumbers.SicCode(text).ShouldBe((expected, null));

    [Fact]
    public void A_provider_is_refused_with_every_field_at_fault_named()
    {
        var checkedDetails = new ProviderDetails("", null, CompanyNumber: "123456789", CharityNumber: "1", VatNumber: "GB1", RegisteredPostcode: "nowhere", Staff: -1, Turnover: -5m, BalanceSheetTotal: 1.005m, SicCodes: ["1234"]).Check();

        checkedDetails.Succeeded.ShouldBeFalse();
        checkedDetails.Errors!.ByField.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["balanceSheetTotal", "charityNumber", "companyNumber", "legalForm", "name", "registeredPostcode", "sicCodes", "staff", "turnover", "vatNumber"]);
    }

    [Fact]
    public void VCSE_is_suggested_by_the_legal_form_when_a_person_does_not_say()
    {
        new ProviderDetails("A", LegalForm.CommunityInterestCompany).Check().Value!.IsVcse.ShouldBeTrue();
        new ProviderDetails("A", LegalForm.CooperativeOrMutual).Check().Value!.IsVcse.ShouldBeTrue();
        new ProviderDetails("A", LegalForm.Company).Check().Value!.IsVcse.ShouldBeFalse();
        new ProviderDetails("A", LegalForm.Charity, IsVcse: false).Check().Value!.IsVcse.ShouldBeFalse("a person's judgement stands");
    }

    [Theory]
    [InlineData("Private Limited Company", LegalForm.Company)]
    [InlineData("PRI/LTD BY GUAR/NSC (Private, limited by guarantee, no share capital)", LegalForm.Company)]
    [InlineData("Community Interest Company", LegalForm.CommunityInterestCompany)]
    [InlineData("Charitable Incorporated Organisation", LegalForm.CharitableIncorporatedOrganisation)]
    [InlineData("Scottish Charitable Incorporated Organisation", LegalForm.CharitableIncorporatedOrganisation)]
    [InlineData("Registered Society", LegalForm.CooperativeOrMutual)]
    [InlineData("Limited Liability Partnership", LegalForm.Partnership)]
    [InlineData("Other company type", LegalForm.Company)]
    public void Companies_House_categories_map_to_legal_forms(string category, LegalForm form) =>
        LegalForms.FromCompanyCategory(category).ShouldBe(form);
}
