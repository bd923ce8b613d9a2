using Placeshaper.Organisations;

namespace Placeshaper.Benchmarks;

/// <summary>How an organisation shares one service category's benchmark figures with the others on the installation.</summary>
public enum SharingChoice
{
    /// <summary>Not shared: its figures are in nobody else's distribution, and it sees nobody else's.</summary>
    NotShared = 1,

    /// <summary>Shared, shown to others as "Council A" and its providers as "Provider 1".</summary>
    Anonymous = 2,

    /// <summary>Shared and named, to organisations that also chose to be named in the category.</summary>
    Named = 3,
}

/// <summary>
/// An organisation's setting for one service category: whether it shares its benchmark figures and whether it agrees
/// to be named. Changes are audited like every other change (who, when, before and after).
/// </summary>
public sealed class BenchmarkSharing : IOrganisationOwned
{
    private BenchmarkSharing()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The service category's code (see <see cref="ServiceCategories"/>).</summary>
    public string Category { get; private set; } = "";

    public SharingChoice Choice { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public bool Shares => Choice is SharingChoice.Anonymous or SharingChoice.Named;

    public bool Named => Choice == SharingChoice.Named;

    public static Result<BenchmarkSharing> Create(Guid organisationId, string? category, SharingChoice? choice, string byName, DateTime now)
    {
        var sharing = new BenchmarkSharing { Id = Guid.CreateVersion7(now), OrganisationId = organisationId };
        var errors = Check(category, choice);
        if (errors is not null)
        {
            return errors;
        }

        sharing.Category = ServiceCategories.Find(category)!.Code;
        sharing.Choice = choice!.Value;
        sharing.UpdatedAt = now;
        sharing.UpdatedBy = byName;
        return sharing;
    }

    public Result<BenchmarkSharing> Change(SharingChoice? choice, string byName, DateTime now)
    {
        if (Check(Category, choice) is { } errors)
        {
            return errors;
        }

        Choice = choice!.Value;
        UpdatedAt = now;
        UpdatedBy = byName;
        return this;
    }

    private static Errors? Check(string? category, SharingChoice? choice)
    {
        var errors = new Errors();
        if (ServiceCategories.Find(category) is null)
        {
            errors.Add("category", $"Choose a service category: {string.Join(", ", ServiceCategories.All.Select(c => c.Code))}");
        }

        if (choice is null || !Enum.IsDefined(choice.Value))
        {
            errors.Add("choice", "Choose whether to share: NotShared, Anonymous or Named");
        }

        return errors.Any ? errors : null;
    }
}
