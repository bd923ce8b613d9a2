using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Reviews;

/// <summary>
/// Reads for the public directory, the moderation queue and the provider's replies. The public pages have no signed-in
/// person, so these look the organisation up explicitly and show only what is published.
/// </summary>
public static class ReviewQueries
{
    /// <summary>A service a provider delivers for the organisation: what residents choose when they review.</summary>
    public sealed record Service(Guid ContractId, string Title);

    public sealed record RatedProvider(Guid ProviderId, string Name, IReadOnlyList<Service> Services, RatingSummary Rating);

    public sealed record Published(Guid Id, Guid ProviderId, string ProviderName, Guid? ContractId, string? Service, RatingSummary.Scores Scores, string Comment, string DisplayName,
        DateTime PublishedAt, string Reply, DateTime? RepliedAt);

    public sealed record Held(Guid Id, string ProviderName, string? Service, RatingSummary.Scores Scores, string Comment, string DisplayName, ReviewStatus Status,
        string HeldBecause, DateTime SubmittedAt, DateTime? ConfirmedAt);

    /// <summary>The services of a provider that residents can review: the organisation's contracts with it.</summary>
    public static async Task<IReadOnlyList<Service>> ServicesAsync(PlaceshaperDb db, Guid organisationId, Guid providerId, CancellationToken cancellationToken) =>
        await db.Contracts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.ProviderId == providerId)
            .OrderBy(c => c.Title).Select(c => new Service(c.Id, c.Title)).ToListAsync(cancellationToken);

    /// <summary>Every provider with a contract, ranked by the Bayesian average of its published reviews.</summary>
    public static async Task<IReadOnlyList<RatedProvider>> DirectoryAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var services = await db.Contracts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.ProviderId != null)
            .Join(db.Providers.IgnoreQueryFilters(), c => c.ProviderId, p => p.Id, (c, p) => new { p.Id, p.Name, ContractId = c.Id, c.Title })
            .ToListAsync(cancellationToken);
        var scores = await PublishedScoresAsync(db, organisationId, null, cancellationToken);
        return services.GroupBy(s => (s.Id, s.Name))
            .Select(g => new RatedProvider(g.Key.Id, g.Key.Name, g.OrderBy(s => s.Title).Select(s => new Service(s.ContractId, s.Title)).ToList(),
                RatingSummary.Of(scores.GetValueOrDefault(g.Key.Id, []))))
            .OrderByDescending(p => p.Rating.BayesianAverage).ThenByDescending(p => p.Rating.Count).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The rating of each provider given, against the organisation's prior: for the register and contract pages.</summary>
    public static async Task<IReadOnlyDictionary<Guid, RatingSummary>> SummariesAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var scores = await PublishedScoresAsync(db, organisationId, null, cancellationToken);
        return scores.ToDictionary(s => s.Key, s => RatingSummary.Of(s.Value));
    }

    public static async Task<RatingSummary> SummaryAsync(PlaceshaperDb db, Guid organisationId, Guid providerId, CancellationToken cancellationToken) =>
        RatingSummary.Of((await PublishedScoresAsync(db, organisationId, providerId, cancellationToken)).GetValueOrDefault(providerId, []));

    /// <summary>Published reviews, newest first: of one provider, or all of them.</summary>
    public static async Task<IReadOnlyList<Published>> PublishedAsync(PlaceshaperDb db, Guid organisationId, Guid? providerId, CancellationToken cancellationToken) =>
        await (from r in db.Reviews.IgnoreQueryFilters().AsNoTracking()
               where r.OrganisationId == organisationId && r.Status == ReviewStatus.Published && (providerId == null || r.ProviderId == providerId)
               join p in db.Providers.IgnoreQueryFilters() on r.ProviderId equals p.Id
               join c in db.Contracts.IgnoreQueryFilters() on r.ContractId equals c.Id into contracts
               from c in contracts.DefaultIfEmpty()
               orderby r.PublishedAt descending
               select new Published(r.Id, r.ProviderId, p.Name, r.ContractId, c == null ? null : c.Title, new RatingSummary.Scores(r.Quality, r.Reliability, r.Respect, r.Value),
                   r.Comment, r.DisplayName, r.PublishedAt!.Value, r.Reply, r.RepliedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Published reviews of the service one contract delivers, newest first.</summary>
    public static async Task<IReadOnlyList<Published>> PublishedForContractAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken) =>
        (await PublishedAsync(db, organisationId, await db.Contracts.IgnoreQueryFilters().Where(c => c.Id == contractId && c.OrganisationId == organisationId)
            .Select(c => c.ProviderId).SingleOrDefaultAsync(cancellationToken) ?? Guid.Empty, cancellationToken))
        .Where(r => r.ContractId == contractId).ToList();

    /// <summary>What waits for a moderator (held reviews), oldest first; reviews still awaiting confirmation are not shown to anyone.</summary>
    public static async Task<IReadOnlyList<Held>> HeldAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
        await (from r in db.Reviews.AsNoTracking()
               where r.OrganisationId == organisationId && r.Status == ReviewStatus.HeldForModeration
               join p in db.Providers on r.ProviderId equals p.Id
               join c in db.Contracts on r.ContractId equals c.Id into contracts
               from c in contracts.DefaultIfEmpty()
               orderby r.SubmittedAt
               select new Held(r.Id, p.Name, c == null ? null : c.Title, new RatingSummary.Scores(r.Quality, r.Reliability, r.Respect, r.Value),
                   r.Comment, r.DisplayName, r.Status, r.HeldBecause, r.SubmittedAt, r.ConfirmedAt))
            .ToListAsync(cancellationToken);

    private static async Task<Dictionary<Guid, List<RatingSummary.Scores>>> PublishedScoresAsync(PlaceshaperDb db, Guid organisationId, Guid? providerId, CancellationToken cancellationToken) =>
        (await db.Reviews.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.Status == ReviewStatus.Published && (providerId == null || r.ProviderId == providerId))
            .Select(r => new { r.ProviderId, r.Quality, r.Reliability, r.Respect, r.Value })
            .ToListAsync(cancellationToken))
        .GroupBy(r => r.ProviderId)
        .ToDictionary(g => g.Key, g => g.Select(r => new RatingSummary.Scores(r.Quality, r.Reliability, r.Respect, r.Value)).ToList());
}
