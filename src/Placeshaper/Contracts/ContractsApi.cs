using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts;

/// <summary>
/// Who may use the contracts register. Officers who manage delivery and councillors read it; those who buy and manage
/// contracts change it. There is no contract manager role: commissioners manage contracts, as they do the rest of
/// the cycle, so adding one would split a job the roles already cover.
/// Providers' users see only their own contracts, through the portal.
/// </summary>
public static class ContractAccess
{
    public static readonly Role[] Readers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor];

    public static readonly Role[] Editors = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer];
}

public static class ContractsApi
{
    public sealed record SupplierView(Guid? ProviderId, string Name, string? Postcode, string? CompanyNumber, bool? IsSme, bool? IsVcse, bool? IsLocal, string StatusSource);

    public sealed record ExtensionView(int Number, int Months, bool Taken);

    public sealed record BreakClauseView(int Number, DateOnly On, int NoticeMonths, DateOnly NoticeBy);

    public sealed record PartyView(int Number, string Name, PartyRole Role);

    public sealed record KpiView(Guid Id, int Number, string Definition, string Unit, Polarity Polarity, bool HigherIsBetter, decimal Target, decimal Minimum, KpiFrequency Frequency, string DataSource);

    public sealed record ContractSummary(
        Guid Id, string Reference, string Title, SupplierView Supplier, decimal? TotalValue, decimal? AnnualValue, DateOnly? StartDate, DateOnly? EndDate,
        DateOnly? CurrentExpiry, ContractStatus Status, PaymentMechanism? PaymentMechanism, int Kpis, IReadOnlyList<string> Warnings);

    public sealed record ContractDetail(
        Guid Id,
        string Reference,
        string? SourceReference,
        string Title,
        string Description,
        SupplierView Supplier,
        IReadOnlyList<PartyView> Parties,
        decimal? TotalValue,
        decimal? AnnualValue,
        DateOnly? StartDate,
        DateOnly? EndDate,
        IReadOnlyList<ExtensionView> Extensions,
        IReadOnlyList<BreakClauseView> BreakClauses,
        DateOnly? CurrentExpiry,
        DateOnly? ExtensionDecisionDue,
        int ExtensionDecisionMonths,
        DateOnly? ReviewDate,
        IReadOnlyList<KeyDate> KeyDates,
        string Procedure,
        bool? Advertised,
        string Directorate,
        string PurchasingBody,
        string ClassificationCode,
        string ClassificationDescription,
        Guid? ProgrammeId,
        IReadOnlyList<Guid> OutcomeIds,
        Guid? SpecificationId,
        Guid? TenderId,
        Guid? AwardDecisionId,
        PaymentMechanism? PaymentMechanism,
        ContractStatus Status,
        IReadOnlyList<KpiView> Kpis,
        string KpiExemptionReason,
        IReadOnlyList<string> Warnings,
        DateTime CreatedAt,
        DateTime? UpdatedAt,
        ContractNature Nature = ContractNature.Services,
        decimal? OriginalValue = null,
        DateOnly? TerminatedOn = null,
        string? ServiceCategory = null);

    public sealed record RegisterView(IReadOnlyList<ContractSummary> Items, int Page, int PageSize, int TotalItems, decimal TotalValue, decimal AnnualValue);

    /// <summary>A contract as a client sends it. PUT replaces everything but the KPIs: a field left out is cleared.</summary>
    public sealed record ContractRequest(
        string? Reference,
        string? Title,
        string? Description,
        Guid? ProviderId,
        string? SupplierName,
        string? SupplierPostcode,
        string? SupplierCompanyNumber,
        decimal? TotalValue,
        decimal? AnnualValue,
        DateOnly? StartDate,
        DateOnly? EndDate,
        IReadOnlyList<Contract.ExtensionInput?>? Extensions,
        IReadOnlyList<Contract.BreakClauseInput?>? BreakClauses,
        IReadOnlyList<Contract.PartyInput?>? Parties,
        string? Procedure,
        bool? Advertised,
        string? Directorate,
        string? PurchasingBody,
        string? ClassificationCode,
        string? ClassificationDescription,
        Guid? ProgrammeId,
        IReadOnlyList<Guid>? OutcomeIds,
        Guid? SpecificationId,
        Guid? TenderId,
        Guid? AwardDecisionId,
        PaymentMechanism? PaymentMechanism,
        ContractStatus? Status,
        int? ExtensionDecisionMonths,
        DateOnly? ReviewDate,
        string? KpiExemptionReason,
        IReadOnlyList<ContractKpi.Input?>? Kpis,
        ContractNature? Nature = null,
        string? ServiceCategory = null)
    {
        public Contract.Details ToDetails() => new(
            Reference, Title, Description, ProviderId, SupplierName, SupplierPostcode, SupplierCompanyNumber, TotalValue, AnnualValue, StartDate, EndDate,
            Extensions, BreakClauses, Parties, Procedure, Advertised, Directorate, PurchasingBody, ClassificationCode, ClassificationDescription, ProgrammeId,
            OutcomeIds, SpecificationId, TenderId, AwardDecisionId, PaymentMechanism, Status, ExtensionDecisionMonths, ReviewDate, KpiExemptionReason, Nature: Nature, ServiceCategory: ServiceCategory);
    }

    public static void Map(RouteGroupBuilder organisation)
    {
        var contracts = organisation.MapGroup("/contracts").WithTags("Contracts");
        var readers = new RequiresRoleAttribute(ContractAccess.Readers);
        var editors = new RequiresRoleAttribute(ContractAccess.Editors);
        contracts.MapGet("/", ListAsync).WithName("ListContracts")
            .WithSummary("The contracts register by reference, with totals; filter by status (Active, Expired, Terminated), supplierType (Sme, Vcse, Local), expiringWithin (days) and q")
            .WithMetadata(readers);
        contracts.MapPost("/", CreateAsync).WithName("CreateContract")
            .WithSummary("Add a contract, with its KPIs if given; a contract over £5 million with fewer than three KPIs and no exemption reason comes back with the s.52 warning")
            .WithMetadata(editors);
        contracts.MapGet("/reminders", RemindersAsync).WithName("ContractReminders")
            .WithSummary("What is due in the next days (default 90) or overdue: decisions to extend, break-clause notice, reviews and expiries of running contracts")
            .WithMetadata(readers);
        contracts.MapPost("/imports", ImportAsync).WithName("ImportContracts")
            .WithSummary("Import a Local Government Transparency Code contracts register (CSV body or .xlsx): whole or not at all; importing it again adds nothing; unusable dates are warnings")
            .WithMetadata(editors, new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreasApi.MaxImportBytes));
        contracts.MapGet("/transparency-code.csv", ExportAsync).WithName("ExportContractsRegister")
            .WithSummary("The register in the Transparency Code layout it imports from, as CSV")
            .WithMetadata(readers);
        contracts.MapGet("/{contractId:guid}", GetAsync).WithName("GetContract")
            .WithSummary("A contract with its parties, extension options, break clauses, key dates, links, KPIs, supplier status and warnings")
            .WithMetadata(readers);
        contracts.MapPut("/{contractId:guid}", UpdateAsync).WithName("UpdateContract")
            .WithSummary("Replace what is held about a contract (fields left out are cleared; KPIs are kept)")
            .WithMetadata(editors);
        contracts.MapGet("/{contractId:guid}/kpis", KpisAsync).WithName("ListContractKpis").WithSummary("A contract's KPIs").WithMetadata(readers);
        contracts.MapPost("/{contractId:guid}/kpis", AddKpiAsync).WithName("AddContractKpi")
            .WithSummary("Add a KPI: definition, unit, polarity, target, minimum acceptable level, frequency and data source")
            .WithMetadata(editors);
        contracts.MapPut("/{contractId:guid}/kpis/{kpiId:guid}", ChangeKpiAsync).WithName("UpdateContractKpi").WithSummary("Change a KPI").WithMetadata(editors);
        contracts.MapDelete("/{contractId:guid}/kpis/{kpiId:guid}", RemoveKpiAsync).WithName("RemoveContractKpi").WithSummary("Remove a KPI").WithMetadata(editors);

        var portal = organisation.MapGroup("/portal").WithTags("Supplier portal").WithMetadata(new RequiresRoleAttribute(Role.Provider));
        portal.MapGet("/contracts", MineAsync).WithName("MyContracts").WithSummary("Your contracts with the organisation: those where you are the supplier");
    }

    private static async Task<Results<Ok<RegisterView>, ValidationProblem>> ListAsync(
        ContractStatus? status, SupplierType? supplierType, int? expiringWithin, string? q, [AsParameters] Paging paging,
        PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var filter = new ContractQueries.Filter(status, supplierType, expiringWithin, Search: q);
        if ((paging.Validate() ?? ContractQueries.Check(filter)) is { } errors)
        {
            return Problems.Validation(errors);
        }

        var register = await ContractQueries.RegisterAsync(db, organisation.Id, filter, cancellationToken);
        var page = paging.Page ?? 1;
        var size = paging.PageSize ?? Paging.DefaultSize;
        return TypedResults.Ok(new RegisterView(
            register.Contracts.Skip((page - 1) * size).Take(size).Select(Summary).ToList(), page, size, register.Contracts.Count, register.TotalValue, register.AnnualValue));
    }

    private static async Task<Results<Ok<ContractDetail>, ProblemHttpResult>> GetAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ContractQueries.DetailAsync(db, organisation.Id, contractId, cancellationToken) is { } detail ? TypedResults.Ok(Detail(detail)) : Problems.NotFound("Contract");

    private static async Task<Results<Created<ContractDetail>, ValidationProblem>> CreateAsync(
        ContractRequest request, SaveContract save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var kpis = request.Kpis ?? [];
        var errors = new Common.Errors();
        for (var i = 0; i < kpis.Count; i++)
        {
            foreach (var (field, messages) in ContractKpi.Check(kpis[i], $"kpis[{i}].")?.ByField ?? [])
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var created = await save.CreateAsync(organisation.Id, request.ToDetails(), cancellationToken, kpis.Select(k => k!).ToList());
        if (!created.Succeeded)
        {
            return Problems.Validation(created.Errors);
        }

        var detail = await ContractQueries.DetailAsync(db, organisation.Id, created.Value.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{created.Value.Id}", Detail(detail!));
    }

    private static async Task<Results<Ok<ContractDetail>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid contractId, ContractRequest request, SaveContract save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        // An imported or awarded contract may lack a value or a date it never had; one made here keeps needing them.
        var details = request.ToDetails() with
        {
            AwardDecisionId = request.AwardDecisionId ?? contract.AwardDecisionId,
            RecordedSme = contract.RecordedSme,
            Complete = contract.ImportKey is null && contract.AwardDecisionId is null,
        };
        if (await save.ChangeAsync(contract, details, cancellationToken) is { } errors)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(Detail((await ContractQueries.DetailAsync(db, organisation.Id, contractId, cancellationToken))!));
    }

    private static async Task<Results<Ok<IReadOnlyList<KpiView>>, ProblemHttpResult>> KpisAsync(Guid contractId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ContractQueries.DetailAsync(db, organisation.Id, contractId, cancellationToken) is { } detail
            ? TypedResults.Ok<IReadOnlyList<KpiView>>(Kpis(detail.Contract))
            : Problems.NotFound("Contract");

    private static async Task<Results<Created<KpiView>, ValidationProblem, ProblemHttpResult>> AddKpiAsync(
        Guid contractId, ContractKpi.Input? request, SaveContract save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract)
        {
            return Problems.NotFound("Contract");
        }

        var added = await save.AddKpiAsync(contract, request ?? new ContractKpi.Input(null, null, null, null, null, null, null), cancellationToken);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/contracts/{contractId}/kpis/{added.Value.Id}", Kpi(added.Value))
            : Problems.Validation(added.Errors);
    }

    private static async Task<Results<Ok<KpiView>, ValidationProblem, ProblemHttpResult>> ChangeKpiAsync(
        Guid contractId, Guid kpiId, ContractKpi.Input? request, SaveContract save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is not { } contract || contract.Kpis.All(k => k.Id != kpiId))
        {
            return Problems.NotFound("KPI");
        }

        if (await save.ChangeKpiAsync(contract, kpiId, request ?? new ContractKpi.Input(null, null, null, null, null, null, null), cancellationToken) is { } errors)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(Kpi(contract.Kpis.Single(k => k.Id == kpiId)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveKpiAsync(
        Guid contractId, Guid kpiId, SaveContract save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        // A KPI with reported values keeps them: its history may have paid the provider.
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<Delivery.KpiObservation>(), o => o.ContractId == contractId && o.KpiId == kpiId, cancellationToken)
            ? Problems.Conflict("The KPI has reported values, which are kept with it: it cannot be removed")
            : await ContractQueries.FindAsync(db, organisation.Id, contractId, cancellationToken) is { } contract && await save.RemoveKpiAsync(contract, kpiId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("KPI");

    private static async Task<Results<Ok<IReadOnlyList<Reminder>>, ValidationProblem>> RemindersAsync(
        int? days, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (days is < 0 or > ContractQueries.MaxDays)
        {
            return Problems.Validation(Common.Errors.For("days", $"Give a number of days from 0 to {ContractQueries.MaxDays}"));
        }

        return TypedResults.Ok(await ContractQueries.RemindersAsync(db, organisation.Id, days ?? 90, cancellationToken));
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? file, ImportContracts import, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        var report = await import.HandleAsync(organisation.Id, content, string.IsNullOrWhiteSpace(file) ? ImportTable.DefaultName(content) : file, cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }

    private static async Task<FileContentHttpResult> ExportAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var register = await ContractQueries.RegisterAsync(db, organisation.Id, new ContractQueries.Filter(), cancellationToken);
        return TypedResults.File(ContractsTable.Of(register).ToCsv(), Exports.Table.CsvType, "contracts-register.csv");
    }

    private static async Task<Ok<IReadOnlyList<ContractSummary>>> MineAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var register = await ContractQueries.RegisterAsync(db, organisation.Id, new ContractQueries.Filter(ProviderId: organisation.Current.ProviderId!.Value), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ContractSummary>>(register.Contracts.Select(Summary).ToList());
    }

    public static SupplierView Supplier(ContractQueries.Listed l) => new(
        l.Contract.ProviderId, l.Contract.SupplierName, l.Contract.SupplierPostcode, l.Contract.SupplierCompanyNumber, l.Supplier.IsSme, l.Supplier.IsVcse, l.Supplier.IsLocal, l.Supplier.Source);

    public static ContractSummary Summary(ContractQueries.Listed l) => new(
        l.Contract.Id, l.Contract.Reference, l.Contract.Title, Supplier(l), l.Contract.TotalValue, l.Contract.AnnualValue, l.Contract.StartDate, l.Contract.EndDate,
        l.Contract.CurrentExpiry, l.Status, l.Contract.PaymentMechanism, l.Contract.Kpis.Count, l.Contract.Warnings());

    private static KpiView Kpi(ContractKpi k) => new(k.Id, k.Number, k.Definition, k.Unit, k.Polarity, k.HigherIsBetter, k.Target, k.Minimum, k.Frequency, k.DataSource);

    private static List<KpiView> Kpis(Contract c) => c.Kpis.OrderBy(k => k.Number).Select(Kpi).ToList();

    private static ContractDetail Detail(ContractQueries.Listed l)
    {
        var c = l.Contract;
        return new(
            c.Id, c.Reference, c.SourceReference, c.Title, c.Description, Supplier(l),
            c.Parties.OrderBy(p => p.Number).Select(p => new PartyView(p.Number, p.Name, p.Role)).ToList(),
            c.TotalValue, c.AnnualValue, c.StartDate, c.EndDate,
            c.Extensions.OrderBy(e => e.Number).Select(e => new ExtensionView(e.Number, e.Months, e.Taken)).ToList(),
            c.BreakClauses.OrderBy(b => b.Number).Select(b => new BreakClauseView(b.Number, b.On, b.NoticeMonths, b.NoticeBy)).ToList(),
            c.CurrentExpiry, c.ExtensionDecisionDue, c.ExtensionDecisionMonths, c.ReviewDate, c.KeyDates(), c.Procedure, c.Advertised, c.Directorate, c.PurchasingBody,
            c.ClassificationCode, c.ClassificationDescription, c.ProgrammeId, c.Outcomes.Select(o => o.OutcomeId).ToList(), c.SpecificationId, c.TenderId, c.AwardDecisionId,
            c.PaymentMechanism, l.Status, Kpis(c), c.KpiExemptionReason, c.Warnings(), c.CreatedAt, c.UpdatedAt, c.Nature, c.OriginalValue, c.TerminatedOn, c.ServiceCategory);
    }
}
