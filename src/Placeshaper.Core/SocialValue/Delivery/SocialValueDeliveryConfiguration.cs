using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Contracts;
using Placeshaper.Data;

namespace Placeshaper.SocialValue.Delivery;

internal sealed class SocialValueDeliveryConfiguration :
    IEntityTypeConfiguration<SocialValueObligation>,
    IEntityTypeConfiguration<DeliveryReport>,
    IEntityTypeConfiguration<DeliveryEvidence>
{
    public void Configure(EntityTypeBuilder<SocialValueObligation> builder)
    {
        builder.ToTable("social_value_obligations");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.MeasureCode).HasMaxLength(MeasureDetails.MaxCode);
        builder.Property(o => o.Theme).HasMaxLength(SocialValueObligation.MaxTheme);
        builder.Property(o => o.Measure).HasMaxLength(SocialValueObligation.MaxMeasure);
        builder.Property(o => o.Unit).HasMaxLength(SocialValueObligation.MaxUnit);
        builder.Property(o => o.CommittedQuantity).HasPrecision(18, 2);
        builder.Property(o => o.ProxyValue).HasMoneyConversion();
        builder.Property(o => o.Source).HasMaxLength(20);
        builder.Ignore(o => o.CommittedValue);
        builder.HasIndex(o => o.ContractId);
        builder.HasOne<Contract>().WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DeliveryReport> builder)
    {
        builder.ToTable("social_value_reports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Quantity).HasPrecision(18, 2);
        builder.Property(r => r.Narrative).HasMaxLength(DeliveryReport.MaxNarrative);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Source).HasMaxLength(20);
        builder.Property(r => r.ReturnReason).HasMaxLength(DeliveryReport.MaxReason);
        builder.HasIndex(r => new { r.ContractId, r.ObligationId, r.PeriodStart });
        builder.HasIndex(r => r.ObligationId);
        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SocialValueObligation>().WithMany().HasForeignKey(r => r.ObligationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Evidence).HasField("evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<DeliveryEvidence> builder)
    {
        builder.ToTable("social_value_report_evidence");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.FileName).HasMaxLength(Common.OfficeDocuments.MaxFileName);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
    }
}
