using Placeshaper.Providers;

namespace Placeshaper.Tests.Providers;

public sealed class NameNormaliserTests
{
    [Theory]
    [InlineData("The Brightside Family Support Ltd.", "BRIGHTSIDE FAMILY SUPPORT")]
    [InlineData("BRIGHTSIDE FAMILY SUPPORT LIMITED", "BRIGHTSIDE FAMILY SUPPORT")]
    [InlineData("brightside   family support", "BRIGHTSIDE FAMILY SUPPORT")]
    [InlineData("Northgate Facilities PLC", "NORTHGATE FACILITIES")]
    [InlineData("Northgate Facilities Public Limited Company", "NORTHGATE FACILITIES")]
    [InlineData("Smith & Sons", "SMITH AND SONS")]
    [InlineData("Smith and Sons Ltd", "SMITH AND SONS")]
    [InlineData("Anytown Community Care C.I.C.", "ANYTOWN COMMUNITY CARE")]
    [InlineData("A.K. Welding Service Ltd", "AK WELDING SERVICE")]
    [InlineData("\"A.K.WELDING SERVICE\" LTD", "AK WELDING SERVICE")]
    [InlineData("ABF The Soldiers' Charity", "ABF SOLDIERS CHARITY")]
    [InlineData("Àban Outdoor Ltd", "ABAN OUTDOOR")]
    [InlineData("J. Bloggs T/A Bloggs Gardening", "J BLOGGS")]
    [InlineData("Jo Bloggs trading as Bloggs Gardening", "JO BLOGGS")]
    [InlineData("Limited Edition Ltd", "LIMITED EDITION")]
    [InlineData("The Ltd Company", "LTD COMPANY")]
    [InlineData("!", "!")]
    [InlineData("", "")]
    public void Names_written_differently_reduce_to_one_form(string name, string expected) =>
        NameNormaliser.Normalise(name).ShouldBe(expected);

    [Fact]
    public void A_trading_name_is_kept_apart_for_matching()
    {
        NameNormaliser.TradingName("J. Bloggs T/A Bloggs Gardening Ltd").ShouldBe("BLOGGS GARDENING");
        NameNormaliser.TradingName("Bloggs Gardening").ShouldBeNull();
    }

    [Fact]
    public void Different_names_stay_different()
    {
        NameNormaliser.Normalise("!NSPIRED LTD").ShouldNotBe(NameNormaliser.Normalise("!NSPIRED INVESTMENTS LTD"));
        NameNormaliser.Normalise("!OBAC LIMITED").ShouldNotBe(NameNormaliser.Normalise("!OBAC UK LIMITED"));
        NameNormaliser.Normalise("Riverside Care").ShouldNotBe(NameNormaliser.Normalise("Riverside Home Care"));
    }
}
