using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Tenders;

internal sealed class TenderConfiguration :
    IEntityTypeConfiguration<Tender>,
    IEntityTypeConfiguration<TenderQuestion>,
    IEntityTypeConfiguration<TenderLot>,
    IEntityTypeConfiguration<TenderSocialValueMeasure>
{
    public void Configure(EntityTypeBuilder<Tender> builder)
    {
        builder.ToTable("tenders");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Reference).HasMaxLength(50);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Description).HasMaxLength(8000);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Route).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.EstimatedValue).HasMoneyConversion();
        builder.Property(t => t.RouteReason).HasMaxLength(2000);
        builder.Property(t => t.PriceWeight).HasPrecision(5, 2);
        builder.Property(t => t.QualityWeight).HasPrecision(5, 2);
        builder.Property(t => t.SocialValueWeight).HasPrecision(5, 2);
        builder.Property(t => t.SocialValueWaiverReason).HasMaxLength(2000);
        builder.Property(t => t.NoLotsReason).HasMaxLength(2000);
        builder.Ignore(t => t.IsDraft);
        builder.HasIndex(t => new { t.OrganisationId, t.Reference }).IsUnique();
        builder.HasIndex(t => t.ProgrammeId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Specifications.Specification>().WithMany().HasForeignKey(t => t.SpecificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Questions).WithOne().HasForeignKey(q => q.TenderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Lots).WithOne().HasForeignKey(l => l.TenderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Questions).HasField("questions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Lots).HasField("lots").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.SocialValueMeasures).WithOne().HasForeignKey(m => m.TenderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.SocialValueMeasures).HasField("socialValueMeasures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<TenderQuestion> builder)
    {
        builder.ToTable("tender_questions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Text).HasMaxLength(2000);
        builder.Property(q => q.Weight).HasPrecision(5, 2);
        builder.Property(q => q.Descriptors).HasMaxLength(3100);
        builder.Ignore(q => q.DescriptorList);
    }

    public void Configure(EntityTypeBuilder<TenderLot> builder)
    {
        builder.ToTable("tender_lots");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.EstimatedValue).HasMoneyConversion();
        builder.HasIndex(l => new { l.TenderId, l.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TenderSocialValueMeasure> builder)
    {
        builder.ToTable("tender_social_value_measures");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code).HasMaxLength(SocialValue.MeasureDetails.MaxCode);
        builder.Property(m => m.Theme).HasMaxLength(SocialValue.MeasureDetails.MaxTheme);
        builder.Property(m => m.Outcome).HasMaxLength(SocialValue.MeasureDetails.MaxOutcome);
        builder.Property(m => m.Description).HasMaxLength(SocialValue.MeasureDetails.MaxDescription);
        builder.Property(m => m.Unit).HasMaxLength(SocialValue.MeasureDetails.MaxUnit);
        builder.Property(m => m.ProxyValue).HasMoneyConversion();
        builder.Property(m => m.Source).HasMaxLength(SocialValue.MeasureDetails.MaxSource);
        builder.Ignore(m => m.Label);
        builder.HasIndex(m => new { m.TenderId, m.Code }).IsUnique();
    }
}

internal sealed class TenderDocumentConfiguration : IEntityTypeConfiguration<TenderDocument>
{
    public void Configure(EntityTypeBuilder<TenderDocument> builder)
    {
        builder.ToTable("tender_documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(TenderDocument.MaxTitle);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.FileName).HasMaxLength(OfficeDocuments.MaxFileName);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.AddendumReason).HasMaxLength(TenderDocument.MaxReason);
        builder.HasIndex(d => new { d.TenderId, d.AddedAt });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(d => d.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(d => d.AddedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
