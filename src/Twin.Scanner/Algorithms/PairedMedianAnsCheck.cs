namespace Twin.Scanner.Algorithms;

/// <summary>
/// A robust variant of the ANS check: for every pair of neighbouring stripes, heights measured
/// at the same scan position (within <see cref="PairingToleranceUm"/>) in both stripes are
/// paired, each pair gives a slope (height difference over index-axis distance), and the pair's
/// tilt is the median of those slopes. The slide's estimate is the pair of largest |tilt|.
/// </summary>
/// <remarks>
/// Pairing at the same scan position cancels a tilt along the scan axis without fitting it, and
/// the median ignores up to half the pairs being outliers (a fold, a reading on debris), where
/// the built-in plane fit lets every reading pull. It uses no within-stripe spread of heights,
/// so it sees the tilt only across the stripe pitch.
/// </remarks>
public sealed class PairedMedianAnsCheck : IAnsCheck
{
    /// <summary>
    /// Largest scan-axis distance between two heights that still pair, µm. Default 10 µm
    /// (readings of both stripes sit at the same tile centres; a focus point may not).
    /// </summary>
    public double PairingToleranceUm { get; init; } = 10;

    /// <summary>
    /// Smallest index-axis distance between paired heights, µm; closer pairs are left out (their
    /// slope is mostly noise). Default 100 µm.
    /// </summary>
    public double MinSeparationUm { get; init; } = 100;

    /// <summary>Fewest pairs a stripe pair needs to give a tilt. Default 3.</summary>
    public int MinPairs { get; init; } = 3;

    /// <inheritdoc/>
    public string Name => "paired-median";

    /// <inheritdoc/>
    public AnsVerdict Judge(IReadOnlyList<IReadOnlyList<FocusSample>> stripes, double thresholdDeg)
    {
        double? worst = null;
        for (int k = 1; k < stripes.Count; k++)
        {
            if (PairSlope(stripes[k - 1], stripes[k]) is not { } slope)
            {
                continue;
            }

            double deg = Math.Atan(slope) * 180 / Math.PI;
            if (worst is null || Math.Abs(deg) > Math.Abs(worst.Value))
            {
                worst = deg;
            }
        }

        return new AnsVerdict(worst, worst is { } w && Math.Abs(w) > thresholdDeg);
    }

    /// <summary>
    /// Median slope (dh/dy) of heights paired by scan position between two stripes, or null
    /// with fewer than <see cref="MinPairs"/> pairs.
    /// </summary>
    public double? PairSlope(IReadOnlyList<FocusSample> a, IReadOnlyList<FocusSample> b)
    {
        var slopes = new List<double>();
        foreach (var p in a)
        {
            // the nearest height of the other stripe along the scan axis, first one on ties
            FocusSample? match = null;
            double best = double.PositiveInfinity;
            foreach (var q in b)
            {
                double d = Math.Abs(q.XUm - p.XUm);
                if (d < best)
                {
                    best = d;
                    match = q;
                }
            }

            if (match is { } m && best <= PairingToleranceUm
                && Math.Abs(m.YUm - p.YUm) >= MinSeparationUm)
            {
                slopes.Add((m.HeightUm - p.HeightUm) / (m.YUm - p.YUm));
            }
        }

        if (slopes.Count < MinPairs)
        {
            return null;
        }

        slopes.Sort();
        int n = slopes.Count;
        return n % 2 == 1 ? slopes[n / 2] : 0.5 * (slopes[(n / 2) - 1] + slopes[n / 2]);
    }
}
