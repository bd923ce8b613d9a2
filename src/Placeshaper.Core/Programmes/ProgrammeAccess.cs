using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Programmes;

/// <summary>How an organisation stands to a programme: the lead sees and runs all of it; a partner sees what is shared.</summary>
public enum ProgrammeRole
{
    None,
    Partner,
    Lead,
}

public static class ProgrammeAccess
{
    /// <summary>
    /// Finds a programme as <paramref name="organisationId"/> may see it. Programmes are shared with partners, so the
    /// organisation filter is lifted here and replaced by the explicit lead-or-partner check: nobody else finds it.
    /// </summary>
    public static async Task<(Programme? Programme, ProgrammeRole Role)> FindAsync(PlaceshaperDb db, Guid programmeId, Guid organisationId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.IgnoreQueryFilters()
            .Include(p => p.Partners)
            .SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        var role = programme is null ? ProgrammeRole.None
            : programme.OrganisationId == organisationId ? ProgrammeRole.Lead
            : programme.HasPartner(organisationId) ? ProgrammeRole.Partner
            : ProgrammeRole.None;
        return role == ProgrammeRole.None ? (null, role) : (programme, role);
    }

    /// <summary>The programme if <paramref name="organisationId"/> leads it: only the lead changes a programme or its budgets.</summary>
    public static async Task<Programme?> FindLedAsync(PlaceshaperDb db, Guid programmeId, Guid organisationId, CancellationToken cancellationToken)
    {
        var (programme, role) = await FindAsync(db, programmeId, organisationId, cancellationToken);
        return role == ProgrammeRole.Lead ? programme : null;
    }
}
