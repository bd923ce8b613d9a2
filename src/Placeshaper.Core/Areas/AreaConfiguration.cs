using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Organisations;

namespace Placeshaper.Areas;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>, IEntityTypeConfiguration<ReferencePostcode>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.ToTable("areas");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(20);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => new { a.OrganisationId, a.Code }).IsUnique();
        builder.HasIndex(a => a.ParentId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReferencePostcode> builder)
    {
        builder.ToTable("reference_postcodes");
        builder.HasKey(p => p.Postcode);
        builder.Property(p => p.Postcode).HasMaxLength(8);
        builder.Property(p => p.LocalAuthorityCode).HasMaxLength(9);
        builder.Property(p => p.WardCode).HasMaxLength(9);
        builder.Property(p => p.Lsoa21Code).HasMaxLength(9);
        builder.Property(p => p.Msoa21Code).HasMaxLength(9);
        builder.Property(p => p.Latitude).HasPrecision(9, 6);
        builder.Property(p => p.Longitude).HasPrecision(9, 6);
        builder.Property(p => p.TerminatedIn).HasMaxLength(6);
        builder.HasIndex(p => p.WardCode);
    }
}
