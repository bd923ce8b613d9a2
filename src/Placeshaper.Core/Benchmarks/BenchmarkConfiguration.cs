using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;

namespace Placeshaper.Benchmarks;

internal sealed class BenchmarkConfiguration : IEntityTypeConfiguration<BenchmarkSharing>, IEntityTypeConfiguration<BenchmarkFigure>
{
    public void Configure(EntityTypeBuilder<BenchmarkSharing> builder)
    {
        builder.ToTable("benchmark_sharing");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Category).HasMaxLength(40);
        builder.Property(s => s.Choice).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.OrganisationId, s.Category }).IsUnique();
        builder.HasIndex(s => s.Category);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<BenchmarkFigure> builder)
    {
        builder.ToTable("benchmark_figures");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Contributor).HasMaxLength(BenchmarkFigure.MaxText);
        builder.Property(f => f.Category).HasMaxLength(40);
        builder.Property(f => f.Period).HasMaxLength(20);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Measure).HasMaxLength(BenchmarkFigure.MaxText);
        builder.Property(f => f.Unit).HasMaxLength(BenchmarkFigure.MaxText);
        builder.Property(f => f.Provider).HasMaxLength(BenchmarkFigure.MaxText);
        builder.Property(f => f.Value).HasPrecision(18, 4);
        builder.Ignore(f => f.Key);
        builder.HasIndex(f => new { f.Category, f.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
