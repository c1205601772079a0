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
    /// Imaging contrast a segment needs, as a multiple of the noise floor, to count. Default 2.
    /// </summary>
    public double TextureFactor { get; init; } = 2.0;

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

        double offset = reading.SegmentOffsetsUm[best];
        if (leftOk && rightOk)
        {
            offset += step * Metrics(ratio[best - 1], ratio[best], ratio[best + 1]);
        }
        else if ((leftOk && best + 1 == lastTextured + 1) || (rightOk && best == firstTextured))
        {
            return new FocusEstimate(_last, FocusStatus.Held);
        }

        double target = reading.ObjectiveHeightUm + offset;
        if (limitStep && _history.Count > 0 && Math.Abs(target - _last) > MaxStepUm
            && _rejected < 2)
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
        return new FocusEstimate(_last, FocusStatus.Measured);
    }

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
