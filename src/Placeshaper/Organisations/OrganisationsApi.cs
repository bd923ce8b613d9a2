using Placeshaper.Access;
using Placeshaper.Api;

namespace Placeshaper.Organisations;

public static class OrganisationsApi
{
    public sealed record OrganisationSummary(string Slug, string Name, string Kind);

    public sealed record OrganisationDetail(string Slug, string Name, string Kind, IReadOnlyList<string> YourRoles);

    public sealed record Me(Guid Id, string Email, string DisplayName, IReadOnlyList<OrganisationDetail> Organisations);

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder organisation)
    {
        api.MapGet("/me", (Viewer viewer) => TypedResults.Ok(new Me(
                viewer.PersonId!.Value,
                viewer.Email,
                viewer.DisplayName,
                viewer.Organisations.Select(Detail).ToList())))
            .WithName("GetMe")
            .WithSummary("The signed-in person and their organisations and roles");

        api.MapGet("/orgs", (Viewer viewer, [AsParameters] Paging paging) =>
            {
                if (paging.Validate() is { } errors)
                {
                    return (IResult)Problems.Validation(errors);
                }

                var page = paging.Page ?? 1;
                var size = paging.PageSize ?? Paging.DefaultSize;
                var items = viewer.Organisations.Skip((page - 1) * size).Take(size)
                    .Select(o => new OrganisationSummary(o.Slug, o.Name, o.Kind.ToString())).ToList();
                return TypedResults.Ok(new Paged<OrganisationSummary>(items, page, size, viewer.Organisations.Count));
            })
            .WithName("ListOrganisations")
            .WithSummary("The organisations the caller belongs to")
            .Produces<Paged<OrganisationSummary>>();

        organisation.MapGet("/", (OrganisationContext context) => TypedResults.Ok(Detail(context.Current)))
            .WithName("GetOrganisation")
            .WithSummary("One organisation, with the caller's roles there");
    }

    private static OrganisationDetail Detail(ViewerOrganisation o) =>
        new(o.Slug, o.Name, o.Kind.ToString(), o.Roles.Order().Select(r => r.ToString()).ToList());
}
