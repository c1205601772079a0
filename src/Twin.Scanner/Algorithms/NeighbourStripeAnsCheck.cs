namespace Twin.Scanner.Algorithms;

/// <summary>
/// Built-in ANS check: at every scan position where two neighbouring stripes both measured a
/// focus height, their difference over the stripe pitch is the local index-axis slope; the
/// median over positions (robust to folds and specks) is the pair's tilt, and the slide's
/// estimate is the pair of largest |tilt|.
/// </summary>
public sealed class NeighbourStripeAnsCheck : IAnsCheck
{
    /// <summary>Fewest shared measured positions for a stripe pair to count. Default 3.</summary>
    public int MinPairs { get; init; } = 3;

    /// <inheritdoc/>
    public string Name => "neighbour-stripes";

    /// <inheritdoc/>
    public AnsVerdict Judge(
        IReadOnlyList<double[]> stripeHeights, double stripePitchUm, double thresholdDeg)
    {
        double? worst = null;
        for (int k = 1; k < stripeHeights.Count; k++)
        {
            double[] a = stripeHeights[k - 1];
            double[] b = stripeHeights[k];
            var slopes = new List<double>();
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                if (!double.IsNaN(a[i]) && !double.IsNaN(b[i]))
                {
                    slopes.Add((b[i] - a[i]) / stripePitchUm);
                }
            }

            if (slopes.Count < MinPairs)
            {
                continue;
            }

            slopes.Sort();
            double median = slopes.Count % 2 == 1 ? slopes[slopes.Count / 2]
                : 0.5 * (slopes[(slopes.Count / 2) - 1] + slopes[slopes.Count / 2]);
            double deg = Math.Atan(median) * 180 / Math.PI;
            if (worst is null || Math.Abs(deg) > Math.Abs(worst.Value))
            {
                worst = deg;
            }
        }

        return new AnsVerdict(worst, worst is { } w && Math.Abs(w) > thresholdDeg);
    }
}
