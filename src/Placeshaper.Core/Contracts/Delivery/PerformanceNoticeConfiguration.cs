using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Placeshaper.Contracts.Delivery;

internal sealed class PerformanceNoticeConfiguration : IEntityTypeConfiguration<PerformanceNotice>
{
    public void Configure(EntityTypeBuilder<PerformanceNotice> builder)
    {
        builder.ToTable("contract_performance_notices");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Ignore(n => n.KpiRatings);
        builder.HasIndex(n => new { n.ContractId, n.PeriodEnd });
        builder.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
