using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Areas;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Outcomes;

internal sealed class OutcomesConfiguration :
    IEntityTypeConfiguration<OutcomeTheme>,
    IEntityTypeConfiguration<Outcome>,
    IEntityTypeConfiguration<OutcomeMeasure>
{
    public void Configure(EntityTypeBuilder<OutcomeTheme> builder)
    {
        builder.ToTable("outcome_themes");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.ToTable("outcomes");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Statement).HasMaxLength(500);
        builder.Property(o => o.RetiredReason).HasMaxLength(Retirement.MaxReason);
        builder.HasIndex(o => o.ThemeId);
        builder.HasOne<OutcomeTheme>().WithMany().HasForeignKey(o => o.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<OutcomeMeasure> builder)
    {
        builder.ToTable("outcome_measures");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Property(m => m.Unit).HasMaxLength(40);
        builder.Property(m => m.Baseline).HasPrecision(28, 6);
        builder.Property(m => m.Target).HasPrecision(28, 6);
        builder.Property(m => m.LatestValue).HasPrecision(28, 6);
        builder.Property(m => m.RetiredReason).HasMaxLength(Retirement.MaxReason);
        builder.HasIndex(m => m.OutcomeId);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(m => m.OutcomeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
