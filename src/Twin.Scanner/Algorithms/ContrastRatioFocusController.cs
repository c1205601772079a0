namespace Twin.Scanner.Algorithms;

/// <summary>
/// Built-in real-time focusing after the tilted-sensor scheme: each focusing segment's contrast is
/// divided by the imaging sensor's contrast of the same field, which cancels the specimen's own
/// texture; the ratio peaks at the segment conjugate to best focus. A parabola through the peak
/// and its neighbours gives the depth offset, and target = objective height + offset.
/// </summary>
/// <remarks>
/// Blank glass, faint tissue and edges give too few segments with texture above the noise
/// floor: the controller then holds the last height. A peak at the end of the range means the
/// tissue lies beyond it: the controller reports the direction so the caller can hunt.
/// </remarks>
public sealed class ContrastRatioFocusController : IFocusController
{
    private readonly List<(int Index, double Height)> _history = [];
    private double _last;
    private int _index;
    private int _rejected;

    /// <summary>
    /// Imaging contrast a segment needs, as a multiple of the noise floor, to count. Default 3:
    /// a segment's ratio divides by its contrast above the floor, so a segment barely above it
    /// (2× the floor leaves 1×) has a ratio as uncertain as its value, and one such segment on
    /// faint stroma was seen to fake a peak 3 µm from focus; at 3× the uncertainty halves.
    /// </summary>
    public double TextureFactor { get; init; } = 3.0;

    /// <summary>Fewest textured segments for a reading to count. Default 6.</summary>
    public int MinSegments { get; init; } = 6;

    /// <summary>
    /// Largest change of height accepted from one reading, µm; larger jumps (a fold, a speck)
    /// are treated as outliers and the height is held. Default 3 µm.
    /// </summary>
    public double MaxStepUm { get; init; } = 3.0;

    /// <inheritdoc/>
    public string Name => "contrast-ratio";

    /// <inheritdoc/>
    public void BeginStripe(double startHeightUm)
    {
        _last = startHeightUm;
        _index = 0;
        _rejected = 0;
        _history.Clear();
    }

    /// <summary>
    /// Measurements a straight-line fit spans to steady the target (noise falls roughly as
    /// 1/√n while a linear trend, a tilt along the scan, passes without lag). Default 4.
    /// </summary>
    public int FitWindow { get; init; } = 4;

    /// <inheritdoc/>
    public FocusEstimate Update(FocusReading reading) => Update(reading, limitStep: true);

    /// <summary>As <see cref="Update(FocusReading)"/>, optionally without the outlier limit.</summary>
    public FocusEstimate Update(FocusReading reading, bool limitStep)
    {
        int position = _index++;
        int n = reading.SegmentOffsetsUm.Length;
        var ratio = new double[n];
        int valid = 0;
        int best = -1;
        for (int i = 0; i < n; i++)
        {
            double imaging = reading.ImagingContrast[i] - reading.NoiseFloor;
            if (imaging < (TextureFactor - 1) * reading.NoiseFloor)
            {
                ratio[i] = double.NaN;
                continue;
            }

            ratio[i] = Math.Max(0, reading.FocusContrast[i] - reading.NoiseFloor) / imaging;
            valid++;
            if (best < 0 || ratio[i] > ratio[best])
            {
                best = i;
            }
        }

        if (valid < MinSegments)
        {
            return new FocusEstimate(_last, FocusStatus.Held);
        }

        // a [1 2 1] smoothing over neighbouring textured segments steadies the ratio, whose
        // segments each see different tissue
        var smooth = new double[n];
        best = -1;
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(ratio[i]))
            {
                smooth[i] = double.NaN;
                continue;
            }

            double sum = 2 * ratio[i];
            double weight = 2;
            if (i > 0 && !double.IsNaN(ratio[i - 1]))
            {
                sum += ratio[i - 1];
                weight += 1;
            }

            if (i < n - 1 && !double.IsNaN(ratio[i + 1]))
            {
                sum += ratio[i + 1];
                weight += 1;
            }

            smooth[i] = sum / weight;
            if (best < 0 || smooth[i] > smooth[best])
            {
                best = i;
            }
        }

        ratio = smooth;

        double step = reading.SegmentOffsetsUm[1] - reading.SegmentOffsetsUm[0];
        int firstTextured = Array.FindIndex(ratio, r => !double.IsNaN(r));
        int lastTextured = Array.FindLastIndex(ratio, r => !double.IsNaN(r));
        // a peak at an end of the sensor means focus lies beyond its range, but only when the
        // texture covers most of the sensor: otherwise the end is merely where tissue is
        bool covered = valid >= n / 2;
        if (best >= n - 2)
        {
            return covered ? new FocusEstimate(reading.ObjectiveHeightUm, FocusStatus.AboveRange)
                : new FocusEstimate(_last, FocusStatus.Held);
        }

        if (best <= 1)
        {
            return covered ? new FocusEstimate(reading.ObjectiveHeightUm, FocusStatus.BelowRange)
                : new FocusEstimate(_last, FocusStatus.Held);
        }

        // a peak must be a local maximum with texture on at least one side; at the edge of the
        // textured part of the sensor (tissue covering part of the stripe) the curve is cut off
        // and its maximum says nothing about where focus lies
        bool leftOk = !double.IsNaN(ratio[best - 1]);
        bool rightOk = !double.IsNaN(ratio[best + 1]);
        if (!leftOk && !rightOk)
        {
            return new FocusEstimate(_last, FocusStatus.Held);
        }

        // the tilted sensor maps depth onto position across the stripe, so a curve cut short by
        // the tissue's edge fakes a peak where the texture ends: demand texture on both sides
        int left = 0, right = 0;
        for (int i = Math.Max(0, best - FitHalfWidth); i < best; i++)
        {
            left += double.IsNaN(ratio[i]) ? 0 : 1;
        }

        for (int i = best + 1; i <= Math.Min(n - 1, best + FitHalfWidth); i++)
        {
            right += double.IsNaN(ratio[i]) ? 0 : 1;
        }

        if (left < MinSidePoints || right < MinSidePoints)
        {
            return new FocusEstimate(_last, FocusStatus.Held);
        }

        double offset = FitPeak(reading.SegmentOffsetsUm, ratio, best);
        if (double.IsNaN(offset))
        {
            return new FocusEstimate(_last, FocusStatus.Held);
        }

        double target = reading.ObjectiveHeightUm + offset;
        if (limitStep && Math.Abs(target - _last) > MaxStepUm && _rejected < 2)
        {
            _rejected++;
            return new FocusEstimate(_last, FocusStatus.Held);
        }

        if (_rejected >= 2 && Math.Abs(target - _last) > MaxStepUm)
        {
            // three jumps in a row agree more with a real step than with outliers: follow it
            _history.Clear();
        }

        _rejected = 0;

        _history.Add((position, target));
        if (_history.Count > FitWindow)
        {
            _history.RemoveAt(0);
        }

        _last = Fit(position);
        double segment = best + ((offset - reading.SegmentOffsetsUm[best]) / step);
        return new FocusEstimate(_last, FocusStatus.Measured, target, segment);
    }

    /// <summary>
    /// Segments either side of the peak that the peak fit uses. Default 6 (±2.3 µm with the
    /// default sensor: about the contrast curve's half width at 40x).
    /// </summary>
    public int FitHalfWidth { get; init; } = 6;

    /// <summary>Textured segments needed on each side of the peak for a reading. Default 3.</summary>
    public int MinSidePoints { get; init; } = 3;

    /// <summary>
    /// Least-squares parabola through ln(ratio) of the textured segments around the peak (a
    /// Gaussian contrast curve is a parabola in its logarithm); returns the vertex offset, µm,
    /// or NaN when the fit has no maximum inside the window.
    /// </summary>
    private double FitPeak(double[] offsets, double[] ratio, int best)
    {
        int lo = Math.Max(0, best - FitHalfWidth);
        int hi = Math.Min(offsets.Length - 1, best + FitHalfWidth);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        int n = 0;
        double centre = offsets[best];
        for (int i = lo; i <= hi; i++)
        {
            if (double.IsNaN(ratio[i]) || ratio[i] <= 0)
            {
                continue;
            }

            double x = offsets[i] - centre;
            double y = Math.Log(ratio[i]);
            double x2 = x * x;
            s0 += 1;
            s1 += x;
            s2 += x2;
            s3 += x2 * x;
            s4 += x2 * x2;
            t0 += y;
            t1 += x * y;
            t2 += x2 * y;
            n++;
        }

        if (n < 4)
        {
            return double.NaN;
        }

        // normal equations of y = a + b·x + c·x², solved by Cramer's rule
        double det = Det(s0, s1, s2, s1, s2, s3, s2, s3, s4);
        if (Math.Abs(det) < 1e-12)
        {
            return double.NaN;
        }

        double b = Det(s0, t0, s2, s1, t1, s3, s2, t2, s4) / det;
        double c = Det(s0, s1, t0, s1, s2, t1, s2, s3, t2) / det;
        if (c >= 0)
        {
            return double.NaN;
        }

        double vertex = -b / (2 * c);
        double half = (offsets[hi] - offsets[lo]) / 2;
        return Math.Abs(vertex) > half ? double.NaN : centre + vertex;
    }

    private static double Det(
        double a, double b, double c, double d, double e, double f, double g, double h,
        double i) => (a * ((e * i) - (f * h))) - (b * ((d * i) - (f * g)))
            + (c * ((d * h) - (e * g)));

    /// <summary>Least-squares line through the recent measurements, evaluated at a position.</summary>
    private double Fit(int position)
    {
        int n = _history.Count;
        if (n < 3)
        {
            return _history[^1].Height;
        }

        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var (i, h) in _history)
        {
            sx += i;
            sy += h;
            sxx += (double)i * i;
            sxy += i * h;
        }

        double det = (n * sxx) - (sx * sx);
        double slope = det == 0 ? 0 : ((n * sxy) - (sx * sy)) / det;
        return (sy / n) + (slope * (position - (sx / n)));
    }

    private static double Metrics(double l, double c, double r) =>
        Twin.Optics.Metrics.FocusMetrics.ParabolicPeakOffset(l, c, r);
}
