using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Benchmarks;

/// <summary>Sets whether an organisation shares a service category's benchmark figures, and whether it may be named; audited.</summary>
public sealed class ShareBenchmarks(PlaceshaperDb db)
{
    public async Task<Result<BenchmarkSharing>> HandleAsync(Guid organisationId, string? category, SharingChoice? choice, string byName, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var code = ServiceCategories.Find(category)?.Code;
        var existing = code is null ? null : await db.BenchmarkSharings.SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.Category == code, cancellationToken);
        if (existing is not null)
        {
            var changed = existing.Change(choice, byName, now);
            if (!changed.Succeeded)
            {
                return changed;
            }
        }
        else
        {
            var created = BenchmarkSharing.Create(organisationId, category, choice, byName, now);
            if (!created.Succeeded)
            {
                return created;
            }

            existing = created.Value!;
            db.BenchmarkSharings.Add(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }
}
