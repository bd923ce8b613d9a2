using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Providers;

/// <summary>
/// Suppliers' registrations to use the portal, for the officers who keep the provider register: each with the register
/// entries it may be, approved by linking it to one (or adding it) or rejected with a reason the supplier is shown.
/// </summary>
public static class RegistrationsApi
{
    public sealed record Match(Guid ProviderId, string Name, string Reason);

    public sealed record RegistrationView(
        Guid Id, string ContactName, string Email, string SupplierName, ValidProviderDetails Details, RegistrationStatus Status, DateTime SubmittedAt,
        Guid? ProviderId, string Reason, DateTime? DecidedAt, IReadOnlyList<Match> Matches);

    public sealed record ApproveRequest(Guid? ProviderId);

    public sealed record RejectRequest(string? Reason);

    public static void Map(RouteGroupBuilder organisation)
    {
        var registrations = organisation.MapGroup("/providers/registrations").WithTags("Providers").WithMetadata(new RequiresRoleAttribute(ProviderAccess.Editors));
        registrations.MapGet("/", ListAsync).WithName("ListSupplierRegistrations")
            .WithSummary("Suppliers' registrations to use the supplier portal, waiting first, each with the register entries it may be");
        registrations.MapPost("/{registrationId:guid}/approve", ApproveAsync).WithName("ApproveSupplierRegistration")
            .WithSummary("Approve a registration: link it to a provider in the register (providerId), or add the business as a new provider (no providerId)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        registrations.MapPost("/{registrationId:guid}/reject", RejectAsync).WithName("RejectSupplierRegistration")
            .WithSummary("Reject a registration with a reason the supplier is shown").ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The organisation's registrations (or just <paramref name="only"/>), waiting first, then the latest decided.</summary>
    public static async Task<List<RegistrationView>> ViewsAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken, Guid? only = null)
    {
        var registrations = await db.SupplierRegistrations.AsNoTracking().Where(r => r.OrganisationId == organisationId && (only == null || r.Id == only))
            .OrderBy(r => r.Status).ThenByDescending(r => r.SubmittedAt).Take(500).ToListAsync(cancellationToken);
        var register = await ProviderDuplicates.LoadAsync(db, organisationId, cancellationToken);
        return registrations.Select(r => new RegistrationView(
            r.Id, r.ContactName, r.Email, r.SupplierName, r.Details, r.Status, r.SubmittedAt, r.ProviderId, r.Reason, r.DecidedAt,
            r.Status == RegistrationStatus.Pending
                ? ProviderDuplicates.FindAll(r.Details.Identity(null), register).Select(d => new Match(d.ExistingId!.Value, d.ExistingName, d.Reason)).ToList()
                : [])).ToList();
    }

    private static async Task<Ok<List<RegistrationView>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ViewsAsync(db, organisation.Id, cancellationToken));

    private static async Task<Results<Ok<RegistrationView>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid registrationId, ApproveRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, RegisterSupplier register, CancellationToken cancellationToken)
    {
        if (await db.SupplierRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.OrganisationId == organisation.Id, cancellationToken) is not { } registration)
        {
            return Problems.NotFound("Registration");
        }

        var approved = await register.ApproveAsync(registration, request.ProviderId, viewer.PersonId!.Value, cancellationToken);
        return approved switch
        {
            { Succeeded: true } => TypedResults.Ok(await ViewAsync(db, organisation.Id, registrationId, cancellationToken)),
            _ when approved.Errors.ByField.ContainsKey("status") => Problems.Conflict(approved.Errors.ToString()),
            _ => Problems.Validation(approved.Errors),
        };
    }

    private static async Task<Results<Ok<RegistrationView>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid registrationId, RejectRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, RegisterSupplier register, CancellationToken cancellationToken)
    {
        if (await db.SupplierRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.OrganisationId == organisation.Id, cancellationToken) is not { } registration)
        {
            return Problems.NotFound("Registration");
        }

        return await register.RejectAsync(registration, request.Reason, viewer.PersonId!.Value, cancellationToken) switch
        {
            null => TypedResults.Ok(await ViewAsync(db, organisation.Id, registrationId, cancellationToken)),
            { } errors when errors.ByField.ContainsKey("status") => Problems.Conflict(errors.ToString()),
            { } errors => Problems.Validation(errors),
        };
    }

    private static async Task<RegistrationView> ViewAsync(PlaceshaperDb db, Guid organisationId, Guid registrationId, CancellationToken cancellationToken) =>
        (await ViewsAsync(db, organisationId, cancellationToken, registrationId)).Single();
}
