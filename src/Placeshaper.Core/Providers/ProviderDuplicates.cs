using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Providers;

/// <summary>
/// The rule for when two entries in a provider register are the same provider. They are when they share a Companies
/// House, charity or VAT number, or when their names are the same once normalised (<see cref="NameNormaliser"/>) and
/// no registration number tells them apart: two companies called "! LIMITED" and "! LTD" with different company
/// numbers are two providers, but "Brightside Family Support" and "BRIGHTSIDE FAMILY SUPPORT LTD" are one unless
/// their numbers differ.
/// </summary>
public static class ProviderDuplicates
{
    /// <summary>What identifies a provider: its id (none before it is saved), name and registration numbers.</summary>
    public sealed record Identity(Guid? Id, string Name, string NormalisedName, string? CompanyNumber, string? CharityNumber, string? VatNumber)
    {
        public bool HasNumber => CompanyNumber is not null || CharityNumber is not null || VatNumber is not null;
    }

    /// <summary>
    /// An entry the candidate duplicates, the field that shows it, and the reason in words, to follow the existing
    /// provider's name ("has the same charity number (1002459)").
    /// </summary>
    public sealed record Duplicate(Guid? ExistingId, string ExistingName, string Field, string Reason)
    {
        public override string ToString() => $"{ExistingName} is already in the register: it {Reason}";
    }

    public const string SameNameReason = "has the same name once case, punctuation and words like LIMITED are set aside, and no registration number tells them apart";

    /// <summary>The first of <paramref name="others"/> that <paramref name="candidate"/> duplicates, or null.</summary>
    public static Duplicate? Find(Identity candidate, IEnumerable<Identity> others)
    {
        Duplicate? byName = null;
        foreach (var other in others)
        {
            if (candidate.Id is not null && other.Id == candidate.Id)
            {
                continue;
            }

            if (SharedNumber(candidate, other) is { } shared)
            {
                return new Duplicate(other.Id, other.Name, shared.Field, $"has the same {shared.What} ({shared.Number})");
            }

            if (byName is null && SameName(candidate, other))
            {
                byName = new Duplicate(other.Id, other.Name, "name", SameNameReason);
            }
        }

        return byName;
    }

    /// <summary>Every entry of <paramref name="others"/> that <paramref name="candidate"/> duplicates, matches by number first.</summary>
    public static IReadOnlyList<Duplicate> FindAll(Identity candidate, IEnumerable<Identity> others) =>
        others.Where(o => candidate.Id is null || o.Id != candidate.Id)
            .Select(o => SharedNumber(candidate, o) is { } shared ? new Duplicate(o.Id, o.Name, shared.Field, $"has the same {shared.What} ({shared.Number})")
                : SameName(candidate, o) ? new Duplicate(o.Id, o.Name, "name", SameNameReason)
                : null)
            .OfType<Duplicate>()
            .OrderBy(d => d.Field == "name")
            .ToList();

    /// <summary>The kind and value of a registration number both have, or null.</summary>
    public static (string Field, string What, string Number)? SharedNumber(Identity a, Identity b) =>
        a.CompanyNumber is not null && a.CompanyNumber == b.CompanyNumber ? ("companyNumber", "Companies House number", a.CompanyNumber)
        : a.CharityNumber is not null && a.CharityNumber == b.CharityNumber ? ("charityNumber", "charity number", a.CharityNumber)
        : a.VatNumber is not null && a.VatNumber == b.VatNumber ? ("vatNumber", "VAT number", a.VatNumber)
        : null;

    /// <summary>Whether a registration number of one kind, held by both, differs: then they are different bodies.</summary>
    public static bool Conflict(Identity a, Identity b) =>
        Differ(a.CompanyNumber, b.CompanyNumber) || Differ(a.CharityNumber, b.CharityNumber) || Differ(a.VatNumber, b.VatNumber);

    public static bool SameName(Identity a, Identity b) => a.NormalisedName == b.NormalisedName && !Conflict(a, b);

    /// <summary>Every provider in the organisation's register, as identities (names normalised afresh).</summary>
    public static async Task<List<Identity>> LoadAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var rows = await db.Providers.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .Select(p => new { p.Id, p.Name, p.CompanyNumber, p.CharityNumber, p.VatNumber })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new Identity(p.Id, p.Name, NameNormaliser.Normalise(p.Name), p.CompanyNumber, p.CharityNumber, p.VatNumber)).ToList();
    }

    private static bool Differ(string? a, string? b) => a is not null && b is not null && a != b;
}
