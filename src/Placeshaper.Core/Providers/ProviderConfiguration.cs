using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Providers;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>, IEntityTypeConfiguration<ConsortiumMember>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.ToTable("providers");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(ProviderDetails.MaxName);

        // Columns added to a table that already had rows (migration 0011) carry defaults for those rows.
        builder.Property(p => p.NormalisedName).HasMaxLength(ProviderDetails.MaxName).HasDefaultValue("");
        builder.Property(p => p.CompanyNumber).HasMaxLength(8);
        builder.Property(p => p.CharityNumber).HasMaxLength(12);
        builder.Property(p => p.VatNumber).HasMaxLength(14);
        builder.Property(p => p.RegisteredPostcode).HasMaxLength(8);
        builder.Property(p => p.TradingPostcode).HasMaxLength(8);
        builder.Property(p => p.Turnover).HasMoneyConversion();
        builder.Property(p => p.BalanceSheetTotal).HasMoneyConversion();
        builder.Property(p => p.IsVcse).HasDefaultValue(false);
        builder.Property(p => p.IsConsortium).HasDefaultValue(false);
        builder.Property(p => p.SicCodesStored).HasMaxLength(40).HasDefaultValue("");
        builder.Ignore(p => p.SicCodes);
        builder.Ignore(p => p.Size);
        builder.Ignore(p => p.Identity);
        builder.Ignore(p => p.Details);
        builder.HasIndex(p => new { p.OrganisationId, p.Name });
        builder.HasIndex(p => new { p.OrganisationId, p.NormalisedName });
        builder.HasIndex(p => new { p.OrganisationId, p.CompanyNumber });
        builder.HasIndex(p => new { p.OrganisationId, p.CharityNumber });
        builder.HasIndex(p => new { p.OrganisationId, p.VatNumber });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ConsortiumId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Members).HasField("members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<ConsortiumMember> builder)
    {
        builder.ToTable("consortium_members");
        builder.HasKey(m => new { m.ConsortiumId, m.MemberId });
        builder.HasIndex(m => m.MemberId);
        builder.HasOne<Provider>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplierRegistrationConfiguration : IEntityTypeConfiguration<SupplierRegistration>
{
    public void Configure(EntityTypeBuilder<SupplierRegistration> builder)
    {
        builder.ToTable("supplier_registrations");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ContactName).HasMaxLength(SupplierRegistration.MaxName);
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.SupplierName).HasMaxLength(ProviderDetails.MaxName);
        builder.Property(r => r.DetailsJson).HasMaxLength(4000);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(SupplierRegistration.MaxReason);
        builder.Ignore(r => r.Details);
        builder.HasIndex(r => new { r.OrganisationId, r.Status });
        builder.HasIndex(r => r.PersonId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}
