using Microsoft.Extensions.Configuration;
using Placeshaper.Tenders.Publication;

namespace Placeshaper.Tests.Tenders.Publication;

public sealed class OcdsSettingsTests
{
    private static OcdsSettings From(params (string Key, string Value)[] values) =>
        OcdsSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => $"Placeshaper:Ocds:{v.Key}", v => (string?)v.Value)).Build());

    [Fact]
    public void Unset_settings_use_the_unregistered_prefix_the_Open_Government_Licence_and_no_policy()
    {
        var settings = From();

        settings.Prefix.ShouldBe("ocds-placeshaper");
        settings.License.ShouldBe(OcdsPackage.OpenGovernmentLicence);
        settings.PublicationPolicy.ShouldBeNull();
    }

    [Fact]
    public void A_council_sets_its_registered_prefix_and_policy()
    {
        var settings = From(("Prefix", "ocds-213czf"), ("PublicationPolicy", "https://anytown.example/open-data/policy"));

        (settings.Prefix, settings.PublicationPolicy!.AbsoluteUri).ShouldBe(("ocds-213czf", "https://anytown.example/open-data/policy"));
    }

    [Theory]
    [InlineData("Prefix", "anytown")]
    [InlineData("Prefix", "ocds-213 czf")]
    [InlineData("Prefix", "ocds-")]
    [InlineData("PublicationPolicy", "/policy")]
    [InlineData("License", "ftp://example.org/licence")]
    public void A_setting_that_cannot_be_right_stops_start_up_naming_it(string key, string value) =>
        Should.Throw<InvalidOperationException>(() => From((key, value))).Message.ShouldContain($"Placeshaper:Ocds:{key}");
}
