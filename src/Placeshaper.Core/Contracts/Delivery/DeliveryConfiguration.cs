using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;

namespace Placeshaper.Contracts.Delivery;

internal sealed class DeliveryConfiguration :
    IEntityTypeConfiguration<KpiObservation>,
    IEntityTypeConfiguration<ObservationEvidence>,
    IEntityTypeConfiguration<PaymentTermsVersion>,
    IEntityTypeConfiguration<PaymentCalculation>,
    IEntityTypeConfiguration<ContractPayment>
{
    public void Configure(EntityTypeBuilder<KpiObservation> builder)
    {
        builder.ToTable("kpi_observations");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Value).HasPrecision(18, 4);
        builder.Property(o => o.Comment).HasMaxLength(KpiObservation.MaxComment);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Source).HasMaxLength(20);
        builder.Property(o => o.ReturnReason).HasMaxLength(KpiObservation.MaxReason);
        builder.HasIndex(o => new { o.ContractId, o.KpiId, o.PeriodStart });
        builder.HasIndex(o => o.KpiId);
        builder.HasOne<Contract>().WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ContractKpi>().WithMany().HasForeignKey(o => o.KpiId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Evidence).WithOne().HasForeignKey(e => e.ObservationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Evidence).HasField("evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<ObservationEvidence> builder)
    {
        builder.ToTable("kpi_observation_evidence");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.FileName).HasMaxLength(Common.OfficeDocuments.MaxFileName);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<PaymentTermsVersion> builder)
    {
        builder.ToTable("payment_terms_versions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.ContractId, v.Version }).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PaymentCalculation> builder)
    {
        builder.ToTable("payment_calculations");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FixedElement).HasMoneyConversion();
        builder.Property(c => c.OutcomePayments).HasMoneyConversion();
        builder.Property(c => c.Credits).HasMoneyConversion();
        builder.Property(c => c.Due).HasMoneyConversion();
        builder.Property(c => c.InvestmentRecovered).HasMoneyConversion();
        builder.Ignore(c => c.WorkingLines);
        builder.Ignore(c => c.InputLines);
        builder.HasIndex(c => new { c.ContractId, c.PeriodStart, c.Revision }).IsUnique();
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PaymentTermsVersion>().WithMany().HasForeignKey(c => c.TermsVersionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ContractPayment> builder)
    {
        builder.ToTable("contract_payments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Amount).HasMoneyConversion();
        builder.Property(p => p.Reference).HasMaxLength(ContractPayment.MaxReference);
        builder.HasIndex(p => new { p.ContractId, p.PeriodStart });
        builder.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
