using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

internal sealed class ProgrammeConfiguration :
    IEntityTypeConfiguration<Programme>,
    IEntityTypeConfiguration<ProgrammePartner>,
    IEntityTypeConfiguration<StageChange>,
    IEntityTypeConfiguration<ProgrammeDecision>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Summary).HasMaxLength(4000);
        builder.Property(p => p.ActiveStages).HasMaxLength(200);
        builder.Ignore(p => p.Stages);
        builder.HasIndex(p => new { p.OrganisationId, p.Name });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Partners).HasField("partners").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<ProgrammePartner> builder)
    {
        builder.ToTable("programme_partners");
        builder.HasKey(p => new { p.ProgrammeId, p.OrganisationId });
        builder.HasIndex(p => p.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.ToTable("stage_changes");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FromStages).HasMaxLength(200);
        builder.Property(c => c.ToStages).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.ByName).HasMaxLength(300);
        builder.Ignore(c => c.Entered);
        builder.Ignore(c => c.Left);
        builder.HasIndex(c => new { c.ProgrammeId, c.At });
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProgrammeDecision> builder)
    {
        builder.ToTable("programme_decisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.DecisionMakers).HasMaxLength(300);
        builder.Property(d => d.Summary).HasMaxLength(4000);
        builder.Property(d => d.PapersUrl).HasMaxLength(2000);
        builder.HasIndex(d => new { d.ProgrammeId, d.DecidedOn });
        builder.HasOne<Programme>().WithMany().HasForeignKey(d => d.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
