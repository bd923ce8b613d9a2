using Placeshaper.Common;
using Placeshaper.Data;

namespace Placeshaper.Access;

/// <summary>Issues an API token for the viewer, optionally narrowed to one of their organisations.</summary>
public sealed class IssueToken(PlaceshaperDb db, TimeProvider clock)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public async Task<Result<(ApiToken Token, string Secret)>> HandleAsync(Viewer viewer, string? name, string? organisationSlug, int? days, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        if (name is { Length: > 100 })
        {
            errors.Add("name", "Token names are at most 100 characters");
        }

        if (days is < 1 or > MaxDays)
        {
            errors.Add("days", $"A token lasts between 1 and {MaxDays} days");
        }

        Guid? organisationId = null;
        if (!string.IsNullOrWhiteSpace(organisationSlug))
        {
            organisationId = viewer.Find(organisationSlug)?.Id;
            if (organisationId is null)
            {
                errors.Add("organisation", "You do not belong to an organisation with that slug");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var issued = ApiToken.Issue(viewer.PersonId!.Value, name ?? "", organisationId, TimeSpan.FromDays(days ?? DefaultDays), clock.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(issued.Token);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }
}
