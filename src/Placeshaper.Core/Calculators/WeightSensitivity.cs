namespace Placeshaper.Calculators;

/// <summary>
/// How far each criterion's weight would have to move before a different option ranks first, so members can see
/// whether the preferred option rests on one judgement.
/// </summary>
/// <remarks>
/// When criterion c's weight moves from w to x, the other weights are rescaled in proportion so the total stays 100:
/// each other weight becomes wⱼ × (100 − x) / (100 − w). Every option's score is then a straight line in x:
///   S(x) = [x × s꜀ + (100 − x) × o] / scale, where o = Σⱼ≠꜀ wⱼ sⱼ / (100 − w) is its score on the other criteria.
/// So the leader changes exactly where another option's line crosses the leader's, at
///   x* = 100 (o_L − o_k) / ((o_L − o_k) − (s_L − s_k)),
/// and the answer is the crossing nearest to w within 0–100, or none. At the crossing the two tie; any larger change
/// puts the other option first. If w is 100 (the other weights are all 0) the freed weight is shared equally.
/// </remarks>
public static class WeightSensitivity
{
    /// <param name="Criterion">The criterion whose weight moves.</param>
    /// <param name="Weight">Its weight now.</param>
    /// <param name="WeightChangeToChangeLeader">
    /// The signed change in percentage points at which another option draws level (negative means lowering the weight);
    /// null when no weight from 0 to 100 changes the leader.
    /// </param>
    /// <param name="NewWeight">The weight at which that happens.</param>
    /// <param name="NewLeader">The option that would rank first beyond that change.</param>
    public sealed record Finding(string Criterion, decimal Weight, decimal? WeightChangeToChangeLeader, decimal? NewWeight, string? NewLeader)
    {
        public bool ChangesLeader => WeightChangeToChangeLeader is not null;
    }

    public static IReadOnlyList<Finding> For(OptionsAppraisal.Valid valid)
    {
        var findings = new List<Finding>();
        for (var c = 0; c < valid.Criteria.Count; c++)
        {
            findings.Add(ForCriterion(valid, c));
        }

        return findings;
    }

    private static Finding ForCriterion(OptionsAppraisal.Valid valid, int c)
    {
        var w = valid.Weights[c];
        var name = valid.Criteria[c];
        var n = valid.Options.Count;
        if (n < 2 || valid.Criteria.Count < 2)
        {
            // One option always leads; one criterion's weight cannot move while the total stays 100.
            return new Finding(name, w, null, null, null);
        }

        // Scaled by (100 − w), or by the number of other criteria when they share equally, every option's score is
        // x × f × own + (100 − x) × others with no division, so parallel lines are exactly parallel.
        var rest = 100 - w;
        var f = rest == 0 ? valid.Criteria.Count - 1 : rest;
        var own = new decimal[n];
        var others = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            own[i] = f * valid.Scores[i, c];
            others[i] = OtherCriteria(valid, c, i, rest == 0);
        }

        var scores = Enumerable.Range(0, n).Select(i => (w * own[i]) + ((100 - w) * others[i])).ToList();
        var best = scores.Max();
        var leaders = Enumerable.Range(0, n).Where(i => scores[i] == best).ToList();
        if (leaders.Count > 1)
        {
            // Already tied: the smallest move either way puts one of them alone in first place.
            return new Finding(name, w, 0, w, valid.Options[leaders[1]]);
        }

        var leader = leaders[0];
        decimal? nearest = null;
        int? newLeader = null;
        for (var k = 0; k < n; k++)
        {
            if (k == leader)
            {
                continue;
            }

            // The leader's lead is 100 × gap + x × (ownGap − gap): zero at x* = 100 × gap / slope.
            var gap = others[leader] - others[k];
            var slope = gap - (own[leader] - own[k]);
            if (slope == 0 || (gap != 0 && Math.Sign(gap) != Math.Sign(slope)) || Math.Abs(gap) > Math.Abs(slope))
            {
                continue; // parallel, or crossing outside 0–100 (checked before dividing, so the division cannot overflow)
            }

            var crossing = 100 * gap / slope;
            var change = crossing - w;
            var direction = Math.Sign(change);
            if (nearest is null || Math.Abs(change) < Math.Abs(nearest.Value)
                || (change == nearest.Value && Beyond(own, others, k, newLeader!.Value, direction)))
            {
                nearest = change;
                newLeader = k;
            }
        }

        return nearest is null
            ? new Finding(name, w, null, null, null)
            : new Finding(name, w, nearest, w + nearest, valid.Options[newLeader!.Value]);
    }

    /// <summary>
    /// Of two options drawing level with the leader at the same weight, the one whose score rises faster (or falls
    /// slower) in the direction of the move is the one that goes ahead.
    /// </summary>
    private static bool Beyond(decimal[] own, decimal[] others, int candidate, int current, int direction) =>
        direction * (own[candidate] - others[candidate]) > direction * (own[current] - others[current]);

    /// <summary>Σ wⱼ sⱼ over every criterion but c; or Σ sⱼ when those weights are all 0 and would be shared equally.</summary>
    private static decimal OtherCriteria(OptionsAppraisal.Valid valid, int c, int option, bool shareEqually)
    {
        var sum = 0m;
        for (var j = 0; j < valid.Criteria.Count; j++)
        {
            if (j != c)
            {
                sum += shareEqually ? valid.Scores[option, j] : valid.Weights[j] * valid.Scores[option, j];
            }
        }

        return sum;
    }

    /// <summary>
    /// The weights after moving criterion c to x with the others rescaled in proportion (shared equally if they were all 0):
    /// the rule the findings rest on, offered so screens and tests can recompute any what-if.
    /// </summary>
    public static IReadOnlyList<decimal> Rescale(IReadOnlyList<decimal> weights, int c, decimal x)
    {
        var rest = 100 - weights[c];
        var result = new decimal[weights.Count];
        for (var j = 0; j < weights.Count; j++)
        {
            result[j] = j == c ? x : rest == 0 ? (100 - x) / (weights.Count - 1) : weights[j] * (100 - x) / rest;
        }

        return result;
    }
}
