using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// Writes payments in bulk inside the import's transaction, the one place spend touches SQL directly (STYLE 6: one
/// small seam per provider for bulk paths). SQLite: one prepared INSERT … ON CONFLICT DO NOTHING run per row, which
/// is how SQLite loads fastest inside a transaction. PostgreSQL: binary COPY into a temporary table, then one
/// INSERT … SELECT … ON CONFLICT DO NOTHING. Either way a payment the organisation already holds (same identity) is
/// counted as a duplicate, not written, and the monthly supplier totals are brought up to date from the rows added.
/// </summary>
public abstract class SpendWriter : IAsyncDisposable
{
    protected const string Columns =
        "organisation_id, import_id, line, date, month, amount, supplier_name, supplier_key, redacted, transaction_number, service_area, expense_type, description, company_number, vat_number, postcode, identity_key";

    protected SpendWriter(PlaceshaperDb db, Guid organisationId, Guid importId)
    {
        Db = db;
        OrganisationId = organisationId;
        ImportId = importId;
        Connection = db.Database.GetDbConnection();
        Transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Spend is written inside the import's transaction.");
    }

    protected PlaceshaperDb Db { get; }

    protected Guid OrganisationId { get; }

    protected Guid ImportId { get; }

    protected DbConnection Connection { get; }

    protected DbTransaction Transaction { get; }

    /// <summary>Rows given to <see cref="Add"/>.</summary>
    public int Written { get; protected set; }

    public static async Task<SpendWriter> StartAsync(PlaceshaperDb db, Guid organisationId, Guid importId, CancellationToken cancellationToken)
    {
        SpendWriter writer = db.Provider == DatabaseProvider.Postgres
            ? new PostgresSpendWriter(db, organisationId, importId)
            : new SqliteSpendWriter(db, organisationId, importId);
        await writer.StartAsync(cancellationToken);
        return writer;
    }

    protected abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract void Add(SpendRow row, string supplierKey, long identity);

    /// <summary>Ends the bulk write; returns how many rows were new (the rest were duplicates) and their total.</summary>
    public async Task<(int Added, decimal Total)> FinishAsync(CancellationToken cancellationToken)
    {
        var added = await FinishRowsAsync(cancellationToken);
        await using var aggregate = Command(
            "INSERT INTO spend_supplier_months (organisation_id, month, supplier_key, company_number, total, transactions) " +
            "SELECT organisation_id, month, supplier_key, COALESCE(company_number, ''), SUM(amount), COUNT(*) FROM spend_transactions " +
            "WHERE import_id = @import GROUP BY organisation_id, month, supplier_key, COALESCE(company_number, '') " +
            "ON CONFLICT (organisation_id, month, supplier_key, company_number) DO UPDATE SET total = spend_supplier_months.total + excluded.total, " +
            "transactions = spend_supplier_months.transactions + excluded.transactions");
        Parameter(aggregate, "import", ImportId);
        await aggregate.ExecuteNonQueryAsync(cancellationToken);
        await using var total = Command("SELECT COALESCE(SUM(amount), 0) FROM spend_transactions WHERE import_id = @import");
        Parameter(total, "import", ImportId);
        var units = Convert.ToInt64(await total.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return (added, Common.Money.FromStoredUnits(units));
    }

    protected abstract Task<int> FinishRowsAsync(CancellationToken cancellationToken);

    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;

        // A million-row insert from the staging table takes longer than the default 30 seconds on a busy server.
        command.CommandTimeout = 0;
        return command;
    }

    protected void Parameter(DbCommand command, string name, Guid value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = Db.Provider == DatabaseProvider.Postgres ? value : value.ToString().ToUpperInvariant();
        command.Parameters.Add(parameter);
    }

    protected static string? Cut(string? text, int most) => text is { Length: var length } && length > most ? text[..most] : text;

    public abstract ValueTask DisposeAsync();
}

/// <summary>SQLite: a prepared statement run once per row, in the import's transaction.</summary>
internal sealed class SqliteSpendWriter(PlaceshaperDb db, Guid organisationId, Guid importId) : SpendWriter(db, organisationId, importId)
{
    private DbCommand? insert;
    private DbParameter[] parameters = [];
    private int added;

    protected override Task StartAsync(CancellationToken cancellationToken)
    {
        // SQLite's default page cache is 2 MB: too small for the indexes of a large import, whose inserts would then
        // go to the file system for every page. 64 MB for this connection, and temporary sorts in memory.
        using (var pragma = Command("PRAGMA cache_size = -65536"))
        {
            pragma.ExecuteNonQuery();
        }

        var names = Columns.Split(", ");
        insert = Command($"INSERT INTO spend_transactions ({Columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) ON CONFLICT (organisation_id, identity_key) DO NOTHING");
        parameters = names.Select(n =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "@" + n;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        parameters[0].Value = OrganisationId.ToString().ToUpperInvariant();
        parameters[1].Value = ImportId.ToString().ToUpperInvariant();
        insert.Prepare();
        return Task.CompletedTask;
    }

    public override void Add(SpendRow row, string supplierKey, long identity)
    {
        parameters[2].Value = row.Line;
        parameters[3].Value = row.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        parameters[4].Value = (row.Date.Year * 100) + row.Date.Month;
        parameters[5].Value = Common.Money.ToStoredUnits(row.Amount);
        parameters[6].Value = (object?)Cut(row.Supplier, SpendLimits.Text) ?? DBNull.Value;
        parameters[7].Value = Cut(supplierKey, SpendLimits.Text);
        parameters[8].Value = row.Redacted ? 1 : 0;
        parameters[9].Value = (object?)Cut(row.TransactionNumber, SpendLimits.Text) ?? DBNull.Value;
        parameters[10].Value = (object?)Cut(row.ServiceArea, SpendLimits.Text) ?? DBNull.Value;
        parameters[11].Value = (object?)Cut(row.ExpenseType, SpendLimits.Text) ?? DBNull.Value;
        parameters[12].Value = (object?)Cut(row.Description, SpendLimits.Text) ?? DBNull.Value;
        parameters[13].Value = (object?)Cut(row.CompanyNumber, SpendLimits.Number) ?? DBNull.Value;
        parameters[14].Value = (object?)Cut(row.VatNumber, SpendLimits.Number) ?? DBNull.Value;
        parameters[15].Value = (object?)Cut(row.Postcode, SpendLimits.Number) ?? DBNull.Value;
        parameters[16].Value = identity;
        added += insert!.ExecuteNonQuery();
        Written++;
    }

    protected override Task<int> FinishRowsAsync(CancellationToken cancellationToken) => Task.FromResult(added);

    public override async ValueTask DisposeAsync()
    {
        if (insert is not null)
        {
            await insert.DisposeAsync();
        }
    }
}

/// <summary>PostgreSQL: binary COPY into a temporary table dropped at commit, then one insert of the new rows.</summary>
internal sealed class PostgresSpendWriter(PlaceshaperDb db, Guid organisationId, Guid importId) : SpendWriter(db, organisationId, importId)
{
    private NpgsqlBinaryImporter? copy;

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var create = Command(
            $"CREATE TEMPORARY TABLE spend_staging ON COMMIT DROP AS SELECT {Columns} FROM spend_transactions WITH NO DATA"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        copy = await ((NpgsqlConnection)Connection).BeginBinaryImportAsync($"COPY spend_staging ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
    }

    public override void Add(SpendRow row, string supplierKey, long identity)
    {
        var c = copy!;
        c.StartRow();
        c.Write(OrganisationId, NpgsqlDbType.Uuid);
        c.Write(ImportId, NpgsqlDbType.Uuid);
        c.Write(row.Line, NpgsqlDbType.Integer);
        c.Write(row.Date, NpgsqlDbType.Date);
        c.Write((row.Date.Year * 100) + row.Date.Month, NpgsqlDbType.Integer);
        c.Write(Common.Money.ToStoredUnits(row.Amount), NpgsqlDbType.Bigint);
        Text(c, Cut(row.Supplier, SpendLimits.Text));
        c.Write(Cut(supplierKey, SpendLimits.Text)!, NpgsqlDbType.Varchar);
        c.Write(row.Redacted, NpgsqlDbType.Boolean);
        Text(c, Cut(row.TransactionNumber, SpendLimits.Text));
        Text(c, Cut(row.ServiceArea, SpendLimits.Text));
        Text(c, Cut(row.ExpenseType, SpendLimits.Text));
        Text(c, Cut(row.Description, SpendLimits.Text));
        Text(c, Cut(row.CompanyNumber, SpendLimits.Number));
        Text(c, Cut(row.VatNumber, SpendLimits.Number));
        Text(c, Cut(row.Postcode, SpendLimits.Number));
        c.Write(identity, NpgsqlDbType.Bigint);
        Written++;
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Varchar);
        }
    }

    protected override async Task<int> FinishRowsAsync(CancellationToken cancellationToken)
    {
        await copy!.CompleteAsync(cancellationToken);
        await copy.DisposeAsync();
        copy = null;
        await using var insert = Command(
            $"INSERT INTO spend_transactions ({Columns}) SELECT {Columns} FROM spend_staging ON CONFLICT (organisation_id, identity_key) DO NOTHING");
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (copy is not null)
        {
            await copy.DisposeAsync();
        }
    }
}
