using Placeshaper.Payments;

namespace Placeshaper.Contracts.Delivery;

public enum Rag
{
    Green = 1,
    Amber = 2,
    Red = 3,
}

/// <summary>
/// How a KPI performed in a period: red, amber or green for the contract manager (green meets the target, amber falls
/// short of it but meets the minimum acceptable level, red misses the minimum), and the rating of the Procurement Act
/// 2023's contract performance notices (s.71) as <see cref="ServiceCredits"/> works it out, so the two never disagree.
/// </summary>
public static class PerformanceRatings
{
    public sealed record Rating(Rag Rag, string ActRating);

    public static Rating Rate(ContractKpi kpi, decimal actual)
    {
        var rated = ServiceCredits.Calculate(new ServiceCredits.Input(0m, 0m, [new ServiceCredits.Kpi("kpi", kpi.Target, kpi.Minimum, actual, kpi.HigherIsBetter, 0m, 0m)]));
        var act = rated.Succeeded ? rated.Value!.Kpis[0].Rating : ServiceCredits.RequiresImprovement;
        var rag = act switch
        {
            ServiceCredits.Good => Rag.Green,
            ServiceCredits.ApproachingTarget => Rag.Amber,
            _ => Rag.Red,
        };
        return new Rating(rag, act);
    }
}
