using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Providers;

/// <summary>Who may use the provider register: officers and members read it; those who buy change it.</summary>
public static class ProviderAccess
{
    /// <summary>
    /// Every role except a provider's own users, who act for one supplier and must not read its competitors' figures.
    /// </summary>
    public static readonly Role[] Readers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor];

    public static readonly Role[] Editors = [Role.ProcurementOfficer, Role.Commissioner, Role.Administrator];
}

public static class ProvidersApi
{
    public sealed record ProviderSummary(
        Guid Id,
        string Name,
        LegalForm? LegalForm,
        string? CompanyNumber,
        string? CharityNumber,
        string? VatNumber,
        string? RegisteredPostcode,
        string? TradingPostcode,
        int? Staff,
        decimal? Turnover,
        decimal? BalanceSheetTotal,
        bool IsVcse,
        bool IsConsortium,
        IReadOnlyList<string> SicCodes,
        bool? IsSme,
        SizeBand Size,
        bool? IsLocal);

    public sealed record ConsortiumView(Guid Id, string Name, bool IsLead);

    public sealed record MemberView(Guid Id, string Name, LegalForm? LegalForm, bool IsLead, bool IsVcse, bool? IsSme);

    public sealed record ProviderDetail(
        ProviderSummary Provider,
        IReadOnlyList<string> SizeWorking,
        string Locality,
        IReadOnlyList<ConsortiumView> Consortia,
        IReadOnlyList<MemberView> Members,
        DateTime CreatedAt,
        DateTime? UpdatedAt);

    /// <summary>A provider as a client sends it. PUT replaces everything: a field left out is cleared.</summary>
    public sealed record ProviderRequest(
        string? Name,
        LegalForm? LegalForm,
        string? CompanyNumber,
        string? CharityNumber,
        string? VatNumber,
        string? RegisteredPostcode,
        string? TradingPostcode,
        int? Staff,
        decimal? Turnover,
        decimal? BalanceSheetTotal,
        bool? IsVcse,
        bool? IsConsortium,
        IReadOnlyList<string>? SicCodes)
    {
        public ProviderDetails ToDetails() =>
            new(Name, LegalForm, CompanyNumber, CharityNumber, VatNumber, RegisteredPostcode, TradingPostcode, Staff, Turnover, BalanceSheetTotal, IsVcse, IsConsortium ?? false, SicCodes);
    }

    public sealed record MemberRequest(bool? IsLead);

    public static void Map(RouteGroupBuilder organisation)
    {
        var providers = organisation.MapGroup("/providers").WithTags("Providers");
        var readers = new RequiresRoleAttribute(ProviderAccess.Readers);
        var editors = new RequiresRoleAttribute(ProviderAccess.Editors);
        providers.MapGet("/", ListAsync).WithName("ListProviders")
            .WithSummary("The provider register by name, with size, VCSE and local worked out; filter by q (name or number), sme, vcse, local, legalForm, consortium")
            .WithMetadata(readers);
        providers.MapPost("/", CreateAsync).WithName("CreateProvider")
            .WithSummary("Add a provider; 409 naming the provider already there when it shares a registration number or its normalised name")
            .WithMetadata(editors);
        providers.MapPost("/import", ImportAsync).WithName("ImportProviders")
            .WithSummary("Import providers from a CSV body (text/csv): Placeshaper's provider CSV, Companies House BasicCompanyData or a charity register (org_id_a,org_id_b,name). Whole or not at all; duplicates are left out and listed.")
            .WithMetadata(editors, new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreasApi.MaxImportBytes));
        providers.MapGet("/{providerId:guid}", GetAsync).WithName("GetProvider")
            .WithSummary("A provider with its size and the working, whether it is local and why, its consortia and members")
            .WithMetadata(readers);
        providers.MapPut("/{providerId:guid}", UpdateAsync).WithName("UpdateProvider")
            .WithSummary("Replace what is held about a provider (fields left out are cleared)")
            .WithMetadata(editors);
        providers.MapGet("/{providerId:guid}/members", MembersAsync).WithName("ListConsortiumMembers")
            .WithSummary("A consortium's members, the lead first")
            .WithMetadata(readers);
        providers.MapPut("/{providerId:guid}/members/{memberId:guid}", SetMemberAsync).WithName("SetConsortiumMember")
            .WithSummary("Add a provider to a consortium, or say whether it leads (one lead: naming another takes the role from the old)")
            .WithMetadata(editors);
        providers.MapDelete("/{providerId:guid}/members/{memberId:guid}", RemoveMemberAsync).WithName("RemoveConsortiumMember")
            .WithSummary("Take a provider out of a consortium")
            .WithMetadata(editors);
    }

    private static async Task<Results<Ok<Paged<ProviderSummary>>, ValidationProblem>> ListAsync(
        string? q, bool? sme, bool? vcse, bool? local, LegalForm? legalForm, bool? consortium, [AsParameters] Paging paging,
        PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } errors)
        {
            return Problems.Validation(errors);
        }

        var register = await ProviderQueries.RegisterAsync(db, organisation.Id, new ProviderQueries.Filter(q, sme, vcse, local, legalForm, consortium), cancellationToken);
        var page = paging.Page ?? 1;
        var size = paging.PageSize ?? Paging.DefaultSize;
        var items = register.Skip((page - 1) * size).Take(size).Select(Summary).ToList();
        return TypedResults.Ok(new Paged<ProviderSummary>(items, page, size, register.Count));
    }

    private static async Task<Results<Ok<ProviderDetail>, ProblemHttpResult>> GetAsync(
        Guid providerId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var detail = await ProviderQueries.DetailAsync(db, organisation.Id, providerId, cancellationToken);
        return detail is null ? Problems.NotFound("Provider") : TypedResults.Ok(View(detail));
    }

    private static async Task<Results<Created<ProviderDetail>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProviderRequest request, SaveProvider save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        switch (await save.RegisterAsync(organisation.Id, request.ToDetails(), cancellationToken))
        {
            case SaveProvider.Invalid invalid:
                return Problems.Validation(invalid.Errors);
            case SaveProvider.Duplicate duplicate:
                return Duplicate(duplicate.Of);
            case SaveProvider.Saved saved:
                var detail = await ProviderQueries.DetailAsync(db, organisation.Id, saved.Provider.Id, cancellationToken);
                return TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/providers/{saved.Provider.Id}", View(detail!));
            default:
                throw new InvalidOperationException("Unexpected outcome");
        }
    }

    private static async Task<Results<Ok<ProviderDetail>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid providerId, ProviderRequest request, SaveProvider save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var provider = await save.FindAsync(organisation.Id, providerId, cancellationToken);
        if (provider is null)
        {
            return Problems.NotFound("Provider");
        }

        switch (await save.ChangeAsync(provider, request.ToDetails(), cancellationToken))
        {
            case SaveProvider.Invalid invalid:
                return Problems.Validation(invalid.Errors);
            case SaveProvider.Duplicate duplicate:
                return Duplicate(duplicate.Of);
            default:
                return TypedResults.Ok(View((await ProviderQueries.DetailAsync(db, organisation.Id, providerId, cancellationToken))!));
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<MemberView>>, ProblemHttpResult>> MembersAsync(
        Guid providerId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var detail = await ProviderQueries.DetailAsync(db, organisation.Id, providerId, cancellationToken);
        return detail is null ? Problems.NotFound("Provider") : TypedResults.Ok<IReadOnlyList<MemberView>>(detail.Members.Select(View).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<MemberView>>, ValidationProblem, ProblemHttpResult>> SetMemberAsync(
        Guid providerId, Guid memberId, MemberRequest? request, SaveProvider save, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var consortium = await save.FindAsync(organisation.Id, providerId, cancellationToken);
        if (consortium is null)
        {
            return Problems.NotFound("Provider");
        }

        var set = await save.SetMemberAsync(consortium, memberId, request?.IsLead ?? false, cancellationToken);
        if (!set.Succeeded)
        {
            return Problems.Validation(set.Errors);
        }

        var detail = await ProviderQueries.DetailAsync(db, organisation.Id, providerId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MemberView>>(detail!.Members.Select(View).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        Guid providerId, Guid memberId, SaveProvider save, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var consortium = await save.FindAsync(organisation.Id, providerId, cancellationToken);
        if (consortium is null)
        {
            return Problems.NotFound("Provider");
        }

        return await save.RemoveMemberAsync(consortium, memberId, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("Consortium member");
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? file, ImportProviders import, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var report = await import.HandleAsync(organisation.Id, body.ToArray(), string.IsNullOrWhiteSpace(file) ? "upload.csv" : file, cancellationToken);
        return report.Accepted ? TypedResults.Ok(report) : ImportProblems.Refused(report);
    }

    /// <summary>409, naming the provider already in the register and why the new one would duplicate it.</summary>
    private static ProblemHttpResult Duplicate(ProviderDuplicates.Duplicate duplicate) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The provider is already in the register",
            detail: duplicate.ToString(),
            extensions: new Dictionary<string, object?>
            {
                ["existingProviderId"] = duplicate.ExistingId,
                ["existingProviderName"] = duplicate.ExistingName,
                ["field"] = duplicate.Field,
            });

    public static ProviderSummary Summary(ProviderQueries.Listed p) => new(
        p.Id, p.Name, p.LegalForm, p.CompanyNumber, p.CharityNumber, p.VatNumber, p.RegisteredPostcode, p.TradingPostcode, p.Staff, p.Turnover, p.BalanceSheetTotal,
        p.IsVcse, p.IsConsortium, p.SicCodes, p.Size.IsSme, p.Size.Band, p.Locality.IsLocal);

    private static ProviderDetail View(ProviderQueries.Detail d) => new(
        Summary(d.Provider),
        d.Provider.Size.Working,
        d.Provider.Locality.Reason,
        d.Consortia.Select(c => new ConsortiumView(c.Id, c.Name, c.IsLead)).ToList(),
        d.Members.Select(View).ToList(),
        d.CreatedAt,
        d.UpdatedAt);

    private static MemberView View(ProviderQueries.Member m) => new(m.Id, m.Name, m.LegalForm, m.IsLead, m.IsVcse, m.IsSme);
}
