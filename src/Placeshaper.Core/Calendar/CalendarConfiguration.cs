using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Placeshaper.Calendar;

internal sealed class CalendarConfiguration : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> builder)
    {
        builder.ToTable("bank_holidays");
        builder.HasKey(h => new { h.Division, h.Date });
        builder.Property(h => h.Division).HasMaxLength(20);
        builder.Property(h => h.Title).HasMaxLength(200);
        builder.Property(h => h.Notes).HasMaxLength(200);
        builder.Property(h => h.Source).HasMaxLength(500);
    }
}
