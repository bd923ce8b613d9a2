using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

internal sealed class SpendImportConfiguration : IEntityTypeConfiguration<SpendImport>
{
    public void Configure(EntityTypeBuilder<SpendImport> builder)
    {
        builder.ToTable("spend_imports");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FileName).HasMaxLength(SpendImport.MaxFileName);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.Encoding).HasMaxLength(40);
        builder.Property(i => i.Mapping).HasMaxLength(4000);
        builder.Property(i => i.Total).HasMoneyConversion();
        builder.Ignore(i => i.SkippedRows);
        builder.HasIndex(i => new { i.OrganisationId, i.ImportedAt });
        builder.HasIndex(i => new { i.OrganisationId, i.Number }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpendTransactionConfiguration : IEntityTypeConfiguration<SpendTransaction>
{
    /// <summary>
    /// A view over spend_payments (ADR 0024, migration 0036) giving back the organisation's and the import's ids, so
    /// that reads by organisation, in EF or SQL, are as they were. It is written by hand in the migrations: EF Core
    /// creates no views.
    /// </summary>
    public void Configure(EntityTypeBuilder<SpendTransaction> builder)
    {
        builder.ToTable((string?)null);
        builder.ToView("spend_transactions");
        // A payment's id is unique within its organisation only (ADR 0028).
        builder.HasKey(t => new { t.OrganisationId, t.Id });
        builder.Property(t => t.Amount).HasMoneyConversion();
    }
}

internal sealed class SpendPaymentConfiguration : IEntityTypeConfiguration<SpendPayment>
{
    public void Configure(EntityTypeBuilder<SpendPayment> builder)
    {
        builder.ToTable("spend_payments");

        // Keyed as payments are written (ADR 0025, ADR 0028): an import's rows go on at its right-hand end, where an
        // index by identity took each one to a random page, and in SQLite the key is the table (WITHOUT ROWID, which
        // EF Core does not describe), so each row is stored once. The identity rule (a payment is held once per
        // organisation) is kept by the import, which loads the identities held under the organisation's write lock.
        // No (organisation, date) index: summaries read the day and month totals.
        builder.HasKey(t => new { t.OrganisationNumber, t.ImportNumber, t.Line });
        builder.Property(t => t.Amount).HasMoneyConversion();
        builder.Property(t => t.TransactionNumber).HasMaxLength(SpendLimits.Text);
        builder.Property(t => t.Description).HasMaxLength(SpendLimits.Text);
        builder.Property(t => t.CompanyNumber).HasMaxLength(SpendLimits.Number);
        builder.Property(t => t.VatNumber).HasMaxLength(SpendLimits.Number);
        builder.Property(t => t.Postcode).HasMaxLength(SpendLimits.Number);

        // No foreign key to the ledger (ADR 0025): the import takes the number from the ledger's row in its own
        // transaction and nothing else writes payments, while PostgreSQL's check, a trigger per row, took half of a
        // million-row COPY's time.
    }
}

internal sealed class SpendSupplierNameConfiguration : IEntityTypeConfiguration<SpendSupplierName>
{
    public void Configure(EntityTypeBuilder<SpendSupplierName> builder)
    {
        builder.ToTable("spend_supplier_names");
        builder.HasKey(n => new { n.OrganisationNumber, n.Number });
        builder.Property(n => n.Number).ValueGeneratedNever();
        builder.Property(n => n.SupplierName).HasMaxLength(SpendLimits.Text);
        builder.Property(n => n.SupplierKey).HasMaxLength(SpendLimits.Text);
    }
}

internal sealed class SpendServiceExpenseConfiguration : IEntityTypeConfiguration<SpendServiceExpense>
{
    public void Configure(EntityTypeBuilder<SpendServiceExpense> builder)
    {
        builder.ToTable("spend_service_expenses");
        builder.HasKey(n => new { n.OrganisationNumber, n.Number });
        builder.Property(n => n.Number).ValueGeneratedNever();
        builder.Property(n => n.ServiceArea).HasMaxLength(SpendLimits.Text);
        builder.Property(n => n.ExpenseType).HasMaxLength(SpendLimits.Text);
    }
}

internal sealed class SpendLedgerConfiguration : IEntityTypeConfiguration<SpendLedger>
{
    public void Configure(EntityTypeBuilder<SpendLedger> builder)
    {
        builder.ToTable("spend_ledgers");
        builder.HasKey(l => l.Number);
        builder.Property(l => l.Number).ValueGeneratedOnAdd();
        builder.HasIndex(l => l.OrganisationId).IsUnique();

        // The column's default is what ledgers opened before migration 0041 were given; the import opens new ones
        // with the current scheme, always by name.
        builder.Property(l => l.IdentityScheme).HasDefaultValue(SpendIdentity.Sha256);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpendSupplierMonthConfiguration : IEntityTypeConfiguration<SpendSupplierMonth>
{
    public void Configure(EntityTypeBuilder<SpendSupplierMonth> builder)
    {
        builder.ToTable("spend_supplier_months");
        builder.HasKey(m => new { m.OrganisationId, m.Month, m.SupplierKey, m.CompanyNumber });
        builder.Property(m => m.SupplierKey).HasMaxLength(SpendLimits.Text);
        builder.Property(m => m.CompanyNumber).HasMaxLength(SpendLimits.Number);
        builder.Property(m => m.Total).HasMoneyConversion();
        // No foreign key to the organisation: the import alone writes these totals, for the organisation whose ledger
        // it holds, and organisations are never deleted; PostgreSQL checked the key with a trigger per row, a third
        // of a million-row import's upserts (migration 0045, ADR 0026).
    }
}

/// <summary>Longest text kept from a spend file's cell; longer text is cut (files have had whole paragraphs in a description).</summary>
public static class SpendLimits
{
    public const int Text = 500;
    public const int Number = 40;

    /// <summary>A text cut to a column's length, as it is stored.</summary>
    public static string? Cut(string? text, int most) => text is { Length: var length } && length > most ? text[..most] : text;
}

internal sealed class SpendProfileConfiguration : IEntityTypeConfiguration<SpendProfile>
{
    public void Configure(EntityTypeBuilder<SpendProfile> builder)
    {
        builder.ToTable("spend_profiles");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(SpendProfile.MaxName);
        builder.Property(p => p.Mapping).HasMaxLength(4000);
        builder.Ignore(p => p.Fields);
        builder.HasIndex(p => new { p.OrganisationId, p.Name }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpendDayConfiguration : IEntityTypeConfiguration<SpendDay>
{
    public void Configure(EntityTypeBuilder<SpendDay> builder)
    {
        builder.ToTable("spend_days");
        builder.HasKey(d => new { d.OrganisationId, d.Date });
        builder.Property(d => d.Total).HasMoneyConversion();
        // No foreign key to the organisation: the import alone writes these totals, for the organisation whose ledger
        // it holds, and organisations are never deleted; PostgreSQL checked the key with a trigger per row, a third
        // of a million-row import's upserts (migration 0045, ADR 0026).
    }
}

internal sealed class SpendDayCategoryConfiguration : IEntityTypeConfiguration<SpendDayCategory>
{
    public void Configure(EntityTypeBuilder<SpendDayCategory> builder)
    {
        builder.ToTable("spend_day_categories");
        builder.HasKey(d => new { d.OrganisationId, d.Date, d.ServiceArea, d.ExpenseType });
        builder.Property(d => d.ServiceArea).HasMaxLength(SpendLimits.Text);
        builder.Property(d => d.ExpenseType).HasMaxLength(SpendLimits.Text);
        builder.Property(d => d.Total).HasMoneyConversion();
        // No foreign key to the organisation: the import alone writes these totals, for the organisation whose ledger
        // it holds, and organisations are never deleted; PostgreSQL checked the key with a trigger per row, a third
        // of a million-row import's upserts (migration 0045, ADR 0026).
    }
}

internal sealed class SpendSupplierDayConfiguration : IEntityTypeConfiguration<SpendSupplierDay>
{
    public void Configure(EntityTypeBuilder<SpendSupplierDay> builder)
    {
        builder.ToTable("spend_supplier_days");
        builder.HasKey(d => new { d.OrganisationId, d.Date, d.SupplierKey, d.CompanyNumber });
        builder.Property(d => d.SupplierKey).HasMaxLength(SpendLimits.Text);
        builder.Property(d => d.CompanyNumber).HasMaxLength(SpendLimits.Number);
        builder.Property(d => d.Total).HasMoneyConversion();
        // No foreign key to the organisation: the import alone writes these totals, for the organisation whose ledger
        // it holds, and organisations are never deleted; PostgreSQL checked the key with a trigger per row, a third
        // of a million-row import's upserts (migration 0045, ADR 0026).
    }
}
