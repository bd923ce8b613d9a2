using Placeshaper.Calculators;

namespace Placeshaper.Payments;

/// <summary>
/// What a period of a contract owes when its payment mechanism has several parts: a fixed element (an indexed price,
/// an attachment fee), plus outcome payments (payment by results, a social impact bond, gain-share), less service
/// credits. The contracts' payment schedules add their parts up here, so the working reads the same everywhere.
/// </summary>
/// <remarks>
/// due = fixedElement + Σ outcome payments − Σ credits, from amounts already in pounds and pence. It can be below zero
/// when credits exceed what is otherwise due: the working then says the provider owes the difference, rather than
/// hiding it.
/// </remarks>
public static class Combination
{
    public const int MaxParts = 100;

    /// <param name="Label">What the amount is, in the working: "Families turned around", "Missed visits".</param>
    public sealed record Part(string? Label, decimal? Amount);

    public sealed record Input(decimal? FixedElement, IReadOnlyList<Part>? OutcomePayments = null, IReadOnlyList<Part>? Credits = null);

    public sealed record Result(decimal FixedElement, decimal OutcomePayments, decimal Credits, decimal Due, IReadOnlyList<string> Working);

    public static Result<Result> Calculate(Input input)
    {
        var errors = new Errors();
        if (input.FixedElement is not { } fixedElement || fixedElement < 0 || fixedElement > PaymentByResults.MaxAmount)
        {
            errors.Add("fixedElement", input.FixedElement < 0 ? "The fixed element cannot be negative" : "Give the fixed element in pounds, £0 or more");
            fixedElement = 0;
        }

        var outcomes = CheckParts(input.OutcomePayments ?? [], "outcomePayments", errors);
        var credits = CheckParts(input.Credits ?? [], "credits", errors);
        if (errors.Any)
        {
            return errors;
        }

        var outcomeTotal = outcomes.Sum(p => p.Amount);
        var creditTotal = credits.Sum(p => p.Amount);
        var due = fixedElement + outcomeTotal - creditTotal;
        var working = new List<string> { $"Fixed element: {Rounding.Pounds(fixedElement)}" };
        if (outcomes.Count > 0)
        {
            working.Add("Outcome payments: " + string.Join(" + ", outcomes.Select(p => $"{Rounding.Pounds(p.Amount)} ({p.Label})")) + $" = {Rounding.Pounds(outcomeTotal)}");
        }

        if (credits.Count > 0)
        {
            working.Add("Less credits: " + string.Join(" + ", credits.Select(p => $"{Rounding.Pounds(p.Amount)} ({p.Label})")) + $" = {Rounding.Pounds(creditTotal)}");
        }

        working.Add($"Due: {Rounding.Pounds(fixedElement)} + {Rounding.Pounds(outcomeTotal)} − {Rounding.Pounds(creditTotal)} = {Rounding.Pounds(due)}"
            + (due < 0 ? $"; the credits exceed what is due, so the provider owes {Rounding.Pounds(-due)}" : ""));
        return new Result(fixedElement, outcomeTotal, creditTotal, due, working);
    }

    private static List<(string Label, decimal Amount)> CheckParts(IReadOnlyList<Part> parts, string field, Errors errors)
    {
        var valid = new List<(string, decimal)>();
        if (parts.Count > MaxParts)
        {
            errors.Add(field, $"Give at most {MaxParts}");
            return valid;
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is not { } part || string.IsNullOrWhiteSpace(part.Label))
            {
                errors.Add($"{field}[{i}].label", "Say what the amount is for");
                continue;
            }

            if (part.Amount is not { } amount || amount < 0 || amount > PaymentByResults.MaxAmount)
            {
                errors.Add($"{field}[{i}].amount", part.Amount < 0 ? "The amount cannot be negative" : "Give the amount in pounds, £0 or more");
                continue;
            }

            valid.Add((part.Label.Trim(), amount));
        }

        return valid;
    }
}
