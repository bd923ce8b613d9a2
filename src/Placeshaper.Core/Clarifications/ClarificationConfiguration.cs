using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;
using Placeshaper.People;
using Placeshaper.Providers;
using Placeshaper.Tenders;

namespace Placeshaper.Clarifications;

internal sealed class ClarificationConfiguration : IEntityTypeConfiguration<Clarification>
{
    public void Configure(EntityTypeBuilder<Clarification> builder)
    {
        builder.ToTable("clarifications");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Question).HasMaxLength(Clarification.MaxQuestion);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.PublishedQuestion).HasMaxLength(Clarification.MaxQuestion);
        builder.Property(c => c.Answer).HasMaxLength(Clarification.MaxAnswer);
        builder.Property(c => c.DeclineReason).HasMaxLength(Clarification.MaxReason);
        builder.Ignore(c => c.IsPublished);
        builder.Ignore(c => c.IsBuyers);
        builder.HasIndex(c => new { c.TenderId, c.Status });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(c => c.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.AskedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.AnsweredBy).OnDelete(DeleteBehavior.Restrict);
    }
}
