using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;
using Placeshaper.People;
using Placeshaper.Providers;
using Placeshaper.Tenders;

namespace Placeshaper.Bids;

internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.ToTable("bids");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.KeyId).HasMaxLength(40);
        builder.Property(b => b.Receipt).HasMaxLength(64);
        builder.Ignore(b => b.Identity);
        builder.HasIndex(b => new { b.TenderId, b.ProviderId });
        // One live bid per provider per tender, even when two submissions race.
        builder.HasIndex(b => new { b.TenderId, b.ProviderId }, "ix_bids_one_live_bid").IsUnique().HasFilter("status = 'Submitted'");
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tender>().WithMany().HasForeignKey(b => b.TenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(b => b.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.SubmittedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
