namespace Placeshaper.Data;

/// <summary>
/// Who is acting in this unit of work and which organisations' data they may see. The web sets it from the
/// signed-in person or token; the CLI acts as the installation's operator and sees everything.
/// </summary>
public sealed class AccessScope
{
    public Guid? PersonId { get; private set; }

    /// <summary>How the actor is written in the audit trail.</summary>
    public string ActorName { get; private set; } = "system";

    /// <summary>Organisations whose data is visible; <c>null</c> means all (operators at the command line).</summary>
    public IReadOnlyCollection<Guid>? VisibleOrganisations { get; private set; } = [];

    public void ActAsOperator(string what) =>
        (PersonId, ActorName, VisibleOrganisations) = (null, "system: " + what, null);

    public void ActAsPerson(Guid personId, string name, IReadOnlyCollection<Guid> organisations) =>
        (PersonId, ActorName, VisibleOrganisations) = (personId, name, organisations);

    public void ActAsAnonymous(string what) =>
        (PersonId, ActorName, VisibleOrganisations) = (null, what, []);
}
