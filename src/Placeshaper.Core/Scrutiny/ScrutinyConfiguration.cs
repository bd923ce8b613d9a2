using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;

namespace Placeshaper.Scrutiny;

internal sealed class ScrutinyConfiguration : IEntityTypeConfiguration<ScrutinyQuestion>, IEntityTypeConfiguration<ScrutinyEntry>
{
    public void Configure(EntityTypeBuilder<ScrutinyQuestion> builder)
    {
        builder.ToTable("scrutiny_questions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Title).HasMaxLength(ScrutinyQuestion.MaxTitle);
        builder.Property(q => q.AskedByName).HasMaxLength(200);
        builder.Property(q => q.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(q => new { q.OrganisationId, q.Number }).IsUnique();
        builder.HasIndex(q => new { q.OrganisationId, q.Subject, q.SubjectId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Entries).WithOne().HasForeignKey(e => e.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Entries).HasField("entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<ScrutinyEntry> builder)
    {
        builder.ToTable("scrutiny_entries");
        builder.HasKey(e => new { e.QuestionId, e.Number });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(ScrutinyQuestion.MaxText);
        builder.Property(e => e.PersonName).HasMaxLength(200);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
