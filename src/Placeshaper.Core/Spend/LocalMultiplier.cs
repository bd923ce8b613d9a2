using Placeshaper.Calculators;

namespace Placeshaper.Spend;

/// <summary>
/// The local multiplier (LM3, New Economics Foundation, "The Money Trail", 2002): how much of an organisation's
/// spending stays in the local economy over three rounds. Round 1 is what the organisation spends; round 2 what its
/// suppliers spend locally (its spend with local suppliers); round 3 what they in turn re-spend locally, from
/// suppliers' surveys: Σ amount × localRespendShare over the suppliers surveyed, or else round 2 × one share for all.
/// LM3 = (round 1 + round 2 + round 3) ÷ round 1, between 1 and 3.
/// </summary>
public static class LocalMultiplier
{
    public sealed record SupplierRespend(decimal? Amount, decimal? LocalRespendShare);

    public sealed record Input(decimal? Round1, decimal? LocalSupplierSpend, decimal? LocalRespendShare = null, IReadOnlyList<SupplierRespend>? Suppliers = null);

    public sealed record Result(decimal Round1, decimal Round2, decimal Round3, decimal Lm3);

    public static Common.Result<Result> Calculate(Input input)
    {
        var errors = new Common.Errors();
        if (input.Round1 is not { } round1 || round1 <= 0)
        {
            errors.Add("round1", "Give round 1, the total spend, as an amount above zero");
        }

        if (input.LocalSupplierSpend is not { } local || local < 0)
        {
            errors.Add("localSupplierSpend", "Give the spend with local suppliers, zero or more");
        }
        else if (input.Round1 is { } r1 && r1 > 0 && local > r1)
        {
            errors.Add("localSupplierSpend", "Spend with local suppliers cannot be more than round 1, the total spend");
        }

        var suppliers = input.Suppliers ?? [];
        if (suppliers.Count > 0 && input.LocalRespendShare is not null)
        {
            errors.Add("localRespendShare", "Give either localRespendShare or suppliers, not both");
        }
        else if (suppliers.Count == 0 && input.LocalRespendShare is not { } share)
        {
            errors.Add("localRespendShare", "Give localRespendShare (a fraction from 0 to 1) or the suppliers' survey answers");
        }
        else if (input.LocalRespendShare is { } given && given is < 0 or > 1)
        {
            errors.Add("localRespendShare", "Give a fraction from 0 to 1");
        }

        for (var i = 0; i < suppliers.Count; i++)
        {
            if (suppliers[i].Amount is not { } amount || amount < 0)
            {
                errors.Add($"suppliers[{i}].amount", "Give the amount, zero or more");
            }

            if (suppliers[i].LocalRespendShare is not { } s || s is < 0 or > 1)
            {
                errors.Add($"suppliers[{i}].localRespendShare", "Give a fraction from 0 to 1");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var round2 = input.LocalSupplierSpend!.Value;
        var round3 = suppliers.Count > 0 ? suppliers.Sum(s => s.Amount!.Value * s.LocalRespendShare!.Value) : round2 * input.LocalRespendShare!.Value;
        var first = input.Round1!.Value;
        return new Result(Rounding.ToTwoPlaces(first), Rounding.ToTwoPlaces(round2), Rounding.ToTwoPlaces(round3), Rounding.Ratio((first + round2 + round3) / first));
    }
}
