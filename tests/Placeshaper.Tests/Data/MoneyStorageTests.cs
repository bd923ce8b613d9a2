using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Data;

/// <summary>Amounts keep their source precision in both databases, and SQL sums them exactly.</summary>
public abstract class MoneyStorageTests(DatabaseProvider provider)
{
    private sealed class Payment
    {
        public int Id { get; set; }

        public decimal Amount { get; set; }
    }

    private sealed class PaymentsDb(DbContextOptions<PaymentsDb> options) : DbContext(options)
    {
        public DbSet<Payment> Payments => Set<Payment>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Payment>().Property(p => p.Amount).HasMoneyConversion();
    }

    [Fact]
    public async Task Amounts_round_trip_at_source_precision_and_sum_exactly_in_SQL()
    {
        TestEnvironment.SkipUnless(TestDatabase.IsAvailable(provider), TestDatabase.UnavailableReason(provider));
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DbContextOptionsBuilder<PaymentsDb>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString);
        await using var db = new PaymentsDb(options.Options);
        await db.Database.EnsureCreatedAsync();

        // Real amounts from Devon's spend files, plus many tenths of a penny that binary floating point cannot add exactly.
        decimal[] amounts = [2646.6875m, -1496.00m, 0.0001m, 99_999_999.9999m, .. Enumerable.Repeat(0.1m, 1000)];
        db.Payments.AddRange(amounts.Select(a => new Payment { Amount = a }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var stored = await db.Payments.OrderBy(p => p.Id).Select(p => p.Amount).ToListAsync();
        var total = await db.Payments.SumAsync(p => p.Amount);

        stored.ShouldBe(amounts);
        total.ShouldBe(100_001_250.6875m);
    }
}

public sealed class MoneyStorageTestsOnSqlite() : MoneyStorageTests(DatabaseProvider.Sqlite);

public sealed class MoneyStorageTestsOnPostgres() : MoneyStorageTests(DatabaseProvider.Postgres);
