using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Placeshaper.Areas;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Providers;

namespace Placeshaper.Spend;

/// <summary>
/// Resolves and classifies every supplier the organisation's payments name, at the supplier level (thousands of
/// suppliers, not millions of payments): the payments are grouped by <see cref="SpendTransaction.SupplierKey"/>
/// once, each supplier is matched (<see cref="SupplierMatcher"/>, officers' decisions applied) and classified
/// (<see cref="SupplierClassifier"/>), and <c>spend_suppliers</c> is rebuilt. Run after every import and whenever the
/// register, a decision or the local definition changes; it is idempotent.
/// </summary>
public sealed class ResolveSuppliers(PlaceshaperDb db, TimeProvider clock)
{
    public sealed record Outcome(int Suppliers, int Resolved, int ToReview, int Unresolved, int NewSuppliers, int Redacted);

    /// <summary>One run at a time per organisation in this process; the retry in <see cref="HandleAsync"/> covers other instances.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, SemaphoreSlim> Running = new();

    /// <summary>
    /// Resolves and classifies the organisation's suppliers. Two runs for one organisation never interleave in one
    /// process (a lock per organisation); a run that collides with one on another instance (the rebuilt rows' primary
    /// key, organisation and supplier key, is unique) starts again from fresh reads, so no supplier is ever held twice
    /// and the last run's view, with every decision saved before it, wins.
    /// </summary>
    public Task<Outcome> HandleAsync(Guid organisationId, CancellationToken cancellationToken) =>
        OneAtATimeAsync(organisationId, () => WhileHeldAsync(organisationId, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> holding the organisation's resolution lock, so a decision's save and the run that
    /// applies it never wait on the database for another run's write (SQLite would time out and lose the decision).
    /// </summary>
    internal static async Task<T> OneAtATimeAsync<T>(Guid organisationId, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = Running.GetOrAdd(organisationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The run itself, for callers already holding the organisation's lock.</summary>
    internal async Task<Outcome> WhileHeldAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunAsync(organisationId, attempt, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome> RunAsync(Guid organisationId, int attempt, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(db, organisationId, cancellationToken);
        var providers = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var register = providers.Select(p => new SupplierMatcher.RegisterEntry(p.Id, p.Name, p.CompanyNumber, p.CharityNumber, p.VatNumber)).ToList();
        var byId = providers.ToDictionary(p => p.Id);
        var decisions = (await db.SupplierDecisions.AsNoTracking().Where(d => d.OrganisationId == organisationId).ToListAsync(cancellationToken))
            .ToDictionary(d => d.SupplierKey, d => new SupplierMatcher.Decision(d.Kind, d.ProviderId), StringComparer.Ordinal);
        var definition = await db.SpendLocalDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.OrganisationId == organisationId, cancellationToken)
            ?? SpendLocalDefinition.For(organisationId);

        var postcodes = facts.Select(f => ProviderNumbers.Postcode(f.Postcode).Value)
            .Concat(providers.SelectMany(p => new[] { p.RegisteredPostcode, p.TradingPostcode }))
            .Append(definition.CentrePostcode)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var places = await PlacesAsync(db, postcodes, cancellationToken);
        var locality = await LocalityAsync(db, organisationId, definition, places, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<SpendSupplier>(facts.Count);
        foreach (var fact in facts)
        {
            var resolution = SupplierMatcher.Resolve(new(fact.Key, fact.Name, fact.CompanyNumber, fact.VatNumber), register, decisions.GetValueOrDefault(fact.Key));
            var provider = resolution.ProviderId is { } id ? byId[id] : null;
            rows.Add(SpendSupplier.Create(organisationId, fact, resolution, SupplierClassifier.Classify(fact, provider, locality, places), now));
        }

        var outcome = Count(rows);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SpendSuppliers.Where(s => s.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            db.SpendSuppliers.AddRange(rows);
            if (attempt == 1)
            {
                // A failed save keeps its pending audit decision for the next save: recorded once, whatever the retries.
                db.RecordDecision(new AuditDecision(organisationId, "spend-suppliers-resolved", "SpendSupplier", organisationId.ToString(),
                    After: System.Text.Json.JsonSerializer.Serialize(outcome)));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return outcome;
    }

    private static Outcome Count(List<SpendSupplier> rows) => new(
        rows.Count,
        rows.Count(r => r.Status == SupplierStatus.Resolved),
        rows.Count(r => r.Status == SupplierStatus.ToReview),
        rows.Count(r => r.Status == SupplierStatus.Unresolved),
        rows.Count(r => r.Status == SupplierStatus.NewSupplier),
        rows.Count(r => r.Status == SupplierStatus.Redacted));

    /// <summary>
    /// The payments grouped by supplier: one name, number and postcode as the files give them, and the spend. Summed by
    /// the supplier's number in the payments first, then by key over the few thousand names (ADR 0027), rather than
    /// through the view, which would look up each payment's name.
    /// </summary>
    private static async Task<List<SupplierFacts>> FactsAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var facts = new List<SupplierFacts>();
        await SpendSql.ReadAsync(db,
            "SELECT n.supplier_key, MAX(n.supplier_name), MAX(t.company_number), MAX(t.vat_number), MAX(t.postcode), CAST(SUM(t.total) AS BIGINT), SUM(t.payments) FROM (" +
            "SELECT p.organisation_number, p.supplier_number, MAX(p.company_number) AS company_number, MAX(p.vat_number) AS vat_number, MAX(p.postcode) AS postcode, " +
            "SUM(p.amount) AS total, COUNT(*) AS payments FROM spend_payments AS p JOIN spend_ledgers AS l ON l.number = p.organisation_number " +
            "WHERE l.organisation_id = @organisation GROUP BY p.organisation_number, p.supplier_number) AS t " +
            "JOIN spend_supplier_names AS n ON n.organisation_number = t.organisation_number AND n.number = t.supplier_number GROUP BY n.supplier_key",
            [("organisation", organisationId)],
            r => facts.Add(new SupplierFacts(
                r.GetString(0),
                r.IsDBNull(1) ? null : r.GetString(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4),
                Money.FromStoredUnits(r.GetInt64(5)),
                Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture))),
            cancellationToken);
        return facts;
    }

    private static async Task<Dictionary<string, SupplierClassifier.Place>> PlacesAsync(PlaceshaperDb db, List<string> postcodes, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, SupplierClassifier.Place>(StringComparer.Ordinal);
        foreach (var chunk in postcodes.Chunk(1000))
        {
            var rows = await db.ReferencePostcodes.AsNoTracking().Where(r => chunk.Contains(r.Postcode))
                .Select(r => new { r.Postcode, r.LocalAuthorityCode, r.Latitude, r.Longitude }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                places[row.Postcode] = new(row.LocalAuthorityCode, row.Latitude, row.Longitude);
            }
        }

        return places;
    }

    private static async Task<SupplierClassifier.Locality> LocalityAsync(
        PlaceshaperDb db, Guid organisationId, SpendLocalDefinition definition, Dictionary<string, SupplierClassifier.Place> places, CancellationToken cancellationToken)
    {
        switch (definition.Kind)
        {
            case LocalDefinitionKind.Districts:
                var codes = definition.DistrictCodes.ToDictionary(c => c, c => "district " + c, StringComparer.Ordinal);
                return new(LocalDefinitionKind.Districts, codes, null, null, "the chosen districts");
            case LocalDefinitionKind.Radius:
                var centre = definition.CentrePostcode is { } postcode ? places.GetValueOrDefault(postcode) : null;
                return new(LocalDefinitionKind.Radius, new Dictionary<string, string>(), centre, definition.RadiusKm,
                    $"{definition.CentrePostcode} ({definition.RadiusKm?.ToString("0.###", CultureInfo.InvariantCulture)} km allowed)");
            default:
                var authority = await db.Areas.AsNoTracking()
                    .Where(a => a.OrganisationId == organisationId && (a.Level == AreaLevel.Authority || a.Level == AreaLevel.District))
                    .Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
                return new(LocalDefinitionKind.OwnArea, authority.GroupBy(a => a.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
                    null, null, "the organisation's area");
        }
    }
}

/// <summary>Raw reads of spend tables for grouping the two databases do alike; parameters bound the way each expects.</summary>
internal static class SpendSql
{
    public static async Task ReadAsync(
        PlaceshaperDb db, string sql, (string Name, object Value)[] parameters, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = db.Provider == DatabaseProvider.Postgres
                    ? value
                    : value switch
                    {
                        Guid id => id.ToString().ToUpperInvariant(),
                        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        _ => value,
                    };
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
