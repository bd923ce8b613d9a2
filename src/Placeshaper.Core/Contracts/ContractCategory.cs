using Placeshaper.Benchmarks;

namespace Placeshaper.Contracts;

/// <summary>
/// The service category a contract delivers, one of <see cref="ServiceCategories"/>' codes: what lets its approved KPI
/// values and residents' ratings count as live benchmark figures when the organisation shares the category.
/// </summary>
public sealed partial class Contract
{
    /// <summary>A <see cref="ServiceCategories"/> code, or null when the contract is not in a benchmarked category.</summary>
    public string? ServiceCategory { get; private set; }

    private static string? CheckServiceCategory(Errors errors, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        if (ServiceCategories.Find(code) is { } found)
        {
            return found.Code;
        }

        errors.Add("serviceCategory", $"\"{code}\" is not a service category: choose one of {string.Join(", ", ServiceCategories.All.Select(c => c.Code))}, or none");
        return null;
    }
}
