using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

internal sealed class SpendSupplierConfiguration : IEntityTypeConfiguration<SpendSupplier>
{
    public void Configure(EntityTypeBuilder<SpendSupplier> builder)
    {
        builder.ToTable("spend_suppliers");
        builder.HasKey(s => new { s.OrganisationId, s.SupplierKey });
        builder.Property(s => s.SupplierKey).HasMaxLength(SpendLimits.Text);
        builder.Property(s => s.Name).HasMaxLength(SpendLimits.Text);
        builder.Property(s => s.CompanyNumber).HasMaxLength(SpendLimits.Number);
        builder.Property(s => s.VatNumber).HasMaxLength(SpendLimits.Number);
        builder.Property(s => s.Postcode).HasMaxLength(SpendLimits.Number);
        builder.Property(s => s.Total).HasMoneyConversion();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Method).HasMaxLength(60);
        builder.Property(s => s.LocalReason).HasMaxLength(300);
        builder.HasIndex(s => new { s.OrganisationId, s.Status });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplierDecisionConfiguration : IEntityTypeConfiguration<SupplierDecision>
{
    public void Configure(EntityTypeBuilder<SupplierDecision> builder)
    {
        builder.ToTable("spend_supplier_decisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.SupplierKey).HasMaxLength(SpendLimits.Text);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.OrganisationId, d.SupplierKey }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpendLocalDefinitionConfiguration : IEntityTypeConfiguration<SpendLocalDefinition>
{
    public void Configure(EntityTypeBuilder<SpendLocalDefinition> builder)
    {
        builder.ToTable("spend_local_definitions");
        builder.HasKey(d => d.OrganisationId);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Districts).HasMaxLength(SpendLocalDefinition.MaxDistricts * 10);
        builder.Property(d => d.CentrePostcode).HasMaxLength(10);
        builder.Property(d => d.RadiusKm).HasPrecision(9, 3);
        builder.Ignore(d => d.DistrictCodes);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpendCategoryConfiguration : IEntityTypeConfiguration<SpendCategory>
{
    public void Configure(EntityTypeBuilder<SpendCategory> builder)
    {
        builder.ToTable("spend_categories");
        builder.HasKey(c => new { c.OrganisationId, c.ExpenseKey });
        builder.Property(c => c.ExpenseKey).HasMaxLength(SpendLimits.Text);
        builder.Property(c => c.ExpenseType).HasMaxLength(SpendLimits.Text);
        builder.Property(c => c.CpvCode).HasMaxLength(10);
        builder.Property(c => c.ProClassCode).HasMaxLength(SpendCategory.MaxProClassCode);
        builder.Property(c => c.ProClassLabel).HasMaxLength(SpendCategory.MaxProClassLabel);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpendCategorySuggestionConfiguration : IEntityTypeConfiguration<SpendCategorySuggestion>
{
    public void Configure(EntityTypeBuilder<SpendCategorySuggestion> builder)
    {
        builder.ToTable("spend_category_suggestions");
        builder.HasKey(s => new { s.OrganisationId, s.ExpenseKey, s.ProClassCode, s.ProClassLabel });
        builder.Property(s => s.ExpenseKey).HasMaxLength(SpendLimits.Text);
        builder.Property(s => s.ExpenseType).HasMaxLength(SpendLimits.Text);
        builder.Property(s => s.ProClassCode).HasMaxLength(SpendCategory.MaxProClassCode);
        builder.Property(s => s.ProClassLabel).HasMaxLength(SpendCategory.MaxProClassLabel);
        builder.Property(s => s.SourceFile).HasMaxLength(SpendImport.MaxFileName);
        builder.Property(s => s.Total).HasMoneyConversion();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
