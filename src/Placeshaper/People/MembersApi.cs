using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.People;

public static class MembersApi
{
    public sealed record Member(Guid PersonId, string Email, string DisplayName, IReadOnlyList<string> Roles);

    public static void Map(RouteGroupBuilder organisation)
    {
        var members = organisation.MapGroup("/members").WithTags("People");

        members.MapGet("/", ListAsync)
            .WithName("ListMembers")
            .WithSummary("People at the organisation and their roles")
            .WithMetadata(new RequiresRoleAttribute(Role.Administrator));

        members.MapPost("/", AddAsync)
            .WithName("AddMember")
            .WithSummary("Give a person roles at the organisation, creating their account if they have none")
            .WithMetadata(new RequiresRoleAttribute(Role.Administrator));

        members.MapDelete("/{personId:guid}/roles/{role}", RevokeAsync)
            .WithName("RevokeRole")
            .WithSummary("Take one role away from a person at the organisation")
            .WithMetadata(new RequiresRoleAttribute(Role.Administrator));
    }

    private static async Task<Results<Ok<Paged<Member>>, ValidationProblem>> ListAsync(
        PlaceshaperDb db, OrganisationContext organisation, [AsParameters] Paging paging, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } errors)
        {
            return Problems.Validation(errors);
        }

        var page = await paging.ApplyAsync(MemberQueries.People(db, organisation.Id), cancellationToken);
        var roles = await MemberQueries.RolesAsync(db, organisation.Id, page.Items.Select(p => p.Id).ToList(), cancellationToken);
        return TypedResults.Ok(new Paged<Member>(
            page.Items.Select(p => new Member(p.Id, p.Email, p.DisplayName, roles[p.Id].Select(r => r.ToString()).ToList())).ToList(),
            page.Page,
            page.PageSize,
            page.TotalItems));
    }

    private static async Task<Results<Created<AddMember.Outcome>, ValidationProblem>> AddAsync(
        AddMember.Command command, AddMember handler, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(organisation.Id, command, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/members", result.Value)
            : Problems.Validation(result.Errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RevokeAsync(
        Guid personId, string role, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Role>(role, ignoreCase: true, out var parsed))
        {
            return Problems.Validation(Common.Errors.For("role", "Role must be one of: " + string.Join(", ", Enum.GetNames<Role>())));
        }

        var membership = await db.Memberships.SingleOrDefaultAsync(
            m => m.OrganisationId == organisation.Id && m.PersonId == personId && m.Role == parsed, cancellationToken);
        if (membership is null)
        {
            return Problems.NotFound("Role");
        }

        if (parsed == Role.Administrator
            && await db.Memberships.CountAsync(m => m.OrganisationId == organisation.Id && m.Role == Role.Administrator, cancellationToken) == 1)
        {
            return Problems.Conflict("This is the organisation's last administrator; give the role to someone else first.");
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
