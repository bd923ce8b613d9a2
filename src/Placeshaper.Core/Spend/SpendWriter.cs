using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Placeshaper.Data;
using SQLitePCL;

namespace Placeshaper.Spend;

/// <summary>
/// Writes payments in bulk inside the import's transaction, the one place spend touches SQL directly (STYLE 6: one
/// small seam per provider for bulk paths). It loads the organisation's payment identities for the import's
/// <see cref="SpendTally"/>, which the import asks what is new and which sums the totals; only new payments are
/// written, and the tally's totals are added to their tables at the end, a few thousand rows rather than a pass over
/// the payments. SQLite: multi-row INSERTs prepared once and bound through SQLite's own API.
/// PostgreSQL: binary COPY straight into the table, under a per-organisation lock so two imports cannot both add a
/// payment.
/// </summary>
public abstract class SpendWriter : IAsyncDisposable
{
    protected const string Columns =
        "organisation_number, import_number, line, date, month, amount, supplier_number, redacted, transaction_number, service_expense_number, description, company_number, vat_number, postcode, identity_key";

    protected SpendWriter(PlaceshaperDb db, Guid organisationId)
    {
        Db = db;
        OrganisationId = organisationId;
        Connection = db.Database.GetDbConnection();
        Transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Spend is written inside the import's transaction.");
    }

    protected PlaceshaperDb Db { get; }

    protected Guid OrganisationId { get; }

    protected DbConnection Connection { get; }

    protected DbTransaction Transaction { get; }

    /// <summary>The organisation's ledger number, which its payments carry (ADR 0024).</summary>
    protected int OrganisationNumber { get; private set; }

    /// <summary>This import's number within the organisation, which its payments carry (<see cref="SpendImport.Number"/>).</summary>
    public int ImportNumber { get; private set; }

    /// <summary>What this import adds, from the organisation's identities held when it started.</summary>
    public SpendTally Tally { get; private set; } = new([], SpendNames.None);

    /// <summary>The organisation's suppliers and service areas as written, numbered (ADR 0027); the reading thread numbers new ones.</summary>
    public SpendNames Names { get; private set; } = SpendNames.None;

    /// <summary>How the organisation's payment identities are worked out (<see cref="SpendLedger.IdentityScheme"/>).</summary>
    public int IdentityScheme { get; private set; }

    /// <summary>New payments given to <see cref="Add"/>.</summary>
    public int Written { get; protected set; }

    /// <summary>
    /// Locks the organisation's ledger, numbers the import and loads the identities held; <see cref="BeginAsync"/> then
    /// starts the bulk write, once the import has saved anything else it saves first.
    /// </summary>
    public static async Task<SpendWriter> OpenAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        SpendWriter writer = db.Provider == DatabaseProvider.Postgres
            ? new PostgresSpendWriter(db, organisationId)
            : new SqliteSpendWriter(db, organisationId);
        await writer.LockAsync(cancellationToken);
        await writer.NumberAsync(cancellationToken);
        writer.Names = await writer.NamesAsync(cancellationToken);
        writer.Tally = new SpendTally(await writer.HeldAsync(cancellationToken), writer.Names);
        return writer;
    }

    /// <summary>Starts the bulk write: PostgreSQL's COPY holds the connection until <see cref="FinishAsync"/>.</summary>
    public abstract Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The identities the organisation already holds, 8 bytes each (about 24 MB in a set for a million payments), for
    /// the import's <see cref="SpendTally"/>. The import's transaction holds the write lock (SQLite) or the
    /// organisation's lock (PostgreSQL) from here to commit, so nothing is added behind the tally's back: the tally is
    /// what keeps a payment held once (ADR 0025).
    /// </summary>
    private async Task<List<long>> HeldAsync(CancellationToken cancellationToken)
    {
        await using var select = Command("SELECT identity_key FROM spend_payments WHERE organisation_number = @number");
        Number(select);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var keys = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }

    /// <summary>The organisation's names held, a few thousand rows at most, numbered as its payments carry them.</summary>
    private async Task<SpendNames> NamesAsync(CancellationToken cancellationToken)
    {
        var suppliers = new List<(int, string?, string)>();
        await using (var select = Command("SELECT number, supplier_name, supplier_key FROM spend_supplier_names WHERE organisation_number = @number"))
        {
            Number(select);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                suppliers.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
            }
        }

        var serviceExpenses = new List<(int, string?, string?)>();
        await using (var select = Command("SELECT number, service_area, expense_type FROM spend_service_expenses WHERE organisation_number = @number"))
        {
            Number(select);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                serviceExpenses.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        return new SpendNames(suppliers, serviceExpenses);
    }

    private void Number(DbCommand command)
    {
        var number = command.CreateParameter();
        number.ParameterName = "@number";
        number.Value = OrganisationNumber;
        command.Parameters.Add(number);
    }

    /// <summary>
    /// The organisation's ledger number (a ledger is opened at its first import) and this import's: the ledger's count
    /// of imports, one more. Updating the ledger row also holds a second import for the organisation off until commit.
    /// </summary>
    private async Task NumberAsync(CancellationToken cancellationToken)
    {
        await using (var open = Command(string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO spend_ledgers (organisation_id, imports, identity_scheme) VALUES (@organisation, 0, {SpendIdentity.Current}) ON CONFLICT (organisation_id) DO NOTHING")))
        {
            Parameter(open, "organisation", OrganisationId);
            await open.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var next = Command("UPDATE spend_ledgers SET imports = imports + 1 WHERE organisation_id = @organisation RETURNING number, imports, identity_scheme");
        Parameter(next, "organisation", OrganisationId);
        await using var reader = await next.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The organisation's spend ledger was not opened.");
        }

        OrganisationNumber = reader.GetInt32(0);
        ImportNumber = reader.GetInt32(1);
        IdentityScheme = reader.GetInt32(2);
    }

    /// <summary>Keeps a second import for the organisation from adding payments until this one commits or rolls back.</summary>
    protected virtual Task LockAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Writes one new payment (the tally has counted it) of <paramref name="stored"/> units, with its supplier's and its
    /// service area's numbers in <see cref="Names"/>.
    /// </summary>
    public void Add(SpendRow row, int supplier, int serviceExpense, long stored, long identity)
    {
        Written++;
        Write(row, supplier, serviceExpense, SpendTally.Month(row.Date), stored, identity);
    }

    protected abstract void Write(SpendRow row, int supplier, int serviceExpense, int month, long amount, long identity);

    /// <summary>Ends the bulk write and adds the tally's totals to the totals tables.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        var tally = Tally;
        await FinishRowsAsync(cancellationToken);
        await InsertAsync("spend_supplier_names", "supplier_name, supplier_key", Names.NewSuppliers.Select(n => (n.Number, n.Name, (string?)n.Key)), cancellationToken);
        await InsertAsync("spend_service_expenses", "service_area, expense_type", Names.NewServiceExpenses, cancellationToken);
        await AddTotalsAsync("spend_supplier_months", ["month", "supplier_key", "company_number"],
            tally.Months.Select(m => (new object[] { m.Key.Month, m.Key.Key, m.Key.Number }, m.Value.Units, m.Value.Count)).ToList(), cancellationToken);
        await AddTotalsAsync("spend_supplier_days", ["date", "supplier_key", "company_number"],
            tally.SupplierDays.Select(m => (new object[] { m.Key.Date, m.Key.Key, m.Key.Number }, m.Value.Units, m.Value.Count)).ToList(), cancellationToken);
        await AddTotalsAsync("spend_day_categories", ["date", "service_area", "expense_type"],
            tally.DayCategories.Select(m => (new object[] { m.Key.Date, m.Key.Area, m.Key.Type }, m.Value.Units, m.Value.Count)).ToList(), cancellationToken);
        await AddTotalsAsync("spend_days", ["date"],
            tally.Days.Select(m => (new object[] { m.Key }, m.Value.Units, m.Value.Count)).ToList(), cancellationToken);
    }

    /// <summary>
    /// Adds totals to a table: upserted, or simply inserted when the organisation has none there yet (its first
    /// import), which PostgreSQL does in half the time of an upsert (49,362 supplier-day rows: 161 ms against 302 ms).
    /// The import's lock (SQLite's write lock, PostgreSQL's advisory lock) keeps any other import from adding totals
    /// between the look and the insert, and the tally gives each key once.
    /// </summary>
    private async Task AddTotalsAsync(string table, string[] keys, List<(object[] Key, long Units, int Count)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var look = Command($"SELECT 1 FROM {table} WHERE organisation_id = @organisation LIMIT 1");
        Parameter(look, "organisation", OrganisationId);
        var held = await look.ExecuteScalarAsync(cancellationToken) is not null;
        await UpsertAsync(table, keys, rows, held, cancellationToken);
    }

    protected abstract Task FinishRowsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves names this import numbered, a hundred rows a statement: SQLite's ADO.NET provider finds each parameter by
    /// name, so longer statements cost more a row (6,749 suppliers: 0.05 s at 500 rows a statement, 0.02 s at 50).
    /// </summary>
    private async Task InsertAsync(string table, string columns, IEnumerable<(int Number, string? First, string? Second)> names, CancellationToken cancellationToken)
    {
        foreach (var chunk in names.Chunk(100))
        {
            await using var insert = Command("");
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var (number, first, second) = chunk[i];
                values.Add(string.Create(CultureInfo.InvariantCulture, $"({OrganisationNumber}, {number}, @a{i}, @b{i})"));
                Text(insert, $"a{i}", first);
                Text(insert, $"b{i}", second);
            }

            insert.CommandText = $"INSERT INTO {table} (organisation_number, number, {columns}) VALUES {string.Join(", ", values)}";
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Text(DbCommand command, string name, string? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.DbType = System.Data.DbType.String;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Adds the new payments' totals to one of the totals tables, keyed by the organisation and <paramref name="keys"/>;
    /// <paramref name="held"/> says whether the organisation has any there already, to add to.
    /// </summary>
    protected abstract Task UpsertAsync(string table, string[] keys, List<(object[] Key, long Units, int Count)> rows, bool held, CancellationToken cancellationToken);

    protected static string Upsert(string table, string[] keys, string values, bool held) =>
        $"INSERT INTO {table} (organisation_id, {string.Join(", ", keys)}, total, transactions) {values}" + (held
            ? $" ON CONFLICT (organisation_id, {string.Join(", ", keys)}) DO UPDATE SET total = {table}.total + excluded.total, transactions = {table}.transactions + excluded.transactions"
            : "");

    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;

        // A million-row bulk command takes longer than the default 30 seconds on a busy server.
        command.CommandTimeout = 0;
        return command;
    }

    protected void Parameter(DbCommand command, string name, Guid value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = Db.Provider == DatabaseProvider.Postgres ? value : SqliteText(value);
        command.Parameters.Add(parameter);
    }

    /// <summary>How EF Core stores a Guid in SQLite: upper-case text.</summary>
    protected static string SqliteText(Guid value) => value.ToString().ToUpperInvariant();

    protected static string? Cut(string? text, int most) => SpendLimits.Cut(text, most);

    public abstract ValueTask DisposeAsync();
}

/// <summary>
/// SQLite: <see cref="RowsPerInsert"/> rows per INSERT statement, prepared once, in the import's transaction. Values
/// are bound straight through SQLite's C API (<see cref="SqliteBind"/>): texts as UTF-8 from one pinned buffer that
/// SQLite reads in place, rather than through the ADO.NET layer or SQLitePCL's safe handles, whose per-value work
/// was most of the writer's time (ADR 0023, ADR 0025).
/// </summary>
internal sealed class SqliteSpendWriter(PlaceshaperDb db, Guid organisationId) : SpendWriter(db, organisationId)
{
    /// <summary>Rows per statement: 13 bound values each, well under SQLite's 32,766.</summary>
    public const int RowsPerInsert = 200;

    private const int Bound = 13;
    private readonly List<(SpendRow Row, int Supplier, int ServiceExpense, int Month, long Amount, long Identity)> pending = new(RowsPerInsert);
    private readonly SqliteBind bind = new();
    private sqlite3_stmt? many;
    private sqlite3 Handle => ((SqliteConnection)Connection).Handle!;

    public override Task BeginAsync(CancellationToken cancellationToken)
    {
        // SQLite's default page cache is 2 MB: too small for a large import, whose inserts would then go to the file
        // system for every page. 16 MB for this connection (ADR 0024). (No temp_store: it cannot change inside a
        // transaction once the connection has used temporary storage, and the import sorts nothing.)
        using (var pragma = Command("PRAGMA cache_size = -16384"))
        {
            pragma.ExecuteNonQuery();
        }

        many = Prepare(RowsPerInsert);
        return Task.CompletedTask;
    }

    private sqlite3_stmt Prepare(int rows)
    {
        var values = string.Create(CultureInfo.InvariantCulture, $"({OrganisationNumber}, {ImportNumber}, ") + $"{string.Join(", ", Enumerable.Repeat("?", Bound))})";
        var sql = $"INSERT INTO spend_payments ({Columns}) VALUES {string.Join(", ", Enumerable.Repeat(values, rows))}";
        Check(raw.sqlite3_prepare_v2(Handle, sql, out var statement));
        return statement;
    }

    // Every line of a spend file passes through here: compiled for speed at its first call rather than run slowly
    // until the tiered JIT gets to it, which in a fresh process is well into a million-line import (docs/spend.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Write(SpendRow row, int supplier, int serviceExpense, int month, long amount, long identity)
    {
        pending.Add((row, supplier, serviceExpense, month, amount, identity));
        if (pending.Count == RowsPerInsert)
        {
            Run(many!);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(sqlite3_stmt statement)
    {
        var characters = 0;
        foreach (var (row, _, _, _, _, _) in pending)
        {
            characters += 10 + Length(row.TransactionNumber) + Length(row.Description) + Length(row.CompanyNumber) + Length(row.VatNumber) + Length(row.Postcode);
        }

        var at = bind.Start(statement, characters);
        foreach (var (row, supplier, serviceExpense, month, amount, identity) in pending)
        {
            Check(bind.Integer(at, row.Line));
            Check(bind.Date(at + 1, row.Date));
            Check(bind.Integer(at + 2, month));
            Check(bind.Integer(at + 3, amount));
            Check(bind.Integer(at + 4, supplier));
            Check(bind.Integer(at + 5, row.Redacted ? 1 : 0));
            Check(bind.Text(at + 6, Cut(row.TransactionNumber, SpendLimits.Text)));
            Check(bind.Integer(at + 7, serviceExpense));
            Check(bind.Text(at + 8, Cut(row.Description, SpendLimits.Text)));
            Check(bind.Text(at + 9, Cut(row.CompanyNumber, SpendLimits.Number)));
            Check(bind.Text(at + 10, Cut(row.VatNumber, SpendLimits.Number)));
            Check(bind.Text(at + 11, Cut(row.Postcode, SpendLimits.Number)));
            Check(bind.Integer(at + 12, identity));
            at += Bound;
        }

        Check(bind.Run());
        pending.Clear();
    }

    private static int Length(string? text) => text is null ? 0 : Math.Min(text.Length, SpendLimits.Text);

    private void Check(int code)
    {
        if (code is not raw.SQLITE_OK and not raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(code, Handle);
        }
    }

    protected override Task FinishRowsAsync(CancellationToken cancellationToken)
    {
        if (pending.Count > 0)
        {
            using var rest = Prepare(pending.Count);
            Run(rest);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Adds totals to a table. The organisation's first totals there are inserted in the table's key order
    /// (<see cref="KeyOrder"/>), <see cref="RowsPerTotalsInsert"/> to a statement: the table is its key (WITHOUT ROWID,
    /// ADR 0028), so rows in its order go on at one end. Totals added to ones held are upserted a row at a time.
    /// </summary>
    protected override Task UpsertAsync(string table, string[] keys, List<(object[] Key, long Units, int Count)> rows, bool held, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var perStatement = 1;
        if (!held)
        {
            rows.Sort(KeyOrder);
            perStatement = Math.Min(RowsPerTotalsInsert, rows.Count);
        }

        var row = $"('{SqliteText(OrganisationId)}', {string.Join(", ", Enumerable.Repeat("?", keys.Length + 2))})";
        sqlite3_stmt? statement = null;
        try
        {
            for (var first = 0; first < rows.Count; first += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - first);
                if (statement is null || count < perStatement)
                {
                    statement?.Dispose();
                    Check(raw.sqlite3_prepare_v2(Handle, Upsert(table, keys, "VALUES " + string.Join(", ", Enumerable.Repeat(row, count)), held), out statement));
                }

                var characters = 0;
                for (var i = first; i < first + count; i++)
                {
                    foreach (var part in rows[i].Key)
                    {
                        characters += part is string text ? text.Length : 10;
                    }
                }

                var at = bind.Start(statement, characters);
                for (var i = first; i < first + count; i++)
                {
                    var (key, total, transactions) = rows[i];
                    foreach (var part in key)
                    {
                        Check(part switch
                        {
                            int number => bind.Integer(at, number),
                            DateOnly day => bind.Date(at, day),
                            _ => bind.Text(at, (string)part),
                        });
                        at++;
                    }

                    Check(bind.Integer(at++, total));
                    Check(bind.Integer(at++, transactions));
                }

                Check(bind.Run());
            }
        }
        finally
        {
            statement?.Dispose();
        }

        return Task.CompletedTask;
    }

    /// <summary>Rows per statement for an organisation's first totals in a table: at most 6 values each.</summary>
    private const int RowsPerTotalsInsert = 100;

    /// <summary>
    /// The order SQLite keeps the totals' keys in: numbers by value, days as their yyyy-MM-dd text sorts, texts by
    /// their characters' codes (SQLite compares UTF-8 bytes, which order alike except beyond U+FFFF, where a row out
    /// of place costs a little time and nothing else).
    /// </summary>
    private static int KeyOrder((object[] Key, long, int) x, (object[] Key, long, int) y)
    {
        for (var i = 0; i < x.Key.Length; i++)
        {
            var order = (x.Key[i], y.Key[i]) switch
            {
                (int a, int b) => a.CompareTo(b),
                (DateOnly a, DateOnly b) => a.CompareTo(b),
                (string a, string b) => string.CompareOrdinal(a, b),
                _ => 0,
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    public override ValueTask DisposeAsync()
    {
        many?.Dispose();
        many = null;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL: binary COPY straight into the table, the rows encoded here (<see cref="PostgresCopyRows"/>), the
/// organisation locked against a second import until commit.
/// </summary>
internal sealed class PostgresSpendWriter(PlaceshaperDb db, Guid organisationId) : SpendWriter(db, organisationId)
{
    private const int Fields = 15;
    private NpgsqlRawCopyStream? copy;
    private PostgresCopyRows? rows;

    protected override async Task LockAsync(CancellationToken cancellationToken)
    {
        // Two imports for one organisation at once would each load the identities held and could both add a payment:
        // the second waits here until the first commits or rolls back.
        await using (var lockOrganisation = Command("SELECT pg_advisory_xact_lock(hashtextextended(@organisation::text, 7))"))
        {
            Parameter(lockOrganisation, "organisation", OrganisationId);
            await lockOrganisation.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override async Task BeginAsync(CancellationToken cancellationToken)
    {
        copy = await ((NpgsqlConnection)Connection).BeginRawBinaryCopyAsync($"COPY spend_payments ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        rows = new PostgresCopyRows(copy);
        rows.Header();
    }

    protected override void Write(SpendRow row, int supplier, int serviceExpense, int month, long amount, long identity)
    {
        var transactionNumber = Cut(row.TransactionNumber, SpendLimits.Text);
        var description = Cut(row.Description, SpendLimits.Text);
        var companyNumber = Cut(row.CompanyNumber, SpendLimits.Number);
        var vatNumber = Cut(row.VatNumber, SpendLimits.Number);
        var postcode = Cut(row.Postcode, SpendLimits.Number);
        var r = rows!;
        r.Row(Fields, (transactionNumber?.Length ?? 0) + (description?.Length ?? 0) + (companyNumber?.Length ?? 0) + (vatNumber?.Length ?? 0) + (postcode?.Length ?? 0));
        r.Integer(OrganisationNumber);
        r.Integer(ImportNumber);
        r.Integer(row.Line);
        r.Date(row.Date);
        r.Integer(month);
        r.Bigint(amount);
        r.Integer(supplier);
        r.Boolean(row.Redacted);
        r.Text(transactionNumber);
        r.Integer(serviceExpense);
        r.Text(description);
        r.Text(companyNumber);
        r.Text(vatNumber);
        r.Text(postcode);
        r.Bigint(identity);
    }

    protected override async Task FinishRowsAsync(CancellationToken cancellationToken)
    {
        rows!.End();
        rows = null;
        var ending = copy!;
        copy = null;

        // Disposing the stream ends the COPY: the server takes the rows, or says here what was wrong with them.
        await ending.DisposeAsync();
    }

    /// <summary>
    /// Where the organisation holds no totals in the table, they are copied in (<see cref="CopyAsync"/>). Where it holds
    /// some, one statement for all the rows, from arrays: the rows whose keys it holds are added to, the others
    /// inserted. The import's advisory lock keeps any other import from adding a key in between, and an upsert (ON
    /// CONFLICT) costs twice as much a row, for the speculative insertion that guards against one (docs/spend.md,
    /// eighth measurement).
    /// </summary>
    protected override async Task UpsertAsync(string table, string[] keys, List<(object[] Key, long Units, int Count)> rows, bool held, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!held)
        {
            await CopyAsync(table, keys, rows, cancellationToken);
            return;
        }

        var columns = keys.Select((_, i) => "k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var given = $"unnest({string.Join(", ", columns.Select(c => "@" + c))}, @totals, @counts) AS u({string.Join(", ", columns)}, t, c)";
        var insert = $"INSERT INTO {table} (organisation_id, {string.Join(", ", keys)}, total, transactions) SELECT @organisation, {string.Join(", ", columns)}, t, c FROM ";
        await using var upsert = (NpgsqlCommand)Command(
            $"WITH u AS (SELECT * FROM {given}), added AS (UPDATE {table} AS x SET total = x.total + u.t, transactions = x.transactions + u.c FROM u "
                + $"WHERE x.organisation_id = @organisation AND {string.Join(" AND ", keys.Select((k, i) => $"x.{k} = u.{columns[i]}"))} RETURNING {string.Join(", ", keys.Select(k => "x." + k))}) "
                + insert + $"u WHERE NOT EXISTS (SELECT 1 FROM added AS a WHERE {string.Join(" AND ", keys.Select((k, i) => $"a.{k} = u.{columns[i]}"))})");
        upsert.Parameters.AddWithValue("organisation", OrganisationId);
        for (var i = 0; i < keys.Length; i++)
        {
            var column = i;
            upsert.Parameters.AddWithValue(columns[i], rows[0].Key[i] is string
                ? rows.Select(r => (string)r.Key[column]).ToArray()
                : rows[0].Key[i] is int
                    ? rows.Select(r => (int)r.Key[column]).ToArray()
                    : rows.Select(r => (DateOnly)r.Key[column]).ToArray());
        }

        upsert.Parameters.AddWithValue("totals", rows.Select(r => r.Units).ToArray());
        upsert.Parameters.AddWithValue("counts", rows.Select(r => r.Count).ToArray());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Totals for keys the organisation holds none of (its first import into the table), by binary COPY as the payments
    /// go: half the time of inserting them from arrays (docs/spend.md, eighth measurement).
    /// </summary>
    private async Task CopyAsync(string table, string[] keys, List<(object[] Key, long Units, int Count)> rows, CancellationToken cancellationToken)
    {
        await using var totals = await ((NpgsqlConnection)Connection).BeginRawBinaryCopyAsync(
            $"COPY {table} (organisation_id, {string.Join(", ", keys)}, total, transactions) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var encoded = new PostgresCopyRows(totals);
        try
        {
            Encode(encoded, rows);
        }
        catch
        {
            // Cancelled rather than ended, so the server keeps none of the rows; the rollback would discard them anyway.
            try
            {
                await totals.CancelAsync();
            }
            catch (PostgresException)
            {
            }

            throw;
        }
    }

    private void Encode(PostgresCopyRows encoded, List<(object[] Key, long Units, int Count)> rows)
    {
        encoded.Header();
        foreach (var (key, units, count) in rows)
        {
            encoded.Row(key.Length + 3, key.Sum(k => k is string text ? text.Length : 0));
            encoded.Uuid(OrganisationId);
            foreach (var part in key)
            {
                switch (part)
                {
                    case int number:
                        encoded.Integer(number);
                        break;
                    case DateOnly day:
                        encoded.Date(day);
                        break;
                    default:
                        encoded.Text((string)part);
                        break;
                }
            }

            encoded.Bigint(units);
            encoded.Integer(count);
        }

        encoded.End();
    }

    public override async ValueTask DisposeAsync()
    {
        if (copy is { } abandoned)
        {
            // A refused file: the COPY is abandoned before the transaction is rolled back. The server answers a
            // cancelled COPY with an error, which Npgsql expects; any other (the COPY's own) must not hide the
            // reason the import is stopping, and the rollback discards the rows either way.
            copy = null;
            rows = null;
            try
            {
                await abandoned.CancelAsync();
            }
            catch (PostgresException)
            {
            }
            finally
            {
                await abandoned.DisposeAsync();
            }
        }
    }
}
