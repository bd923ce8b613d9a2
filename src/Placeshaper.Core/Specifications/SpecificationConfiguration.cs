using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;
using Placeshaper.Outcomes;
using Placeshaper.Programmes;

namespace Placeshaper.Specifications;

internal sealed class SpecificationConfiguration :
    IEntityTypeConfiguration<Specification>,
    IEntityTypeConfiguration<SpecificationOutcome>,
    IEntityTypeConfiguration<SpecificationKpi>,
    IEntityTypeConfiguration<SpecificationExtension>,
    IEntityTypeConfiguration<SpecificationLot>
{
    public void Configure(EntityTypeBuilder<Specification> builder)
    {
        builder.ToTable("specifications");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Purpose).HasMaxLength(4000);
        builder.Property(s => s.NoLotsReason).HasMaxLength(2000);
        builder.Property(s => s.PaymentMechanism).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.OutcomeSharePercent).HasPrecision(5, 2);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(s => s.IsAgreed);
        builder.Ignore(s => s.TotalMonths);
        builder.HasIndex(s => s.ProgrammeId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Outcomes).WithOne().HasForeignKey(o => o.SpecificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Kpis).WithOne().HasForeignKey(k => k.SpecificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Extensions).WithOne().HasForeignKey(e => e.SpecificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Lots).WithOne().HasForeignKey(l => l.SpecificationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Outcomes).HasField("outcomes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Kpis).HasField("kpis").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Extensions).HasField("extensions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Lots).HasField("lots").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<SpecificationOutcome> builder)
    {
        builder.ToTable("specification_outcomes");
        builder.HasKey(o => new { o.SpecificationId, o.OutcomeId });
        builder.HasIndex(o => o.OutcomeId);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(o => o.OutcomeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SpecificationKpi> builder)
    {
        builder.ToTable("specification_kpis");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Definition).HasMaxLength(1000);
        builder.Property(k => k.Unit).HasMaxLength(50);
        builder.Property(k => k.Polarity).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Target).HasPrecision(18, 4);
        builder.Property(k => k.Minimum).HasPrecision(18, 4);
        builder.Property(k => k.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.DataSource).HasMaxLength(500);
        builder.HasIndex(k => new { k.SpecificationId, k.Number }).IsUnique();
        builder.HasIndex(k => k.MeasureId);
        builder.HasOne<OutcomeMeasure>().WithMany().HasForeignKey(k => k.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SpecificationExtension> builder)
    {
        builder.ToTable("specification_extensions");
        builder.HasKey(e => new { e.SpecificationId, e.Number });
    }

    public void Configure(EntityTypeBuilder<SpecificationLot> builder)
    {
        builder.ToTable("specification_lots");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.SharePercent).HasPrecision(5, 2);
        builder.HasIndex(l => new { l.SpecificationId, l.Number }).IsUnique();
    }
}
