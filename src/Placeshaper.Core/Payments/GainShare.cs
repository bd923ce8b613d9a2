using Placeshaper.Calculators;

namespace Placeshaper.Payments;

/// <summary>
/// Gain-share: a provider that invests to make a service cheaper is paid out of the savings it makes: first its
/// investment back, then an agreed share of anything beyond. If there are no savings it gets nothing. Modelled on the
/// Mears and Hertfordshire County Council telecare pilot (Localis, "Commission Impossible? Shaping places through strategic commissioning", 2011, case study): savings
/// measured against a control group, full cost recovery first, then any further savings shared equally.
/// </summary>
/// <remarks>
/// savings = baselineCost − actualCost, or (control − pilot cost per user) × pilot users. If savings ≤ 0 the provider
/// gets nothing and councilNetSaving = savings. Otherwise investmentRecovered = min(savings, providerInvestment),
/// excessShared = savings − investmentRecovered, providerPayment = investmentRecovered + excessShared ×
/// providerShareAfterRecovery, and councilNetSaving = savings − providerPayment, so the two always add up to savings.
/// </remarks>
public static class GainShare
{
    public sealed record ControlGroup(decimal? CostPerUser);

    public sealed record PilotGroup(decimal? CostPerUser, decimal? Users);

    /// <summary>Either <paramref name="BaselineCost"/> and <paramref name="ActualCost"/>, or <paramref name="Control"/> and <paramref name="Pilot"/>, never both.</summary>
    /// <param name="ProviderShareAfterRecovery">The provider's share of savings beyond its investment, a fraction from 0 to 1.</param>
    public sealed record Input(
        decimal? BaselineCost = null,
        decimal? ActualCost = null,
        ControlGroup? Control = null,
        PilotGroup? Pilot = null,
        decimal? ProviderInvestment = null,
        decimal? ProviderShareAfterRecovery = null);

    public sealed record Result(decimal Savings, decimal InvestmentRecovered, decimal ExcessShared, decimal ProviderPayment, decimal CouncilNetSaving, IReadOnlyList<string> Working)
    {
        /// <summary>
        /// The figures in pounds and pence, rounded once, half away from zero, except the council's net saving, which is
        /// what is left of the rounded savings after the rounded payment, so that the two still add up to the penny.
        /// </summary>
        public Result InPence()
        {
            var (savings, payment) = (Rounding.ToTwoPlaces(Savings), Rounding.ToTwoPlaces(ProviderPayment));
            return this with
            {
                Savings = savings,
                InvestmentRecovered = Rounding.ToTwoPlaces(InvestmentRecovered),
                ExcessShared = Rounding.ToTwoPlaces(ExcessShared),
                ProviderPayment = payment,
                CouncilNetSaving = savings - payment,
            };
        }
    }

    public static Result<Result> Calculate(Input input)
    {
        var errors = new Errors();
        var byCost = input.BaselineCost is not null || input.ActualCost is not null;
        var byGroups = input.Control is not null || input.Pilot is not null;
        if (byCost && byGroups)
        {
            errors.Add("control", "Give either baselineCost and actualCost, or control and pilot, not both");
        }
        else if (!byCost && !byGroups)
        {
            errors.Add("baselineCost", "Give either baselineCost and actualCost, or control and pilot");
        }
        else if (byCost)
        {
            Amount(errors, "baselineCost", input.BaselineCost, "the cost without the change (the baseline)");
            Amount(errors, "actualCost", input.ActualCost, "what it actually cost");
        }
        else
        {
            Amount(errors, "control.costPerUser", input.Control?.CostPerUser, "the control group's cost per user");
            Amount(errors, "pilot.costPerUser", input.Pilot?.CostPerUser, "the pilot's cost per user");
            if (input.Pilot?.Users is not { } users || users < 0 || users > PaymentByResults.MaxAmount || users != decimal.Truncate(users))
            {
                errors.Add("pilot.users", input.Pilot?.Users < 0 ? "The number of users cannot be negative" : "Give how many people the pilot served, a whole number 0 or more");
            }
        }

        Amount(errors, "providerInvestment", input.ProviderInvestment, "the provider's investment");
        if (input.ProviderShareAfterRecovery is not { } share || share < 0 || share > 1)
        {
            errors.Add("providerShareAfterRecovery", "Give the provider's share of savings after it recovers its investment, a fraction from 0 to 1: 0.5 for half");
        }

        if (errors.Any)
        {
            return errors;
        }

        var investment = input.ProviderInvestment!.Value;
        share = input.ProviderShareAfterRecovery!.Value;
        var working = new List<string>();
        decimal savings;
        if (byCost)
        {
            savings = input.BaselineCost!.Value - input.ActualCost!.Value;
            working.Add($"Savings: {Rounding.Pounds(input.BaselineCost.Value)} − {Rounding.Pounds(input.ActualCost.Value)} = {Rounding.Pounds(savings)}");
        }
        else
        {
            var (control, pilot, users) = (input.Control!.CostPerUser!.Value, input.Pilot!.CostPerUser!.Value, input.Pilot.Users!.Value);
            savings = (control - pilot) * users;
            working.Add($"Savings: ({Rounding.Pounds(control)} − {Rounding.Pounds(pilot)}) × {Rounding.Plain(users)} users = {Rounding.Pounds(savings)}");
        }

        if (savings <= 0)
        {
            working.Add(savings == 0
                ? "No savings, so the provider gets nothing back"
                : $"No savings, so the provider gets nothing back; the council's net saving is {Rounding.Pounds(savings)}: it spent more");
            return new Result(savings, 0, 0, 0, savings, working);
        }

        var recovered = Math.Min(savings, investment);
        var excess = savings - recovered;
        var payment = recovered + (excess * share);
        working.Add($"Investment recovered first: the lesser of {Rounding.Pounds(savings)} and {Rounding.Pounds(investment)} = {Rounding.Pounds(recovered)}");
        working.Add($"Savings beyond that: {Rounding.Pounds(savings)} − {Rounding.Pounds(recovered)} = {Rounding.Pounds(excess)}");
        working.Add($"Provider's payment: {Rounding.Pounds(recovered)} + {Rounding.Pounds(excess)} × {Rounding.Plain(share)} = {Rounding.Pounds(payment)}");
        working.Add($"Council's net saving: {Rounding.Pounds(savings)} − {Rounding.Pounds(payment)} = {Rounding.Pounds(savings - payment)}");
        return new Result(savings, recovered, excess, payment, savings - payment, working);
    }

    private static void Amount(Errors errors, string field, decimal? value, string what)
    {
        if (value is not { } v || v < 0 || v > PaymentByResults.MaxAmount)
        {
            errors.Add(field, value < 0 ? $"Give {what} in pounds; it cannot be negative" : $"Give {what} in pounds, £0 or more");
        }
    }
}
