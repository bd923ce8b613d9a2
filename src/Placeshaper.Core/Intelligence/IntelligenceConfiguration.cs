using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Areas;
using Placeshaper.Needs;
using Placeshaper.Organisations;

namespace Placeshaper.Intelligence;

internal sealed class IntelligenceConfiguration : IEntityTypeConfiguration<IntelligenceItem>
{
    public void Configure(EntityTypeBuilder<IntelligenceItem> builder)
    {
        builder.ToTable("intelligence_items");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Body).HasMaxLength(4000);
        builder.Property(i => i.SubmitterRole).HasMaxLength(40);
        builder.Property(i => i.ContactEmail).HasMaxLength(256);
        builder.Property(i => i.ModerationNote).HasMaxLength(1000);
        builder.HasIndex(i => new { i.OrganisationId, i.Status, i.SubmittedAt });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
