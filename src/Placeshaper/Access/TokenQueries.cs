using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Access;

public static class TokenQueries
{
    public static IQueryable<TokensApi.TokenSummary> ForPerson(PlaceshaperDb db, Guid personId) =>
        db.ApiTokens.AsNoTracking()
            .Where(t => t.PersonId == personId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokensApi.TokenSummary(
                t.Id,
                t.Name,
                t.Hint,
                db.Organisations.Where(o => o.Id == t.OrganisationId).Select(o => o.Slug).FirstOrDefault(),
                t.CreatedAt,
                t.ExpiresAt,
                t.RevokedAt));
}
