using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Areas;
using Placeshaper.Audit;
using Placeshaper.Budgets;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Outcomes;
using Placeshaper.People;
using Placeshaper.Programmes;
using Placeshaper.Providers;

namespace Placeshaper.Data;

/// <summary>
/// The one database context. Queries on organisation-owned data are filtered to the organisations the
/// <see cref="AccessScope"/> may see; every save appends its changes to the hash-chained audit trail.
/// </summary>
public sealed class PlaceshaperDb(DbContextOptions<PlaceshaperDb> options, AccessScope scope, TimeProvider clock)
    : IdentityUserContext<Person, Guid>(options)
{
    private readonly List<AuditDecision> pendingDecisions = [];

    public AccessScope Scope => scope;

    public TimeProvider Clock => clock;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<ProgrammePartner> ProgrammePartners => Set<ProgrammePartner>();

    public DbSet<StageChange> StageChanges => Set<StageChange>();

    public DbSet<ProgrammeDecision> ProgrammeDecisions => Set<ProgrammeDecision>();

    public DbSet<Appraisals.Appraisal> Appraisals => Set<Appraisals.Appraisal>();

    public DbSet<Appraisals.CustomDeliveryModel> CustomDeliveryModels => Set<Appraisals.CustomDeliveryModel>();

    public DbSet<Tenders.Tender> Tenders => Set<Tenders.Tender>();

    public DbSet<Tenders.TenderDocument> TenderDocuments => Set<Tenders.TenderDocument>();

    public DbSet<Specifications.Specification> Specifications => Set<Specifications.Specification>();

    public DbSet<Bids.Bid> Bids => Set<Bids.Bid>();

    public DbSet<Evaluation.BidEvaluation> Evaluations => Set<Evaluation.BidEvaluation>();

    public DbSet<Evaluation.AwardDecision> AwardDecisions => Set<Evaluation.AwardDecision>();

    public DbSet<Evaluation.SupplierCheck> SupplierChecks => Set<Evaluation.SupplierCheck>();

    public DbSet<Providers.SupplierRegistration> SupplierRegistrations => Set<Providers.SupplierRegistration>();

    public DbSet<Clarifications.Clarification> Clarifications => Set<Clarifications.Clarification>();

    public DbSet<Contracts.Contract> Contracts => Set<Contracts.Contract>();

    public DbSet<Contracts.Variation> ContractVariations => Set<Contracts.Variation>();

    public DbSet<Contracts.Breach> ContractBreaches => Set<Contracts.Breach>();

    public DbSet<Contracts.Termination> ContractTerminations => Set<Contracts.Termination>();

    public DbSet<Contracts.ExitPlan> ExitPlans => Set<Contracts.ExitPlan>();

    public DbSet<Spend.SpendImport> SpendImports => Set<Spend.SpendImport>();

    public DbSet<Spend.SpendTransaction> SpendTransactions => Set<Spend.SpendTransaction>();

    public DbSet<Spend.SpendSupplierMonth> SpendSupplierMonths => Set<Spend.SpendSupplierMonth>();

    public DbSet<Spend.SpendProfile> SpendProfiles => Set<Spend.SpendProfile>();
    public DbSet<SocialValue.SocialValueMeasure> SocialValueMeasures => Set<SocialValue.SocialValueMeasure>();

    public DbSet<Market.EngagementEvent> EngagementEvents => Set<Market.EngagementEvent>();

    public DbSet<Market.RightToChallenge> RightsToChallenge => Set<Market.RightToChallenge>();

    public DbSet<PooledBudget> PooledBudgets => Set<PooledBudget>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<ReferencePostcode> ReferencePostcodes => Set<ReferencePostcode>();

    public DbSet<Calendar.BankHoliday> BankHolidays => Set<Calendar.BankHoliday>();

    public DbSet<Tenders.Timetable.MinimumPeriod> MinimumPeriods => Set<Tenders.Timetable.MinimumPeriod>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<NeedsAssessment> NeedsAssessments => Set<NeedsAssessment>();

    public DbSet<OutcomeTheme> OutcomeThemes => Set<OutcomeTheme>();

    public DbSet<Outcome> Outcomes => Set<Outcome>();

    public DbSet<OutcomeMeasure> OutcomeMeasures => Set<OutcomeMeasure>();

    public DbSet<Intelligence.IntelligenceItem> IntelligenceItems => Set<Intelligence.IntelligenceItem>();

    public DbSet<Reviews.Review> Reviews => Set<Reviews.Review>();

    public DbSet<Email.OutboundEmail> OutboundEmails => Set<Email.OutboundEmail>();

    public DbSet<Scrutiny.ScrutinyQuestion> ScrutinyQuestions => Set<Scrutiny.ScrutinyQuestion>();

    public DbSet<Scrutiny.ScrutinyEntry> ScrutinyEntries => Set<Scrutiny.ScrutinyEntry>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public DbSet<Benchmarks.BenchmarkSharing> BenchmarkSharings => Set<Benchmarks.BenchmarkSharing>();

    public DbSet<Benchmarks.BenchmarkFigure> BenchmarkFigures => Set<Benchmarks.BenchmarkFigure>();

    public DbSet<ContractArea> ContractAreas => Set<ContractArea>();

    public DbSet<ProgrammeReview> ProgrammeReviews => Set<ProgrammeReview>();

    public DbSet<Spend.SpendSupplier> SpendSuppliers => Set<Spend.SpendSupplier>();

    public DbSet<Spend.SupplierDecision> SupplierDecisions => Set<Spend.SupplierDecision>();

    public DbSet<Spend.SpendLocalDefinition> SpendLocalDefinitions => Set<Spend.SpendLocalDefinition>();

    public DbSet<Spend.SpendDay> SpendDays => Set<Spend.SpendDay>();

    public DbSet<Spend.SpendSupplierDay> SpendSupplierDays => Set<Spend.SpendSupplierDay>();

    public DbSet<Spend.SpendDayCategory> SpendDayCategories => Set<Spend.SpendDayCategory>();

    public DbSet<Spend.SpendPayment> SpendPayments => Set<Spend.SpendPayment>();

    public DbSet<Spend.SpendSupplierName> SpendSupplierNames => Set<Spend.SpendSupplierName>();

    public DbSet<Spend.SpendServiceExpense> SpendServiceExpenses => Set<Spend.SpendServiceExpense>();

    public DbSet<Spend.SpendLedger> SpendLedgers => Set<Spend.SpendLedger>();
    public DbSet<Spend.SpendCategory> SpendCategories => Set<Spend.SpendCategory>();

    public DbSet<Spend.SpendCategorySuggestion> SpendCategorySuggestions => Set<Spend.SpendCategorySuggestion>();

    public DatabaseProvider Provider =>
        Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    // Read by the query filters; EF evaluates these per query against the context instance.
    private bool SeesAllOrganisations => scope.VisibleOrganisations is null;

    private IReadOnlyCollection<Guid> VisibleOrganisations => scope.VisibleOrganisations ?? [];

    /// <summary>Records a decision (not a field change) in the audit trail with the next save.</summary>
    public void RecordDecision(AuditDecision decision) => pendingDecisions.Add(decision);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlaceshaperDb).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IOrganisationOwned).IsAssignableFrom(t.ClrType)))
        {
            GetType().GetMethod(nameof(FilterToVisibleOrganisations), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType)
                .Invoke(this, [builder]);
        }

        SnakeCaseNames.Apply(builder.Model);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private void FilterToVisibleOrganisations<T>(ModelBuilder builder)
        where T : class, IOrganisationOwned =>
        builder.Entity<T>().HasQueryFilter(e => SeesAllOrganisations || VisibleOrganisations.Contains(e.OrganisationId));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = AuditCapture.Collect(ChangeTracker);
        if (changes.Count == 0 && pendingDecisions.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        using var chainLock = await AuditAppendLock.AcquireAsync(this, cancellationToken);
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await AuditAppendLock.LockInDatabaseAsync(this, cancellationToken);
            var head = await AuditHeads.SingleOrDefaultAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
            if (head is null)
            {
                head = new AuditHead();
                AuditHeads.Add(head);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var item in changes.Select(c => c.ToDecision()).Concat(pendingDecisions))
            {
                var entry = AuditChain.Append(
                    (head.LastSequence, head.LastHash),
                    now,
                    item.OrganisationId,
                    scope.PersonId,
                    scope.ActorName,
                    item.Action,
                    item.EntityType,
                    item.EntityId,
                    item.Before,
                    item.After);
                AuditEntries.Add(entry);
                head.LastSequence = entry.Sequence;
                head.LastHash = entry.Hash;
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            pendingDecisions.Clear();
            return written;
        }
        catch
        {
            // Nothing was committed: forget the audit entries this attempt made so a retry starts from the real head.
            foreach (var added in ChangeTracker.Entries().Where(e => e.Entity is AuditEntry or AuditHead).ToList())
            {
                added.State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
