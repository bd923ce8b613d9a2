using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Placeshaper.Data;

/// <summary>Maps a <see cref="decimal"/> amount in pounds to a 64-bit integer of ten-thousandths (see <see cref="Money"/>).</summary>
public static class MoneyConversion
{
    private static readonly ValueConverter<decimal, long> Converter = new(
        pounds => Money.ToStoredUnits(pounds),
        units => Money.FromStoredUnits(units));

    public static PropertyBuilder<decimal> HasMoneyConversion(this PropertyBuilder<decimal> property) =>
        property.HasConversion(Converter);

    public static PropertyBuilder<decimal?> HasMoneyConversion(this PropertyBuilder<decimal?> property) =>
        property.HasConversion(Converter);
}
