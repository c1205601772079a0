using Twin.Optics.Rendering;

namespace Twin.Optics.Metrics;

/// <summary>
/// A focus metric sampled at a series of focal heights (µm, ascending), with the two readings
/// taken from such a curve: where it peaks and how wide it is.
/// </summary>
public sealed class ThroughFocusCurve
{
    /// <summary>Wraps samples; focal heights must ascend and match the values one to one.</summary>
    /// <param name="focusUm">Focal heights, µm, ascending.</param>
    /// <param name="values">Metric values at those heights (any unit, larger = sharper).</param>
    public ThroughFocusCurve(IReadOnlyList<double> focusUm, IReadOnlyList<double> values)
    {
        if (focusUm.Count != values.Count || focusUm.Count < 3)
        {
            throw new ArgumentException(
                $"need at least 3 matching samples, got {focusUm.Count} heights and "
                + $"{values.Count} values", nameof(values));
        }

        for (int i = 1; i < focusUm.Count; i++)
        {
            if (!(focusUm[i] > focusUm[i - 1]))
            {
                throw new ArgumentException("focal heights must ascend", nameof(focusUm));
            }
        }

        FocusUm = focusUm;
        Values = values;
    }

    /// <summary>Focal heights, µm.</summary>
    public IReadOnlyList<double> FocusUm { get; }

    /// <summary>Metric values.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Index of the largest sample.</summary>
    public int PeakIndex
    {
        get
        {
            int best = 0;
            for (int i = 1; i < Values.Count; i++)
            {
                if (Values[i] > Values[best])
                {
                    best = i;
                }
            }

            return best;
        }
    }

    /// <summary>
    /// Focal height of the peak, µm: the vertex of the parabola through the largest sample and
    /// its neighbours (the largest sample itself at either end of the series). Assumes equal
    /// spacing around the peak.
    /// </summary>
    public double PeakFocusUm()
    {
        int i = PeakIndex;
        if (i == 0 || i == Values.Count - 1)
        {
            return FocusUm[i];
        }

        double step = 0.5 * (FocusUm[i + 1] - FocusUm[i - 1]);
        return FocusUm[i] + (step * FocusMetrics.ParabolicPeakOffset(
            Values[i - 1], Values[i], Values[i + 1]));
    }

    /// <summary>
    /// Full width of the curve at <paramref name="level"/> of its peak value (default ½: FWHM),
    /// µm: from the peak outwards to the first sample below the level on each side, the
    /// crossing found by linear interpolation. NaN when the curve does not fall below the level
    /// on both sides within the series.
    /// </summary>
    public double WidthUm(double level = 0.5)
    {
        var (left, right) = Crossings(level);
        return right - left;
    }

    /// <summary>
    /// Midpoint of the interval where the curve stays above <paramref name="level"/> of its peak,
    /// µm: the focus estimate for flat-topped curves (thick sections), whose largest sample can
    /// sit anywhere on the plateau. NaN when the curve does not fall below the level on both
    /// sides within the series.
    /// </summary>
    public double CentreUm(double level = 0.5)
    {
        var (left, right) = Crossings(level);
        return 0.5 * (left + right);
    }

    /// <summary>
    /// Renders one region at each focal height (noise-free transmission of one channel) and
    /// applies a metric to it: the through-focus curve of that region.
    /// </summary>
    /// <param name="former">The image former (wrap its volume in a <see cref="RegionCache"/>
    /// so the tissue is synthesised once).</param>
    /// <param name="x0Um">Region's left edge in the tissue frame, µm.</param>
    /// <param name="y0Um">Region's top edge in the tissue frame, µm.</param>
    /// <param name="w">Region width, camera pixels.</param>
    /// <param name="h">Region height, camera pixels.</param>
    /// <param name="focusUm">Focal heights above the section's bottom face, µm, ascending.</param>
    /// <param name="metric">Sharpness of a w × h grey image.</param>
    /// <param name="channel">Colour channel (default 1, green, 540 nm).</param>
    public static ThroughFocusCurve Measure(
        ImageFormer former, double x0Um, double y0Um, int w, int h,
        IReadOnlyList<double> focusUm, Func<float[], int, int, double> metric, int channel = 1) =>
        MeasureAll(former, x0Um, y0Um, w, h, focusUm, [metric], channel)[0];

    /// <summary>
    /// As <see cref="Measure"/>, for several metrics from the same renders: one curve per
    /// metric, in order.
    /// </summary>
    public static ThroughFocusCurve[] MeasureAll(
        ImageFormer former, double x0Um, double y0Um, int w, int h,
        IReadOnlyList<double> focusUm, IReadOnlyList<Func<float[], int, int, double>> metrics,
        int channel = 1)
    {
        var values = new double[metrics.Count][];
        for (int m = 0; m < metrics.Count; m++)
        {
            values[m] = new double[focusUm.Count];
        }

        var image = new float[w * h];
        for (int i = 0; i < focusUm.Count; i++)
        {
            former.Transmission(x0Um, y0Um, w, h, [focusUm[i]], h, [channel], image);
            for (int m = 0; m < metrics.Count; m++)
            {
                values[m][i] = metrics[m](image, w, h);
            }
        }

        return values.Select(v => new ThroughFocusCurve(focusUm, v)).ToArray();
    }

    private (double Left, double Right) Crossings(double level)
    {
        int peak = PeakIndex;
        double threshold = level * Values[peak];
        double left = double.NaN;
        for (int i = peak; i > 0; i--)
        {
            if (Values[i - 1] < threshold)
            {
                left = Cross(i - 1, i, threshold);
                break;
            }
        }

        double right = double.NaN;
        for (int i = peak; i < Values.Count - 1; i++)
        {
            if (Values[i + 1] < threshold)
            {
                right = Cross(i, i + 1, threshold);
                break;
            }
        }

        return (left, right);
    }

    /// <summary>Where the straight line between samples i and j meets the threshold, µm.</summary>
    private double Cross(int i, int j, double threshold)
    {
        double a = Values[i];
        double b = Values[j];
        double t = (threshold - a) / (b - a);
        return FocusUm[i] + (t * (FocusUm[j] - FocusUm[i]));
    }
}
