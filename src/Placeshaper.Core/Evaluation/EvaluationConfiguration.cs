using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.People;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

internal sealed class EvaluationConfiguration :
    IEntityTypeConfiguration<BidEvaluation>,
    IEntityTypeConfiguration<ConflictDeclaration>,
    IEntityTypeConfiguration<PanelMember>,
    IEntityTypeConfiguration<PanelScore>,
    IEntityTypeConfiguration<ModeratedScore>
{
    public void Configure(EntityTypeBuilder<BidEvaluation> builder)
    {
        builder.ToTable("evaluations");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => e.TenderId).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(e => e.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Declarations).WithOne().HasForeignKey(d => d.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Panel).WithOne().HasForeignKey(m => m.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Scores).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Moderated).WithOne().HasForeignKey(m => m.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Declarations).HasField("declarations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.Panel).HasField("panel").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.Scores).HasField("scores").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(e => e.Moderated).HasField("moderated").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.ActivePanel);
        builder.Ignore(e => e.AllSubmitted);
    }

    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.ToTable("conflict_declarations");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Details).HasMaxLength(BidEvaluation.MaxReason);
        builder.HasIndex(d => new { d.EvaluationId, d.PersonId }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.ToTable("panel_members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => new { m.EvaluationId, m.PersonId }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PanelScore> builder)
    {
        builder.ToTable("panel_scores");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Reason).HasMaxLength(BidEvaluation.MaxReason);
        builder.HasIndex(s => new { s.PanelMemberId, s.BidId, s.QuestionId }).IsUnique();
        builder.HasOne<PanelMember>().WithMany().HasForeignKey(s => s.PanelMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderQuestion>().WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ModeratedScore> builder)
    {
        builder.ToTable("moderated_scores");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Rationale).HasMaxLength(BidEvaluation.MaxReason);
        builder.HasIndex(m => new { m.EvaluationId, m.BidId, m.QuestionId }).IsUnique();
        builder.HasOne<Bid>().WithMany().HasForeignKey(m => m.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TenderQuestion>().WithMany().HasForeignKey(m => m.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.ModeratedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardDecisionConfiguration : IEntityTypeConfiguration<AwardDecision>
{
    public void Configure(EntityTypeBuilder<AwardDecision> builder)
    {
        builder.ToTable("award_decisions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Supplier).HasMaxLength(300);
        builder.Property(a => a.Value).HasMoneyConversion();
        builder.Property(a => a.AbnormallyLowExplanation).HasMaxLength(AwardDecision.MaxText);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(a => a.Places);
        builder.HasIndex(a => new { a.TenderId, a.LotId }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(a => a.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bid>().WithMany().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.DecidedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplierCheckConfiguration : IEntityTypeConfiguration<SupplierCheck>
{
    public void Configure(EntityTypeBuilder<SupplierCheck> builder)
    {
        builder.ToTable("supplier_checks");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AnnualValue).HasMoneyConversion();
        builder.Property(c => c.AnnualValueBasis).HasMaxLength(SupplierCheck.MaxText);
        builder.Property(c => c.TurnoverMultiple).HasPrecision(6, 2);
        builder.Property(c => c.Turnover).HasMoneyConversion();
        builder.Property(c => c.MembersJson).HasMaxLength(20_000);
        builder.Property(c => c.GuarantorName).HasMaxLength(SupplierCheck.MaxName);
        builder.Property(c => c.GuarantorTurnover).HasMoneyConversion();
        builder.Property(c => c.OverrideReason).HasMaxLength(SupplierCheck.MaxText);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Required).HasMoneyConversion();
        builder.Property(c => c.Explanation).HasMaxLength(SupplierCheck.MaxText * 2);
        builder.Ignore(c => c.Members);
        builder.Ignore(c => c.Passes);
        builder.Ignore(c => c.Excludes);
        builder.HasIndex(c => c.BidId).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bid>().WithMany().HasForeignKey(c => c.BidId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.CheckedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
