using System.Security.Cryptography;
using System.Text;

namespace Placeshaper.Benchmarks;

/// <summary>
/// What one organisation may see of a service category's pooled benchmark figures (docs/benchmarking.md). The rules:
/// <list type="number">
/// <item>Give to get: an organisation sees others' figures in a category only while it shares that category itself.</item>
/// <item>The pool is the figures of every organisation that shares the category, and the figures the viewer imported
/// from installations elsewhere. Figures of an organisation that does not share are never in it.</item>
/// <item>A group (measure, unit, period) is published only when at least <see cref="MinimumContributors"/> different
/// organisations contribute to it; otherwise nothing of it is shown, not even its count. Filters choose among
/// published groups and never change who is in a group, so no filter can make a small group.</item>
/// <item>A contributor is named only when both sides agreed: it chose to be named and so did the viewer. Otherwise
/// it is "Council A", "Council B"… in an order set by a hash of its identity (not its name or age), the same for every
/// viewer. Its providers are named only when it is named and the provider agreed; otherwise "Provider 1", "Provider 2"…</item>
/// </list>
/// </summary>
public static class BenchmarkPublishing
{
    /// <summary>Groups with fewer contributing organisations are suppressed (issue 8: "suppress groups of fewer than 3").</summary>
    public const int MinimumContributors = 3;

    /// <summary>An organisation's setting for the category.</summary>
    public sealed record Sharer(Guid OrganisationId, string Name, SharingChoice Choice);

    /// <summary>A figure in the pool, with who holds it, and where it came from (an imported file or a live contract).</summary>
    public sealed record Pooled(Guid HolderId, string? Contributor, bool ContributorNamed, string Measure, string Unit, FigureKind Kind, string Period, string Provider, bool ProviderNamed, decimal Value,
        string? Source = null);

    /// <summary>A figure as the viewer sees it; <see cref="Source"/> is given only for the viewer's own figures.</summary>
    public sealed record Shown(string Contributor, bool Named, bool IsViewer, string Provider, decimal Value, string Place, string? Source = null);

    public sealed record Group(string Measure, string Unit, FigureKind Kind, string Period, int Contributors, Distribution Distribution, IReadOnlyList<Shown> Figures);

    public sealed record Published(string Category, SharingChoice ViewerChoice, IReadOnlyList<Group> Groups, int Suppressed)
    {
        public bool ViewerShares => ViewerChoice is SharingChoice.Anonymous or SharingChoice.Named;
    }

    public static Published For(Guid viewerId, string category, IReadOnlyList<Sharer> sharers, IReadOnlyList<Pooled> figures)
    {
        var choices = sharers.ToDictionary(s => s.OrganisationId);
        var viewerChoice = choices.TryGetValue(viewerId, out var v) ? v.Choice : SharingChoice.NotShared;
        if (viewerChoice == SharingChoice.NotShared)
        {
            return new Published(category, viewerChoice, [], 0);
        }

        var viewerNamed = viewerChoice == SharingChoice.Named;
        var pool = figures
            .Where(f => f.Contributor is null
                ? choices.TryGetValue(f.HolderId, out var s) && s.Choice != SharingChoice.NotShared
                : f.HolderId == viewerId)
            .ToList();

        string KeyOf(Pooled f) => f.Contributor is null ? $"org:{f.HolderId}" : $"ext:{f.HolderId}:{f.Contributor.ToUpperInvariant()}";
        bool IsViewer(Pooled f) => f.Contributor is null && f.HolderId == viewerId;
        bool ShownNamed(Pooled f) => IsViewer(f)
            || (viewerNamed && (f.Contributor is null ? choices[f.HolderId].Choice == SharingChoice.Named : f.ContributorNamed));

        var anonymous = pool.Where(f => !ShownNamed(f)).Select(KeyOf).Distinct().OrderBy(Hash, StringComparer.Ordinal).ToList();
        var contributorLabels = anonymous.Select((key, i) => (key, label: "Council " + Letters(i))).ToDictionary(x => x.key, x => x.label);
        var hiddenProviders = pool.Where(f => f.Provider.Length > 0 && !IsViewer(f) && !(ShownNamed(f) && f.ProviderNamed))
            .Select(f => KeyOf(f) + "|" + f.Provider.ToUpperInvariant()).Distinct().OrderBy(Hash, StringComparer.Ordinal).ToList();
        var providerLabels = hiddenProviders.Select((key, i) => (key, label: "Provider " + (i + 1))).ToDictionary(x => x.key, x => x.label);

        string ContributorOf(Pooled f) => !ShownNamed(f) ? contributorLabels[KeyOf(f)]
            : f.Contributor ?? sharers.First(s => s.OrganisationId == f.HolderId).Name;
        string ProviderOf(Pooled f) => f.Provider.Length == 0 ? "All providers"
            : providerLabels.TryGetValue(KeyOf(f) + "|" + f.Provider.ToUpperInvariant(), out var label) ? label : f.Provider;

        var groups = new List<Group>();
        var suppressed = 0;
        foreach (var group in pool.GroupBy(f => (Measure: f.Measure.ToUpperInvariant(), Unit: f.Unit.ToUpperInvariant(), f.Period)))
        {
            var contributors = group.Select(KeyOf).Distinct().Count();
            if (contributors < MinimumContributors)
            {
                suppressed++;
                continue;
            }

            var distribution = Distribution.Of(group.Select(f => f.Value));
            var first = group.First();
            groups.Add(new Group(first.Measure, first.Unit, first.Kind, first.Period, contributors, distribution,
                group.Select(f => new Shown(ContributorOf(f), ShownNamed(f), IsViewer(f), ProviderOf(f), f.Value, distribution.Place(f.Value), IsViewer(f) ? f.Source : null))
                    .OrderBy(s => s.Value).ThenBy(s => s.Contributor, StringComparer.Ordinal).ThenBy(s => s.Provider, StringComparer.Ordinal).ToList()));
        }

        return new Published(category, viewerChoice, groups.OrderBy(g => g.Measure, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Period, StringComparer.Ordinal).ToList(), suppressed);
    }

    /// <summary>A, B, … Z, AA, AB, …</summary>
    public static string Letters(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letters((index / 26) - 1) + (char)('A' + (index % 26));

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
