using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Placeshaper.Tenders.Timetable;

internal sealed class MinimumPeriodConfiguration : IEntityTypeConfiguration<MinimumPeriod>
{
    public void Configure(EntityTypeBuilder<MinimumPeriod> builder)
    {
        builder.ToTable("minimum_periods");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CaseCode).HasMaxLength(40);
        builder.Property(p => p.Period).HasMaxLength(20);
        builder.Property(p => p.Counting).HasMaxLength(10);
        builder.Property(p => p.Source).HasMaxLength(500);
        builder.HasIndex(p => new { p.Route, p.CaseCode, p.Period, p.AppliesFrom }).IsUnique();
    }
}
