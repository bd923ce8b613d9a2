using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Appraisals;

internal sealed class AppraisalConfiguration :
    IEntityTypeConfiguration<Appraisal>,
    IEntityTypeConfiguration<AppraisalCriterion>,
    IEntityTypeConfiguration<AppraisalOption>,
    IEntityTypeConfiguration<AppraisalScore>,
    IEntityTypeConfiguration<AppraisalCost>,
    IEntityTypeConfiguration<AppraisalRisk>,
    IEntityTypeConfiguration<DueDiligenceCheck>,
    IEntityTypeConfiguration<CustomDeliveryModel>
{
    public void Configure(EntityTypeBuilder<Appraisal> builder)
    {
        builder.ToTable("appraisals");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Necessity).HasMaxLength(8000);
        builder.Property(a => a.ExitStrategy).HasMaxLength(8000);
        builder.Property(a => a.DiscountRate).HasPrecision(9, 6);
        builder.Property(a => a.OptimismBias).HasPrecision(9, 6);
        builder.Property(a => a.DecisionMakers).HasMaxLength(300);
        builder.Property(a => a.DecisionSummary).HasMaxLength(4000);
        builder.Property(a => a.PapersUrl).HasMaxLength(2000);
        builder.Ignore(a => a.IsDecided);
        builder.Ignore(a => a.Chosen);
        builder.HasIndex(a => new { a.ProgrammeId, a.CreatedAt });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Criteria).WithOne().HasForeignKey(c => c.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Options).WithOne().HasForeignKey(o => o.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Checks).WithOne().HasForeignKey(c => c.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Criteria).HasField("criteria").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Options).HasField("options").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Checks).HasField("checks").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<AppraisalCriterion> builder)
    {
        builder.ToTable("appraisal_criteria");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.Weight).HasPrecision(5, 2);
    }

    public void Configure(EntityTypeBuilder<AppraisalOption> builder)
    {
        builder.ToTable("appraisal_options");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.ModelCode).HasMaxLength(60);
        builder.Property(o => o.ModelName).HasMaxLength(200);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.HasMany(o => o.Scores).WithOne().HasForeignKey(s => s.OptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Costs).WithOne().HasForeignKey(c => c.OptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Risks).WithOne().HasForeignKey(r => r.OptionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Scores).HasField("scores").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Costs).HasField("costs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Risks).HasField("risks").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<AppraisalScore> builder)
    {
        builder.ToTable("appraisal_scores");
        builder.HasKey(s => new { s.OptionId, s.CriterionId });
        builder.Property(s => s.Score).HasPrecision(4, 1);
        builder.Property(s => s.Rationale).HasMaxLength(4000);
        builder.Property(s => s.Evidence).HasMaxLength(4000);
        builder.HasOne<AppraisalCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AppraisalCost> builder)
    {
        builder.ToTable("appraisal_costs");
        builder.HasKey(c => new { c.OptionId, c.Year });
        builder.Property(c => c.Amount).HasMoneyConversion();
    }

    public void Configure(EntityTypeBuilder<AppraisalRisk> builder)
    {
        builder.ToTable("appraisal_risks");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Description).HasMaxLength(1000);
        builder.Property(r => r.Mitigation).HasMaxLength(2000);
        builder.Property(r => r.Owner).HasMaxLength(200);
        builder.Ignore(r => r.Rating);
        builder.Ignore(r => r.Band);
        builder.HasIndex(r => r.OptionId);
    }

    public void Configure(EntityTypeBuilder<DueDiligenceCheck> builder)
    {
        builder.ToTable("due_diligence_checks");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Item).HasMaxLength(500);
        builder.Property(c => c.Source).HasMaxLength(500);
        builder.Property(c => c.Note).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<CustomDeliveryModel> builder)
    {
        builder.ToTable("delivery_models");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(60);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(2000);
        builder.HasIndex(m => new { m.OrganisationId, m.Code }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
