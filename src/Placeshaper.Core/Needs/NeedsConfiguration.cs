using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Areas;
using Placeshaper.Organisations;

namespace Placeshaper.Needs;

internal sealed class NeedsConfiguration : IEntityTypeConfiguration<Indicator>, IEntityTypeConfiguration<IndicatorValue>, IEntityTypeConfiguration<NeedsAssessment>
{
    public void Configure(EntityTypeBuilder<NeedsAssessment> builder)
    {
        builder.ToTable("needs_assessments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Topic).HasMaxLength(200);
        builder.Property(a => a.Narrative).HasMaxLength(20_000);
        builder.Property(a => a.IndicatorCodes).HasMaxLength(2000);
        builder.Property(a => a.EvidenceLinks).HasMaxLength(20_000);
        builder.Property(a => a.ArchivedReason).HasMaxLength(500);
        builder.Ignore(a => a.Indicators);
        builder.Ignore(a => a.Links);
        builder.HasIndex(a => new { a.OrganisationId, a.Topic });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Unit).HasMaxLength(40);
        builder.Property(i => i.Source).HasMaxLength(300);
        builder.Property(i => i.SourceUrl).HasMaxLength(2000);
        builder.Property(i => i.Licence).HasMaxLength(200);
        builder.HasIndex(i => new { i.OrganisationId, i.Code }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("indicator_values");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Period).HasMaxLength(10);

        // Values are statistics, not money: rates and percentages with up to six decimal places.
        builder.Property(v => v.Value).HasPrecision(28, 6);
        builder.HasIndex(v => new { v.IndicatorId, v.AreaId, v.Period }).IsUnique();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Area>().WithMany().HasForeignKey(v => v.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
