namespace Twin.Scanner.Algorithms;

/// <summary>
/// Built-in ANS check: for every pair of neighbouring stripes, a plane h = a + b·x + c·y is
/// fitted by least squares to all heights the two stripes measured, each at the place it was
/// measured; the slope c along the index axis is the pair's tilt, and the slide's estimate is
/// the pair of largest |tilt|. Fitting b as well keeps a tilt along the scan axis, which the
/// focus axis tracks, out of the index-axis estimate; a median-free least-squares fit is enough
/// because the controller has already rejected outlying readings.
/// </summary>
public sealed class NeighbourStripeAnsCheck : IAnsCheck
{
    /// <summary>Fewest measured heights a stripe must give for its pair to count. Default 1.</summary>
    public int MinPerStripe { get; init; } = 1;

    /// <summary>Fewest measured heights a pair must give in all. Default 4.</summary>
    public int MinPerPair { get; init; } = 4;

    /// <inheritdoc/>
    public string Name => "neighbour-stripes";

    /// <inheritdoc/>
    public AnsVerdict Judge(IReadOnlyList<IReadOnlyList<FocusSample>> stripes, double thresholdDeg)
    {
        double? worst = null;
        for (int k = 1; k < stripes.Count; k++)
        {
            var a = stripes[k - 1];
            var b = stripes[k];
            if (a.Count < MinPerStripe || b.Count < MinPerStripe || a.Count + b.Count < MinPerPair)
            {
                continue;
            }

            if (IndexSlope([.. a, .. b]) is not { } slope)
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
    /// The c of the least-squares plane h = a + b·x + c·y (normal equations on centred
    /// coordinates), or null when the points do not spread along the index axis.
    /// </summary>
    public static double? IndexSlope(IReadOnlyList<FocusSample> points)
    {
        double mx = points.Average(p => p.XUm), my = points.Average(p => p.YUm);
        double mh = points.Average(p => p.HeightUm);
        double sxx = 0, sxy = 0, syy = 0, sxh = 0, syh = 0;
        foreach (var p in points)
        {
            double x = p.XUm - mx, y = p.YUm - my, h = p.HeightUm - mh;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            sxh += x * h;
            syh += y * h;
        }

        if (syy < 1e-6 * points.Count)
        {
            return null;
        }

        double det = (sxx * syy) - (sxy * sxy);
        if (Math.Abs(det) < 1e-9 * Math.Max(1, sxx * syy))
        {
            // no spread along the scan axis: the slope along y alone
            return syh / syy;
        }

        return ((sxx * syh) - (sxy * sxh)) / det;
    }
}
