using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Contracts;

/// <summary>The mapping of what changes a contract after it is made: variations, breaches, a termination and the exit plan.</summary>
internal sealed class ContractChangesConfiguration :
    IEntityTypeConfiguration<Variation>,
    IEntityTypeConfiguration<Breach>,
    IEntityTypeConfiguration<Termination>,
    IEntityTypeConfiguration<ExitPlan>
{
    /// <summary>The contract's own columns for these; the rest of the contract is mapped in <see cref="ContractConfiguration"/>.</summary>
    public static void ConfigureContract(EntityTypeBuilder<Contract> builder)
    {
        builder.Property(c => c.Nature).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ContractNature.Services)
            .HasSentinel(ContractNature.Services); // what the default gives anyway, so EF need not warn that 0 would be replaced
        builder.Property(c => c.VariedMonths).HasDefaultValue(0);
        builder.Property(c => c.OriginalValue).HasMoneyConversion();
        builder.Ignore(c => c.VariedValue);
    }

    public void Configure(EntityTypeBuilder<Variation> builder)
    {
        builder.ToTable("contract_variations");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ValueChange).HasMoneyConversion();
        builder.Property(v => v.Description).HasMaxLength(Variation.MaxDescription);
        builder.Property(v => v.Reason).HasMaxLength(Variation.MaxReason);
        builder.Property(v => v.RequestedByName).HasMaxLength(200);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.DecidedByName).HasMaxLength(200);
        builder.Property(v => v.RejectionReason).HasMaxLength(Variation.MaxReason);
        builder.Property(v => v.LegalBasis).HasMaxLength(ModificationRules.MaxBasis);
        builder.Property(v => v.ValueAfter).HasMoneyConversion();
        builder.Property(v => v.CumulativeChange).HasMoneyConversion();
        builder.HasIndex(v => new { v.ContractId, v.Number }).IsUnique();
        builder.HasIndex(v => v.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(v => v.ContractId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Breach> builder)
    {
        builder.ToTable("contract_breaches");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Clause).HasMaxLength(Breach.MaxClause);
        builder.Property(b => b.Description).HasMaxLength(Breach.MaxText);
        builder.Property(b => b.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.RecordedByName).HasMaxLength(200);
        builder.HasIndex(b => b.ContractId);
        builder.HasIndex(b => b.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(b => b.ContractId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Termination> builder)
    {
        builder.ToTable("contract_terminations");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Ground).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Reason).HasMaxLength(Termination.MaxReason);
        builder.Property(t => t.RecordedByName).HasMaxLength(200);
        builder.HasIndex(t => t.ContractId).IsUnique();
        builder.HasIndex(t => t.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(t => t.ContractId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ExitPlan> builder)
    {
        builder.ToTable("contract_exit_plans");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Continuity).HasMaxLength(ExitPlan.MaxText);
        builder.Property(p => p.DataAndAssets).HasMaxLength(ExitPlan.MaxText);
        builder.Property(p => p.Tupe).HasMaxLength(ExitPlan.MaxText);
        builder.Property(p => p.AlternativeProviders).HasMaxLength(ExitPlan.MaxText);
        builder.Property(p => p.Owner).HasMaxLength(ExitPlan.MaxOwner);
        builder.HasIndex(p => p.ContractId).IsUnique();
        builder.HasIndex(p => p.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
