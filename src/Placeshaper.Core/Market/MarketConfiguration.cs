using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Market;

internal sealed class MarketConfiguration : IEntityTypeConfiguration<EngagementEvent>, IEntityTypeConfiguration<RightToChallenge>
{
    public void Configure(EntityTypeBuilder<EngagementEvent> builder)
    {
        builder.ToTable("engagement_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.Format).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Summary).HasMaxLength(8000);
        builder.HasIndex(e => new { e.ProgrammeId, e.HeldOn });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RightToChallenge> builder)
    {
        builder.ToTable("rights_to_challenge");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Challenger).HasMaxLength(300);
        builder.Property(c => c.Service).HasMaxLength(1000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Reasons).HasMaxLength(4000);
        builder.HasIndex(c => new { c.ProgrammeId, c.ReceivedOn });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
