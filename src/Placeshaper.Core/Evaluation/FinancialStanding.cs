namespace Placeshaper.Evaluation;

/// <summary>
/// A proportionate check of a bidder's financial standing: by default turnover of at least twice the annual contract
/// value. A bidder short of it can still pass on the combined turnover of its consortium or on a guarantor's turnover
/// (a parent company guarantee), or an officer can accept it with a recorded reason, so that small, stable,
/// profitable providers are not excluded by size alone (the reports' "redefine SME risk").
/// </summary>
public static class FinancialStanding
{
    public const decimal DefaultTurnoverMultiple = 2m;

    public enum Outcome
    {
        /// <summary>The bidder's own turnover is enough.</summary>
        Meets,

        /// <summary>The consortium's combined turnover is enough.</summary>
        MeetsAsConsortium,

        /// <summary>A guarantor's turnover is enough.</summary>
        MeetsWithGuarantee,

        /// <summary>Short of the threshold, accepted by an officer with a recorded reason.</summary>
        AcceptedWithReason,

        /// <summary>Short of the threshold by every route, and not accepted.</summary>
        DoesNotMeet,

        /// <summary>No turnover is known for the bidder or its consortium: ask for accounts first.</summary>
        Unknown,
    }

    /// <param name="AnnualValue">The contract's value for one year, including VAT.</param>
    /// <param name="Turnover">The bidder's own annual turnover, if known.</param>
    /// <param name="MemberTurnovers">Each consortium member's turnover, if the bidder is a consortium; null when unknown.</param>
    /// <param name="GuarantorTurnover">The turnover of a parent or other guarantor who will guarantee performance, if any.</param>
    /// <param name="OverrideReason">Why the officer accepts a bidder short of the threshold, if they do.</param>
    public sealed record Input(
        decimal AnnualValue,
        decimal? Turnover,
        IReadOnlyList<decimal?>? MemberTurnovers = null,
        decimal? GuarantorTurnover = null,
        string? OverrideReason = null,
        decimal TurnoverMultiple = DefaultTurnoverMultiple);

    public sealed record Result(Outcome Outcome, decimal Required, string Explanation)
    {
        public bool Passes => Outcome is Outcome.Meets or Outcome.MeetsAsConsortium or Outcome.MeetsWithGuarantee or Outcome.AcceptedWithReason;
    }

    public static Result Check(Input input)
    {
        var required = decimal.Round(input.AnnualValue * input.TurnoverMultiple, 2, MidpointRounding.AwayFromZero);
        var rule = $"turnover of at least {input.TurnoverMultiple:0.##} × the annual value of {Pounds(input.AnnualValue)} = {Pounds(required)}";
        if (input.Turnover is { } own && own >= required)
        {
            return new Result(Outcome.Meets, required, $"Meets the {rule}: turnover {Pounds(own)}.");
        }

        var members = input.MemberTurnovers;
        if (members is { Count: > 0 } && members.All(t => t is not null) && members.Sum(t => t!.Value) is var combined && combined >= required)
        {
            return new Result(Outcome.MeetsAsConsortium, required, $"Meets the {rule} as a consortium: its {members.Count} members' turnover comes to {Pounds(combined)}.");
        }

        if (input.GuarantorTurnover is { } guarantor && guarantor >= required)
        {
            return new Result(Outcome.MeetsWithGuarantee, required, $"Meets the {rule} with a guarantee: the guarantor's turnover is {Pounds(guarantor)}.");
        }

        if (!string.IsNullOrWhiteSpace(input.OverrideReason))
        {
            return new Result(Outcome.AcceptedWithReason, required, $"Below the {rule}, accepted because: {input.OverrideReason.Trim()}");
        }

        return input.Turnover is null && (members is not { Count: > 0 } || members.Any(t => t is null)) && input.GuarantorTurnover is null
            ? new Result(Outcome.Unknown, required, $"No turnover is known: ask for the latest accounts to check the {rule}.")
            : new Result(Outcome.DoesNotMeet, required,
                $"Below the {rule}: turnover {(input.Turnover is { } t ? Pounds(t) : "not known")}. It can still pass as a consortium, with a guarantee, or with a recorded reason.");
    }

    private static string Pounds(decimal value) => Calculators.Rounding.Pounds(value);
}
