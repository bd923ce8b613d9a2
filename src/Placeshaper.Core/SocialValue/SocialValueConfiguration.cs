using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.SocialValue;

internal sealed class SocialValueConfiguration : IEntityTypeConfiguration<SocialValueMeasure>
{
    public void Configure(EntityTypeBuilder<SocialValueMeasure> builder)
    {
        builder.ToTable("social_value_measures");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(MeasureDetails.MaxCode);
        builder.Property(m => m.Theme).HasMaxLength(MeasureDetails.MaxTheme);
        builder.Property(m => m.Outcome).HasMaxLength(MeasureDetails.MaxOutcome);
        builder.Property(m => m.Description).HasMaxLength(MeasureDetails.MaxDescription);
        builder.Property(m => m.Unit).HasMaxLength(MeasureDetails.MaxUnit);
        builder.Property(m => m.ProxyValue).HasMoneyConversion();
        builder.Property(m => m.Source).HasMaxLength(MeasureDetails.MaxSource);
        builder.Property(m => m.Licence).HasMaxLength(MeasureDetails.MaxLicence);
        builder.HasIndex(m => new { m.OrganisationId, m.Code }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
