using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Evaluation;
using Placeshaper.Organisations;
using Placeshaper.Outcomes;
using Placeshaper.Programmes;
using Placeshaper.Providers;
using Placeshaper.Specifications;
using Placeshaper.Tenders;

namespace Placeshaper.Contracts;

internal sealed class ContractConfiguration :
    IEntityTypeConfiguration<Contract>,
    IEntityTypeConfiguration<ContractExtension>,
    IEntityTypeConfiguration<ContractBreakClause>,
    IEntityTypeConfiguration<ContractParty>,
    IEntityTypeConfiguration<ContractOutcome>,
    IEntityTypeConfiguration<ContractKpi>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reference).HasMaxLength(Contract.MaxReference);
        builder.Property(c => c.SourceReference).HasMaxLength(Contract.MaxReference);
        builder.Property(c => c.ImportKey).HasMaxLength(64);
        builder.Property(c => c.Title).HasMaxLength(Contract.MaxTitle);
        builder.Property(c => c.Description).HasMaxLength(Contract.MaxDescription);
        builder.Property(c => c.SupplierName).HasMaxLength(Contract.MaxName);
        builder.Property(c => c.SupplierPostcode).HasMaxLength(20);
        builder.Property(c => c.SupplierCompanyNumber).HasMaxLength(50);
        builder.Property(c => c.TotalValue).HasMoneyConversion();
        builder.Property(c => c.AnnualValue).HasMoneyConversion();
        builder.Property(c => c.Procedure).HasMaxLength(Contract.MaxShortText);
        builder.Property(c => c.Directorate).HasMaxLength(Contract.MaxShortText);
        builder.Property(c => c.PurchasingBody).HasMaxLength(Contract.MaxShortText);
        builder.Property(c => c.ClassificationCode).HasMaxLength(20);
        builder.Property(c => c.ClassificationDescription).HasMaxLength(Contract.MaxShortText);
        builder.Property(c => c.PaymentMechanism).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.KpiExemptionReason).HasMaxLength(2000);
        builder.Ignore(c => c.CurrentExpiry);
        builder.Ignore(c => c.ExtensionDecisionDue);
        builder.HasIndex(c => new { c.OrganisationId, c.Reference }).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.ImportKey }).IsUnique();
        builder.HasIndex(c => c.ProviderId);
        builder.HasIndex(c => c.ProgrammeId);
        builder.HasIndex(c => c.SpecificationId);
        builder.HasIndex(c => c.TenderId);
        builder.HasIndex(c => c.AwardDecisionId).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Specification>().WithMany().HasForeignKey(c => c.SpecificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AwardDecision>().WithMany().HasForeignKey(c => c.AwardDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Extensions).WithOne().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.BreakClauses).WithOne().HasForeignKey(b => b.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Outcomes).WithOne().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Kpis).WithOne().HasForeignKey(k => k.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Extensions).HasField("extensions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.BreakClauses).HasField("breakClauses").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Parties).HasField("parties").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Outcomes).HasField("outcomes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Kpis).HasField("kpis").UsePropertyAccessMode(PropertyAccessMode.Field);
        ContractChangesConfiguration.ConfigureContract(builder);
        builder.Property(c => c.ServiceCategory).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<ContractExtension> builder)
    {
        builder.ToTable("contract_extensions");
        builder.HasKey(e => new { e.ContractId, e.Number });
    }

    public void Configure(EntityTypeBuilder<ContractBreakClause> builder)
    {
        builder.ToTable("contract_break_clauses");
        builder.HasKey(b => new { b.ContractId, b.Number });
        builder.Ignore(b => b.NoticeBy);
    }

    public void Configure(EntityTypeBuilder<ContractParty> builder)
    {
        builder.ToTable("contract_parties");
        builder.HasKey(p => new { p.ContractId, p.Number });
        builder.Property(p => p.Name).HasMaxLength(Contract.MaxName);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(30);
    }

    public void Configure(EntityTypeBuilder<ContractOutcome> builder)
    {
        builder.ToTable("contract_outcomes");
        builder.HasKey(o => new { o.ContractId, o.OutcomeId });
        builder.HasIndex(o => o.OutcomeId);
        builder.HasOne<Outcome>().WithMany().HasForeignKey(o => o.OutcomeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ContractKpi> builder)
    {
        builder.ToTable("contract_kpis");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Definition).HasMaxLength(1000);
        builder.Property(k => k.Unit).HasMaxLength(50);
        builder.Property(k => k.Polarity).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Target).HasPrecision(18, 4);
        builder.Property(k => k.Minimum).HasPrecision(18, 4);
        builder.Property(k => k.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.DataSource).HasMaxLength(500);
        builder.Ignore(k => k.HigherIsBetter);
        builder.HasIndex(k => new { k.ContractId, k.Number }).IsUnique();
    }
}
