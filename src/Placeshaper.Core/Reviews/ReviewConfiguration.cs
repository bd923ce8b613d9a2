using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Contracts;
using Placeshaper.Organisations;
using Placeshaper.Providers;

namespace Placeshaper.Reviews;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Comment).HasMaxLength(Review.MaxComment);
        builder.Property(r => r.DisplayName).HasMaxLength(Review.MaxDisplayName);
        builder.Property(r => r.EmailHash).HasMaxLength(64);
        builder.Property(r => r.SenderHash).HasMaxLength(64);
        builder.Property(r => r.ConfirmationTokenHash).HasMaxLength(64);
        builder.Property(r => r.HeldBecause).HasMaxLength(500);
        builder.Property(r => r.ModerationNote).HasMaxLength(Review.MaxNote);
        builder.Property(r => r.Reply).HasMaxLength(Review.MaxReply);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(r => r.Overall);
        builder.HasIndex(r => r.ConfirmationTokenHash).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.ProviderId, r.Status });
        builder.HasIndex(r => new { r.OrganisationId, r.Status, r.SubmittedAt });
        builder.HasIndex(r => new { r.EmailHash, r.ProviderId });
        builder.HasIndex(r => new { r.SenderHash, r.SubmittedAt });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}
