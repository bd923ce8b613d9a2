using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Spend;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

/// <summary>
/// Migration 0036 (ADR 0024) moves payments held in spend_transactions into spend_payments, with the organisation and
/// the import as small numbers, and puts a view in the old table's place: payments already held must read back
/// exactly as before through it, and the next import must carry on numbering and recognise what is held.
/// </summary>
public abstract class PaymentsMigrationTests(DatabaseProvider provider)
{
    private const string Migration = "0036_spend_payments";
    private static readonly Guid Anytown = Guid.Parse("0b3c9a8e-1d2f-4e5a-8b7c-6d5e4f3a2b10");
    private static readonly Guid Elsewhere = Guid.Parse("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static readonly Guid FirstImport = Guid.Parse("11111111-2222-4333-8444-555555555555");
    private static readonly Guid SecondImport = Guid.Parse("66666666-7777-4888-8999-aaaaaaaaaaaa");
    private static readonly Guid ElsewhereImport = Guid.Parse("bbbbbbbb-cccc-4ddd-8eee-ffffffffffff");

    [Fact]
    public async Task Payments_held_before_read_back_unchanged_and_the_next_import_carries_on()
    {
        TestEnvironment.SkipUnless(TestDatabase.IsAvailable(provider), TestDatabase.UnavailableReason(provider));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DatabaseSetup.Create(database.ConnectionString);
        await MigrateBeforeAsync(db);
        await HoldPaymentsAsync(db);

        // Later migrations follow; this one must be the first applied to the data held before it.
        (await Migrator.MigrateAsync(db))[0].ShouldBe(Migration);

        var held = await db.SpendTransactions.IgnoreQueryFilters().AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.OrganisationId, t.ImportId, t.Line, t.Date, t.Month, t.Amount, t.SupplierKey, t.Redacted, t.TransactionNumber, t.IdentityKey })
            .ToListAsync(TestContext.Current.CancellationToken);
        // A payment's id is its import's number and its line as one number (0047), in the order the ids held gave.
        held.Select(t => (t.Id, t.OrganisationId, t.ImportId, t.TransactionNumber, t.Amount, t.IdentityKey)).ShouldBe([
            ((1L << 32) + 2, Anytown, FirstImport, "A-1", 1000.0050m, 101L),
            ((1L << 32) + 3, Anytown, FirstImport, "A-2", -250.5m, 102L),
            ((1L << 32) + 4, Elsewhere, ElsewhereImport, "E-1", 12.34m, 101L),
            ((2L << 32) + 5, Anytown, SecondImport, "A-3", 99.99m, 103L),
        ]);
        held[0].Date.ShouldBe(new DateOnly(2025, 4, 3));
        held[0].Month.ShouldBe(202504);
        held[1].Redacted.ShouldBeTrue();
        held[0].SupplierKey.ShouldBe("ACME");

        // Suppliers as written and service areas come back through the view from the names 0046 numbered, once per
        // organisation: Anytown's Acme, redacted supplier and Beta; Elsewhere's Acme.
        (await db.SpendTransactions.IgnoreQueryFilters().OrderBy(t => t.Id).Select(t => new { t.SupplierName, t.ServiceArea, t.ExpenseType }).ToListAsync(TestContext.Current.CancellationToken))
            .Select(t => (t.SupplierName, t.ServiceArea, t.ExpenseType)).ShouldBe([("Acme Ltd", null, null), (null, null, null), ("Acme Ltd", null, null), ("Beta Ltd", null, null)]);
        (await db.SpendSupplierNames.CountAsync(TestContext.Current.CancellationToken), await db.SpendServiceExpenses.CountAsync(TestContext.Current.CancellationToken)).ShouldBe((4, 2));

        // Reads by organisation, in EF and in SQL, find that organisation's payments only.
        (await db.SpendTransactions.IgnoreQueryFilters().CountAsync(t => t.OrganisationId == Anytown, TestContext.Current.CancellationToken)).ShouldBe(3);
        (await db.SpendImports.IgnoreQueryFilters().Where(i => i.OrganisationId == Anytown).OrderBy(i => i.ImportedAt).Select(i => i.Number).ToListAsync(TestContext.Current.CancellationToken))
            .ShouldBe([1, 2]);
        // Day totals by service area and expense type are filled in from the payments held (0043).
        (await db.SpendDayCategories.IgnoreQueryFilters().Where(d => d.OrganisationId == Anytown).Select(d => new { d.Date, d.ServiceArea, d.ExpenseType, d.Total, d.Transactions })
            .ToListAsync(TestContext.Current.CancellationToken)).Select(d => (d.Date, d.ServiceArea, d.ExpenseType, d.Total, d.Transactions))
            .ShouldBe([(new DateOnly(2025, 4, 3), "", "", 849.4950m, 3)]);

        // Ledgers opened by the migration keep the identities their payments were given: SHA-256's (0041).
        (await db.SpendLedgers.IgnoreQueryFilters().Select(l => new { l.OrganisationId, l.Imports, l.IdentityScheme }).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(l => l.Imports).Select(l => (l.OrganisationId, l.Imports, l.IdentityScheme)).ShouldBe([(Elsewhere, 1, SpendIdentity.Sha256), (Anytown, 2, SpendIdentity.Sha256)]);

        // The next import is the organisation's third, and a payment like one held in the other organisation is new here.
        var csv = "Date,Transaction Number,Amount,Supplier Name\r\n05/04/2025,A-4,10.00,Beta Ltd\r\n";
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var report = await new ImportSpend(db, TimeProvider.System).HandleAsync(Anytown, content, "more.csv", null, null, TestContext.Current.CancellationToken);

        report.Accepted.ShouldBeTrue(string.Join("; ", report.Problems));
        report.Imported.ShouldBe(1);
        (await db.SpendImports.IgnoreQueryFilters().Where(i => i.Id == report.ImportId).Select(i => i.Number).SingleAsync(TestContext.Current.CancellationToken)).ShouldBe(3);
        var added = await db.SpendTransactions.IgnoreQueryFilters().Where(t => t.TransactionNumber == "A-4").SingleAsync(TestContext.Current.CancellationToken);
        (added.OrganisationId, added.ImportId, added.Id).ShouldBe((Anytown, report.ImportId!.Value, (3L << 32) + 2));
        (added.SupplierName, added.SupplierKey).ShouldBe(("Beta Ltd", "BETA"));
        (await db.SpendSupplierNames.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(4, "Beta Ltd is numbered already");

        // The ledger kept SHA-256, so files imported before 0041 still match their payments: the first eight bytes
        // of SHA-256 over the line's text in UTF-8, worked out here without SpendIdentity.
        var text = $"A-4\u001F{new DateOnly(2025, 4, 5).DayNumber}\u001F100000\u001FBeta Ltd\u001F\u001F\u001F";
        added.IdentityKey.ShouldBe(BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        content.Position = 0;
        var again = await new ImportSpend(db, TimeProvider.System).HandleAsync(Anytown, content, "more.csv", null, null, TestContext.Current.CancellationToken);
        (again.Imported, again.Duplicates).ShouldBe((0, 1));
    }

    [Fact]
    public async Task A_new_database_migrated_then_given_spend_on_one_pooled_connection_imports_as_a_first_run_does_and_the_next_import_adds_to_its_totals()
    {
        TestEnvironment.SkipUnless(TestDatabase.IsAvailable(provider), TestDatabase.UnavailableReason(provider));
        await using var database = await TestDatabase.CreateAsync(provider);

        // As the app connects (pooled), unlike the other tests: the migrations and the import share a connection.
        var pooled = database.ConnectionString.Replace(";Pooling=False", "", StringComparison.Ordinal);
        await using var db = DatabaseSetup.Create(pooled);
        await Migrator.MigrateAsync(db, TestContext.Current.CancellationToken);
        var organisation = Guid.NewGuid();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ({0}, 'first-run', 'First Run', 'Council', {1})",
            [provider == DatabaseProvider.Sqlite ? organisation.ToString().ToUpperInvariant() : organisation, DateTime.UtcNow], TestContext.Current.CancellationToken);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes("Date,Transaction Number,Amount,Supplier Name\r\n05/04/2025,F-1,10.00,Beta Ltd\r\n"));

        var report = await new ImportSpend(db, TimeProvider.System).HandleAsync(organisation, content, "first.csv", null, null, TestContext.Current.CancellationToken);

        report.Accepted.ShouldBeTrue(string.Join("; ", report.Problems));
        report.Imported.ShouldBe(1);

        // The first import inserted the organisation's totals (it had none); the next adds to the same keys' rows, and
        // inserts rows for keys the organisation does not hold yet.
        await using var more = new MemoryStream(Encoding.UTF8.GetBytes(
            "Date,Transaction Number,Amount,Supplier Name\r\n05/04/2025,F-1,10.00,Beta Ltd\r\n05/04/2025,F-2,5.50,Beta Ltd\r\n06/05/2025,F-3,2.25,Gamma Ltd\r\n"));
        var next = await new ImportSpend(db, TimeProvider.System).HandleAsync(organisation, more, "more.csv", null, null, TestContext.Current.CancellationToken);
        (next.Imported, next.Duplicates).ShouldBe((2, 1));
        var ct = TestContext.Current.CancellationToken;
        (await db.SpendDays.IgnoreQueryFilters().Where(d => d.OrganisationId == organisation).Select(d => new { d.Total, d.Transactions }).ToListAsync(ct))
            .Select(d => (d.Total, d.Transactions)).OrderByDescending(d => d.Transactions).ShouldBe([(15.50m, 2), (2.25m, 1)]);
        (await db.SpendSupplierDays.IgnoreQueryFilters().Where(d => d.OrganisationId == organisation).Select(d => new { d.Total, d.Transactions }).ToListAsync(ct))
            .Select(d => (d.Total, d.Transactions)).OrderByDescending(d => d.Transactions).ShouldBe([(15.50m, 2), (2.25m, 1)]);
        (await db.SpendSupplierMonths.IgnoreQueryFilters().Where(d => d.OrganisationId == organisation).Select(d => new { d.Total, d.Transactions }).ToListAsync(ct))
            .Select(d => (d.Total, d.Transactions)).OrderByDescending(d => d.Transactions).ShouldBe([(15.50m, 2), (2.25m, 1)]);
        (await db.SpendDayCategories.IgnoreQueryFilters().Where(d => d.OrganisationId == organisation).Select(d => new { d.Total, d.Transactions }).ToListAsync(ct))
            .Select(d => (d.Total, d.Transactions)).OrderByDescending(d => d.Transactions).ShouldBe([(15.50m, 2), (2.25m, 1)]);
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Applies every script before 0036, as a database last migrated then would have had them.</summary>
    private async Task MigrateBeforeAsync(PlaceshaperDb db)
    {
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = db.Database.GetDbConnection();
        await ExecuteAsync(connection, $"CREATE TABLE {Migrator.HistoryTable} (id varchar(200) NOT NULL PRIMARY KEY, checksum varchar(64) NOT NULL, applied_at varchar(40) NOT NULL)");
        foreach (var script in Migrator.ScriptsFor(provider).Where(s => string.CompareOrdinal(s.Id, Migration) < 0))
        {
            await ExecuteAsync(connection, script.Sql);
            await ExecuteAsync(connection, $"INSERT INTO {Migrator.HistoryTable} (id, checksum, applied_at) VALUES ('{script.Id}', '{script.Checksum}', '2026-01-01T00:00:00Z')");
        }

        await db.Database.CloseConnectionAsync();
    }

    /// <summary>Two organisations' imports and payments in the old table, inserted as the old writer did.</summary>
    private async Task HoldPaymentsAsync(PlaceshaperDb db)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        string Id(Guid id) => sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";
        string At(int hour) => sqlite ? $"'2026-01-01 {hour:00}:00:00'" : $"'2026-01-01 {hour:00}:00:00+00'";
        string Flag(bool value) => sqlite ? (value ? "1" : "0") : (value ? "true" : "false");
        var sql = new StringBuilder();
        foreach (var (id, slug) in new[] { (Anytown, "anytown-old"), (Elsewhere, "elsewhere-old") })
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO organisations (id, slug, name, kind, created_at) VALUES ({Id(id)}, '{slug}', '{slug}', 'Council', {At(1)});\n");
        }

        foreach (var (id, organisation, hour) in new[] { (FirstImport, Anytown, 9), (ElsewhereImport, Elsewhere, 10), (SecondImport, Anytown, 11) })
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO spend_imports (id, organisation_id, file_name, sha256, encoding, mapping, read, imported, duplicates, skipped, errors, total, skip_report, imported_at) VALUES ({Id(id)}, {Id(organisation)}, 'f.csv', 'x', 'UTF-8', '', 1, 1, 0, 0, 0, 0, '[]', {At(hour)});\n");
        }

        foreach (var (id, organisation, import, number, amount, supplier, key, redacted, identity) in new[]
        {
            (10, Anytown, FirstImport, "A-1", 10000050L, "'Acme Ltd'", "ACME", false, 101L),
            (11, Anytown, FirstImport, "A-2", -2505000L, "NULL", "", true, 102L),
            (12, Elsewhere, ElsewhereImport, "E-1", 123400L, "'Acme Ltd'", "ACME", false, 101L),
            (13, Anytown, SecondImport, "A-3", 999900L, "'Beta Ltd'", "BETA", false, 103L),
        })
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO spend_transactions (id, organisation_id, import_id, line, date, month, amount, supplier_name, supplier_key, redacted, transaction_number, identity_key) VALUES ({id}, {Id(organisation)}, {Id(import)}, {id - 8}, '2025-04-03', 202504, {amount}, {supplier}, '{key}', {Flag(redacted)}, '{number}', {identity});\n");
        }

        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(db.Database.GetDbConnection(), sql.ToString());
        await db.Database.CloseConnectionAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class PaymentsMigrationTestsOnSqlite() : PaymentsMigrationTests(DatabaseProvider.Sqlite);

public sealed class PaymentsMigrationTestsOnPostgres() : PaymentsMigrationTests(DatabaseProvider.Postgres);
