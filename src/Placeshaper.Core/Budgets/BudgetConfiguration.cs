using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Budgets;

internal sealed class BudgetConfiguration :
    IEntityTypeConfiguration<PooledBudget>,
    IEntityTypeConfiguration<Contribution>,
    IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<PooledBudget> builder)
    {
        builder.ToTable("pooled_budgets");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Total).HasMoneyConversion();
        builder.Ignore(b => b.Year);
        builder.HasIndex(b => new { b.ProgrammeId, b.FinancialYearStart }).IsUnique();
        builder.HasOne<Programme>().WithMany().HasForeignKey(b => b.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Contributions).WithOne().HasForeignKey(c => c.PooledBudgetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Contributions).HasField("contributions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("pooled_budget_contributions");
        builder.HasKey(c => new { c.PooledBudgetId, c.OrganisationId });
        builder.Property(c => c.Amount).HasMoneyConversion();
        builder.Property(c => c.OverspendPercent).HasPrecision(7, 4);
        builder.Property(c => c.UnderspendPercent).HasPrecision(7, 4);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("pooled_budget_lines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Description).HasMaxLength(300);
        builder.Property(l => l.Amount).HasMoneyConversion();
        builder.HasIndex(l => new { l.PooledBudgetId, l.OccurredOn });
        builder.HasOne<PooledBudget>().WithMany().HasForeignKey(l => l.PooledBudgetId).OnDelete(DeleteBehavior.Cascade);
    }
}
