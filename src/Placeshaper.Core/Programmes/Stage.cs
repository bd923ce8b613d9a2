namespace Placeshaper.Programmes;

/// <summary>
/// The six stages of the commissioning cycle (Cabinet Office / Commissioning Academy model, as used in Localis,
/// "Commission Impossible?", 2011). A programme may be active in several at once and move back as well as forward.
/// </summary>
public enum Stage
{
    AssessNeeds = 1,
    PriorityOutcomes = 2,
    DesignSpecification = 3,
    SourceProviders = 4,
    ManageDelivery = 5,
    ReviewAndLearn = 6,
}

public static class Stages
{
    public static readonly IReadOnlyList<Stage> All = Enum.GetValues<Stage>();

    public static string Describe(this Stage stage) => stage switch
    {
        Stage.AssessNeeds => "Assess needs",
        Stage.PriorityOutcomes => "Set priority outcomes",
        Stage.DesignSpecification => "Design and specify",
        Stage.SourceProviders => "Source providers",
        Stage.ManageDelivery => "Manage delivery",
        Stage.ReviewAndLearn => "Review and learn",
        _ => stage.ToString(),
    };

    /// <summary>Stored as a comma-separated list in cycle order, e.g. "AssessNeeds,PriorityOutcomes".</summary>
    public static string ToStored(IEnumerable<Stage> stages) => string.Join(",", stages.Distinct().Order());

    public static IReadOnlyList<Stage> FromStored(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Stage>).Order().ToList();
}
