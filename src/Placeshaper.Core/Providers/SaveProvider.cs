using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Providers;

/// <summary>
/// Adds a provider to the register, or changes one, refusing what would make it a duplicate of another
/// (<see cref="ProviderDuplicates"/>): the refusal names the provider already there.
/// </summary>
public sealed class SaveProvider(PlaceshaperDb db)
{
    public abstract record Outcome;

    public sealed record Saved(Provider Provider, bool Changed) : Outcome;

    public sealed record Invalid(Errors Errors) : Outcome;

    public sealed record Duplicate(ProviderDuplicates.Duplicate Of) : Outcome;

    public async Task<Outcome> RegisterAsync(Guid organisationId, ProviderDetails details, CancellationToken cancellationToken)
    {
        var valid = details.Check();
        if (!valid.Succeeded)
        {
            return new Invalid(valid.Errors);
        }

        var others = await ProviderDuplicates.LoadAsync(db, organisationId, cancellationToken);
        if (ProviderDuplicates.Find(valid.Value.Identity(null), others) is { } duplicate)
        {
            return new Duplicate(duplicate);
        }

        var provider = Provider.Register(organisationId, valid.Value, db.Clock.GetUtcNow().UtcDateTime);
        db.Providers.Add(provider);
        await db.SaveChangesAsync(cancellationToken);
        return new Saved(provider, true);
    }

    /// <summary>Changes a provider loaded (tracked, with its members) from this context.</summary>
    public async Task<Outcome> ChangeAsync(Provider provider, ProviderDetails details, CancellationToken cancellationToken)
    {
        var valid = details.Check();
        if (!valid.Succeeded)
        {
            return new Invalid(valid.Errors);
        }

        if (valid.Value.IsConsortium && !provider.IsConsortium
            && await db.Providers.AnyAsync(c => c.OrganisationId == provider.OrganisationId && c.Members.Any(m => m.MemberId == provider.Id), cancellationToken))
        {
            return new Invalid(Errors.For("isConsortium", $"{provider.Name} is a member of a consortium, and consortia do not nest: take it out of the consortium first"));
        }

        var others = await ProviderDuplicates.LoadAsync(db, provider.OrganisationId, cancellationToken);
        if (ProviderDuplicates.Find(valid.Value.Identity(provider.Id), others) is { } duplicate)
        {
            return new Duplicate(duplicate);
        }

        var changed = provider.Change(valid.Value, db.Clock.GetUtcNow().UtcDateTime);
        if (!changed.Succeeded)
        {
            return new Invalid(changed.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Saved(provider, changed.Value);
    }

    /// <summary>A provider of the organisation, tracked, with its consortium members; null when there is none.</summary>
    public Task<Provider?> FindAsync(Guid organisationId, Guid providerId, CancellationToken cancellationToken) =>
        db.Providers.Include(p => p.Members).SingleOrDefaultAsync(p => p.Id == providerId && p.OrganisationId == organisationId, cancellationToken);

    /// <summary>Adds <paramref name="memberId"/> to the consortium, or changes whether it leads.</summary>
    public async Task<Result<ConsortiumMember>> SetMemberAsync(Provider consortium, Guid memberId, bool isLead, CancellationToken cancellationToken)
    {
        var member = await db.Providers.SingleOrDefaultAsync(p => p.Id == memberId && p.OrganisationId == consortium.OrganisationId, cancellationToken);
        if (member is null)
        {
            return Errors.For("memberId", "There is no such provider in the register");
        }

        var set = consortium.SetMember(member, isLead, db.Clock.GetUtcNow().UtcDateTime);
        if (set.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return set;
    }

    public async Task<bool> RemoveMemberAsync(Provider consortium, Guid memberId, CancellationToken cancellationToken)
    {
        if (!consortium.RemoveMember(memberId))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
