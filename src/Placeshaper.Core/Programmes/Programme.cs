using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

/// <summary>
/// A commissioning programme for a service area or problem ("Older people living independently"), led by one
/// organisation and joined by partners. It turns the commissioning cycle like a steering wheel: any set of stages may
/// be active, and every turn is recorded with who, when and why.
/// </summary>
public sealed class Programme : IOrganisationOwned
{
    private readonly List<ProgrammePartner> partners = [];

    private Programme()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The lead organisation, which owns the programme.</summary>
    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>The active stages, stored in cycle order (see <see cref="Stages.ToStored"/>).</summary>
    public string ActiveStages { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>When a programme review decided to decommission it; null while it is open.</summary>
    public DateTime? ClosedAt { get; private set; }

    public IReadOnlyList<ProgrammePartner> Partners => partners;

    public IReadOnlyList<Stage> Stages => Programmes.Stages.FromStored(ActiveStages);

    public static Result<(Programme Programme, StageChange FirstStage)> Start(
        Guid leadOrganisationId, string? name, string? summary, IReadOnlyCollection<Guid> partnerOrganisationIds, Guid? byPersonId, string byName, DateTime now)
    {
        var errors = new Errors();
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add("name", "Enter the programme's name, up to 200 characters");
        }

        if (summary?.Length > 4000)
        {
            errors.Add("summary", "The summary can be up to 4,000 characters");
        }

        if (partnerOrganisationIds.Contains(leadOrganisationId))
        {
            errors.Add("partners", "The lead organisation cannot also be a partner");
        }

        if (errors.Any)
        {
            return errors;
        }

        var programme = new Programme
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = leadOrganisationId,
            Name = name,
            Summary = summary?.Trim() ?? "",
            ActiveStages = Programmes.Stages.ToStored([Stage.AssessNeeds]),
            CreatedAt = now,
        };
        foreach (var partner in partnerOrganisationIds.Distinct())
        {
            programme.partners.Add(new ProgrammePartner(programme.Id, partner, now));
        }

        var first = new StageChange(programme.Id, leadOrganisationId, "", programme.ActiveStages, "Programme started", byPersonId, byName, now);
        return (programme, first);
    }

    /// <summary>
    /// Turns the wheel: sets which stages are active. Moving back is as legitimate as moving forward (a review
    /// sends a programme back to assessing needs), but every move needs a reason.
    /// </summary>
    public Result<StageChange> MoveTo(IReadOnlyCollection<Stage> stages, string? reason, Guid? byPersonId, string byName, DateTime now)
    {
        var errors = new Errors();
        if (stages.Count == 0)
        {
            errors.Add("stages", "Choose at least one stage the programme is in");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Say why the programme is moving, for the record");
        }
        else if (reason.Length > 2000)
        {
            errors.Add("reason", "The reason can be up to 2,000 characters");
        }

        var to = Programmes.Stages.ToStored(stages);
        if (!errors.Any && to == ActiveStages)
        {
            errors.Add("stages", "The programme is already in exactly these stages");
        }

        if (errors.Any)
        {
            return errors;
        }

        var change = new StageChange(Id, OrganisationId, ActiveStages, to, reason!.Trim(), byPersonId, byName, now);
        ActiveStages = to;
        return change;
    }

    /// <summary>Closes the programme, as a review's decision to decommission does; the record stays.</summary>
    public void Close(DateTime now) => ClosedAt ??= now;

    public bool HasPartner(Guid organisationId) => partners.Any(p => p.OrganisationId == organisationId);
}

/// <summary>A partner organisation in joint commissioning: it sees the programme's pooled budgets and its own statement.</summary>
public sealed class ProgrammePartner
{
    private ProgrammePartner()
    {
    }

    internal ProgrammePartner(Guid programmeId, Guid organisationId, DateTime now)
    {
        ProgrammeId = programmeId;
        OrganisationId = organisationId;
        JoinedAt = now;
    }

    public Guid ProgrammeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateTime JoinedAt { get; private set; }
}

/// <summary>One turn of the wheel: from which stages to which, why, by whom and when. Never changed once written.</summary>
public sealed class StageChange : IOrganisationOwned
{
    private StageChange()
    {
    }

    internal StageChange(Guid programmeId, Guid organisationId, string from, string to, string reason, Guid? byPersonId, string byName, DateTime at)
    {
        Id = Guid.CreateVersion7(at);
        ProgrammeId = programmeId;
        OrganisationId = organisationId;
        FromStages = from;
        ToStages = to;
        Reason = reason;
        ByPersonId = byPersonId;
        ByName = byName;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string FromStages { get; private set; } = "";

    public string ToStages { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public Guid? ByPersonId { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime At { get; private set; }

    public IReadOnlyList<Stage> Entered => Stages.FromStored(ToStages).Except(Stages.FromStored(FromStages)).ToList();

    public IReadOnlyList<Stage> Left => Stages.FromStored(FromStages).Except(Stages.FromStored(ToStages)).ToList();
}
