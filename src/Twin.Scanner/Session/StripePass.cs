using Twin.Optics.Metrics;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Slides;

namespace Twin.Scanner.Session;

/// <summary>
/// One pass over a slide's tissue region in stripes of a given width: focusing, the ANS check,
/// tile rendering and scoring against the true surface.
/// </summary>
internal sealed class StripePass
{
    private readonly SlideSpec _slide;
    private readonly ObjectiveModel _objective;
    private readonly TissueRegion _region;
    private readonly Twin.Optics.Imaging.RgbImage _macro;
    private readonly ScanSessionOptions _options;
    private readonly CancellationToken _cancel;
    private readonly ImageFormer _former;
    private readonly double _px;
    private readonly double _tileUm;
    private readonly int _columns;
    private readonly double _noiseFloor;

    public StripePass(
        SlideSpec slide, ObjectiveModel objective, TissueRegion region,
        Twin.Optics.Imaging.RgbImage macro, ScanSessionOptions options, CancellationToken cancel)
    {
        _macro = macro;
        _slide = slide;
        _objective = objective;
        _region = region;
        _options = options;
        _cancel = cancel;
        _former = new ImageFormer(slide.Tissue, objective, options.Sensor,
            backend: options.Backend);
        _px = objective.PixelSizeUm;
        _tileUm = ScanSession.TileSize * _px;
        _columns = Math.Max(1, (int)Math.Ceiling((region.X1Um - region.X0Um) / _tileUm));
        WidthPx = _columns * ScanSession.TileSize;
        // Brenner value of pure sensor noise (differences of two independent samples), in
        // glass-level units: 2·σ², σ² from shot noise at mid-grey, read noise and quantisation
        double e = options.Sensor.GlassElectrons * 0.6;
        double r = options.Sensor.ReadNoiseElectrons;
        double q = 1.0 / options.Sensor.GlassLevel;
        _noiseFloor = 2 * (((e + (r * r)) / (options.Sensor.GlassElectrons
            * options.Sensor.GlassElectrons)) + (q * q / 12));
    }

    /// <summary>Image width, pixels (whole tiles).</summary>
    public int WidthPx { get; }

    /// <summary>True least-squares index-axis tilt over the scanned region, degrees.</summary>
    public double TrueIndexTiltDeg() => _slide.Pose.IndexSlopeDeg(
        0.5 * (_region.X0Um + _region.X1Um), _region.Y0Um, _region.Y1Um);

    public PassResult Run(
        int stripePx, double? ansThresholdDeg, Func<int, int, int, ITileSink> sinkFactory,
        IProgress<double>? progress)
    {
        double stripeUm = stripePx * _px;
        int stripes = Math.Max(1, (int)Math.Ceiling((_region.Y1Um - _region.Y0Um) / stripeUm));
        using ITileSink sink = _options.RenderImage
            ? sinkFactory(WidthPx, stripes * stripePx, stripePx) : new NullTileSink();
        var controller = _options.FocusController();
        var samples = new List<IReadOnlyList<FocusSample>>();
        var score = new FocusScore(_objective.DepthOfFieldUm());
        double stageUmPerS = _options.Mechanics.LineRateHz * _px;
        double alpha = 1 - Math.Exp(-(_tileUm / stageUmPerS) / _options.FocusAxis.TimeConstantS);
        var axisNoise = new NoiseSource(_slide.Seed ^ ((ulong)stripePx << 40) ^ 0xA5A5UL);
        double previousStart = double.NaN;
        double? estimate = null;
        int held = 0;
        int readings = 0;
        for (int k = 0; k < stripes; k++)
        {
            double yTop = _region.Y0Um + (k * stripeUm);
            double yc = yTop + (0.5 * stripeUm);
            var focusWatch = System.Diagnostics.Stopwatch.StartNew();
            // every stripe starts from a focus point: a through-focus series of the imaging
            // sensor on solid tissue, wide for the first stripe, narrow around the height the
            // previous stripe predicts for the later ones
            // LIMITATION: these stand in for the lead-in the real scanner focuses over before each
            // stripe; the time model counts that lead-in, not separate focus points
            var (start, pfPoint) = PointFocus(yTop, stripeUm,
                double.IsNaN(previousStart) ? null : previousStart);
            Diagnostics.Log("timing", () => $"{_slide.Id} stripe {k}: start height in "
                + $"{focusWatch.Elapsed.TotalSeconds:F2} s");
            controller.BeginStripe(start);
            double z = start;
            var commanded = new double[_columns];
            var measured = new List<FocusSample>();
            if (pfPoint is { } pf)
            {
                measured.Add(pf);
            }

            for (int i = 0; i < _columns; i++)
            {
                _cancel.ThrowIfCancellationRequested();
                double x = _region.X0Um + ((i + 0.5) * _tileUm);
                var est = Read(controller, x, yc, stripePx, ref z, hunt: i == 0);
                readings++;
                Diagnostics.Log("focus", () => $"{_slide.Id} stripe {k} column {i}: axis "
                    + $"{z:F2} µm, {est.Status}, target {est.TargetUm:F2} µm, "
                    + $"truth {TrueMidUm(x, yc):F2} µm");
                if (est.Status != FocusStatus.Measured)
                {
                    held++;
                }

                // the axis moves towards the target while the stage covers one tile length
                z += ((est.TargetUm - z) * alpha)
                    + (_options.FocusAxis.NoiseUm * axisNoise.NextGaussian());
                commanded[i] = z;
                if (est.Status == FocusStatus.Measured)
                {
                    measured.Add(new FocusSample(x, SegmentY(yc, stripePx, est.PeakSegment),
                        est.MeasuredUm));
                }
            }

            samples.Add(measured);
            previousStart = start;
            var verdict = _options.AnsCheck.Judge(samples,
                ansThresholdDeg ?? double.PositiveInfinity);
            estimate = verdict.TiltEstimateDeg ?? estimate;
            Diagnostics.Log("ans", () => $"{_slide.Id} after stripe {k}: estimate "
                + $"{verdict.TiltEstimateDeg?.ToString("F3") ?? "none"}°, exceeded {verdict.Exceeded}");
            if (ansThresholdDeg is not null && verdict.Exceeded)
            {
                // the pass is abandoned here; its sink is disposed without commit
                return new PassResult(new PassOutcome(stripes, stripePx, true, k + 1, estimate,
                    score.Rms, score.Max, score.InFocus, score.EdgeMax, held, readings), 0,
                    samples);
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            score.AddStripe(this, commanded, yTop, stripeUm);
            double scoreS = watch.Elapsed.TotalSeconds;
            if (_options.RenderImage)
            {
                RenderStripe(sink, commanded, k, stripePx);
            }

            Diagnostics.Log("timing", () => $"{_slide.Id} stripe {k}: focus "
                + $"{focusWatch.Elapsed.TotalSeconds:F2} s, scoring {scoreS:F2} s, render "
                + $"{watch.Elapsed.TotalSeconds - scoreS:F2} s");

            progress?.Report((k + 1) / (double)stripes);
        }

        long bytes = sink.Commit();
        return new PassResult(new PassOutcome(stripes, stripePx, false, stripes, estimate,
            score.Rms, score.Max, score.InFocus, score.EdgeMax, held, readings), bytes,
            samples);
    }

    /// <summary>
    /// A z-stack pass: no real-time focusing and no ANS; per stripe, focus points along its
    /// centre line (one at the stripe's first solid tissue, then one every
    /// <see cref="ScanSessionOptions.FocusPointSpacingUm"/>), a focus map interpolated linearly
    /// between them, and every focal plane rendered at map + its offset.
    /// </summary>
    public PassResult RunZStack(
        Twin.Scanner.Settings.ZStackSettings zStack, Func<int, int, int, ITileSink> sinkFactory,
        IProgress<double>? progress, out int focusPoints)
    {
        int stripePx = _options.Mechanics.SensorPixels;
        double stripeUm = stripePx * _px;
        int stripes = Math.Max(1, (int)Math.Ceiling((_region.Y1Um - _region.Y0Um) / stripeUm));
        using ITileSink sink = _options.RenderImage
            ? sinkFactory(WidthPx, stripes * stripePx, stripePx) : new NullTileSink();
        var score = new FocusScore(_objective.DepthOfFieldUm());
        var offsets = zStack.OffsetsUm();
        double? previous = null;
        focusPoints = 0;
        for (int k = 0; k < stripes; k++)
        {
            _cancel.ThrowIfCancellationRequested();
            double yTop = _region.Y0Um + (k * stripeUm);
            double yc = yTop + (0.5 * stripeUm);
            var map = new List<(double X, double H)>();
            var (start, point) = PointFocus(yTop, stripeUm, previous);
            if (point is { } p0)
            {
                map.Add((p0.XUm, start));
                focusPoints++;
            }

            double spacing = _options.FocusPointSpacingUm;
            for (double x = _region.X0Um + (0.5 * spacing); x < _region.X1Um; x += spacing)
            {
                if (map.Any(m => Math.Abs(m.X - x) < 0.5 * spacing) || !IsSolidTissue(x, yc))
                {
                    continue;
                }

                if (FocusAt(x, yc, map.Count > 0 ? map[^1].H : start) is { } h)
                {
                    map.Add((x, h));
                    focusPoints++;
                }
            }

            map.Sort((a, b) => a.X.CompareTo(b.X));
            var commanded = new double[_columns];
            for (int i = 0; i < _columns; i++)
            {
                commanded[i] = Interpolate(map, _region.X0Um + ((i + 0.5) * _tileUm), start);
            }

            previous = start;
            score.AddStripe(this, commanded, yTop, stripeUm);
            if (_options.RenderImage)
            {
                for (int plane = 0; plane < offsets.Count; plane++)
                {
                    RenderStripe(sink, commanded, k, stripePx, plane, offsets[plane]);
                    progress?.Report((k + ((plane + 1.0) / offsets.Count)) / stripes);
                }
            }
        }

        long bytes = sink.Commit();
        return new PassResult(new PassOutcome(stripes, stripePx, false, stripes, null,
            score.Rms, score.Max, score.InFocus, score.EdgeMax, 0, 0), bytes, []);
    }

    /// <summary>A focus map's height at x, µm: linear between points, flat beyond the ends.</summary>
    private static double Interpolate(List<(double X, double H)> map, double x, double fallback)
    {
        if (map.Count == 0)
        {
            return fallback;
        }

        if (x <= map[0].X)
        {
            return map[0].H;
        }

        for (int i = 1; i < map.Count; i++)
        {
            if (x <= map[i].X)
            {
                double t = (x - map[i - 1].X) / (map[i].X - map[i - 1].X);
                return map[i - 1].H + (t * (map[i].H - map[i - 1].H));
            }
        }

        return map[^1].H;
    }

    /// <summary>Height of the section's mid-plane at slide position (x, y), µm (the truth).</summary>
    internal double TrueMidUm(double x, double y) =>
        _slide.Pose.SurfaceUm(x, y) + (0.5 * _slide.Tissue.ThicknessUm);

    /// <summary>True when tissue lies at slide position (x, y) (the truth, for scoring).</summary>
    internal bool HasTissue(double x, double y, double footprintUm)
    {
        var (r, g, b) = _slide.Tissue.SampleCoarse(x - _slide.TissueOriginXUm,
            y - _slide.TissueOriginYUm, footprintUm);
        return r + g + b > 0.05f;
    }

    internal double TileUm => _tileUm;

    internal double X0Um => _region.X0Um;

    private FocusEstimate Read(
        IFocusController controller, double x, double yc, int stripePx, ref double z, bool hunt)
    {
        var sensor = _options.FocusingSensor;
        int segRows = Math.Max(4, (int)(sensor.SpanFraction * stripePx / sensor.Segments));
        int lines = sensor.Lines;
        double spanUm = segRows * sensor.Segments * _px;
        double tx = x - _slide.TissueOriginXUm - (0.5 * lines * _px);
        double ty = yc - _slide.TissueOriginYUm - (0.5 * spanUm);
        var offsets = new double[sensor.Segments];
        for (int s = 0; s < sensor.Segments; s++)
        {
            offsets[s] = sensor.OffsetUm(s);
        }

        FocusEstimate est = default;
        double original = z;
        for (int attempt = 0; attempt <= (hunt ? sensor.MaxHunts : 0); attempt++)
        {
            var focusRel = new double[sensor.Segments];
            var imagingRel = new double[sensor.Segments];
            for (int s = 0; s < sensor.Segments; s++)
            {
                double ys = yc - (0.5 * spanUm) + ((s + 0.5) * segRows * _px);
                double surface = _slide.Pose.SurfaceUm(x, ys);
                focusRel[s] = z + offsets[s] - surface;
                imagingRel[s] = z - surface;
            }

            var focusPixels = new float[lines * segRows * sensor.Segments];
            var imagingPixels = new float[focusPixels.Length];
            ulong seed = _slide.Seed ^ (ulong)(x * 16) ^ ((ulong)attempt << 50);
            double zNow = z;
            _former.RenderGreySegmentPair(tx, ty, lines, segRows, focusRel, imagingRel, seed,
                focusPixels, imagingPixels);
            var fc = new double[sensor.Segments];
            var ic = new double[sensor.Segments];
            int segLen = lines * segRows;
            for (int s = 0; s < sensor.Segments; s++)
            {
                fc[s] = FocusMetrics.Brenner(focusPixels.AsSpan(s * segLen, segLen), lines, segRows);
                ic[s] = FocusMetrics.Brenner(imagingPixels.AsSpan(s * segLen, segLen), lines,
                    segRows);
            }

            est = controller.Update(new FocusReading(zNow, offsets, fc, ic, _noiseFloor));
            double step = 0.75 * sensor.DepthRangeUm;
            if (est.Status == FocusStatus.AboveRange)
            {
                if (!hunt)
                {
                    // mid-stripe the axis may not hunt (it would blur the image): hold
                    return new FocusEstimate(original, FocusStatus.Held);
                }

                z += step;
            }
            else if (est.Status == FocusStatus.BelowRange)
            {
                if (!hunt)
                {
                    return new FocusEstimate(original, FocusStatus.Held);
                }

                z -= step;
            }
            else
            {
                if (est.Status != FocusStatus.Measured)
                {
                    // a hunt that lost the texture goes back to where it started
                    z = original;
                }

                return est;
            }
        }

        // hunting found nothing: the axis returns to where it was and holds
        z = original;
        return new FocusEstimate(original, FocusStatus.Held);
    }

    /// <summary>
    /// Point focusing at the first solid tissue of a stripe, as near its centre line as the
    /// tissue allows: a coarse then fine through-focus series of the imaging sensor on a small
    /// patch, Brenner contrast, parabolic peak. Returns the height, µm, and the measured point
    /// (null when the stripe shows no solid tissue and the prediction is kept).
    /// </summary>
    private (double Height, FocusSample? Point) PointFocus(
        double yTop, double stripeUm, double? predicted)
    {
        double yc = yTop + (0.5 * stripeUm);
        // candidates: solid tissue on the macro image, rows by distance from the centre line,
        // columns from the stripe's start; the darkest (most stain, most texture) of the first
        // few is tried first, the others if its through-focus curve shows no clear peak
        var candidates = new List<(double X, double Y, int Level)>();
        for (double d = 0; d < 0.5 * stripeUm && candidates.Count < 12; d += _tileUm / 2)
        {
            foreach (double y in d == 0 ? new[] { yc } : new[] { yc + d, yc - d })
            {
                for (int i = 0; i < _columns && candidates.Count < 12; i++)
                {
                    double x = _region.X0Um + ((i + 0.5) * _tileUm);
                    if (IsSolidTissue(x, y))
                    {
                        candidates.Add((x, y, MacroLevel(x, y)));
                        i += 2;
                    }
                }
            }
        }

        foreach (var (px, py, _) in candidates.OrderBy(c => c.Level).Take(3))
        {
            if (FocusAt(px, py, predicted) is { } height)
            {
                return (height, new FocusSample(px, py, height));
            }
        }

        return (predicted ?? 0, null);
    }

    /// <summary>The macro image's darkest channel at slide position (x, y), 0–255.</summary>
    private int MacroLevel(double x, double y)
    {
        int px = Math.Clamp((int)(x / MacroImager.PixelUm), 0, _macro.Width - 1);
        int py = Math.Clamp((int)(y / MacroImager.PixelUm), 0, _macro.Height - 1);
        int p = ((py * _macro.Width) + px) * 3;
        return Math.Min(_macro.Pixels[p], Math.Min(_macro.Pixels[p + 1], _macro.Pixels[p + 2]));
    }

    /// <summary>
    /// A through-focus series at one place; null when the contrast curve has no clear peak
    /// (its best is under 1.3 × its worst: too little texture to trust).
    /// </summary>
    private double? FocusAt(double px, double py, double? predicted)
    {
        double surface = _slide.Pose.SurfaceUm(px, py);
        const int patch = 192;
        // one place at many heights: the tissue is synthesised once, with the widest halo met
        var former = new ImageFormer(new RegionCache(_slide.Tissue, 4), _objective,
            _options.Sensor, backend: _options.Backend);
        double Contrast(double z, ulong salt)
        {
            var pixels = new float[patch * patch];
            former.RenderGreySegments(px - _slide.TissueOriginXUm - (0.5 * patch * _px),
                py - _slide.TissueOriginYUm - (0.5 * patch * _px), patch, patch,
                [z - surface], _slide.Seed ^ salt, pixels);
            return FocusMetrics.Brenner(pixels, patch, patch);
        }

        Diagnostics.Log("focus", () => $"{_slide.Id} focus point at ({px:F0}, {py:F0}) µm");
        // first stripe: ±30 µm in 3 µm steps covers the seating tolerance; later stripes: ±8 µm
        // in 1 µm steps around the prediction; then ±1.5 µm in 0.25 µm steps
        double coarse = predicted is { } p ? Sweep(p, 8, 1, Contrast, 0x10, out bool peakOk)
            : Sweep(0, 30, 3, Contrast, 0x10, out peakOk);
        double fine = predicted is null ? Sweep(coarse, 3, 0.5, Contrast, 0x20, out _) : coarse;
        return peakOk ? Sweep(fine, 1.5, 0.25, Contrast, 0x30) : null;
    }

    /// <summary>Index-axis position of a focusing segment (fractional index), µm.</summary>
    private double SegmentY(double yc, int stripePx, double segment)
    {
        var sensor = _options.FocusingSensor;
        int segRows = Math.Max(4, (int)(sensor.SpanFraction * stripePx / sensor.Segments));
        double spanUm = segRows * sensor.Segments * _px;
        return yc - (0.5 * spanUm) + ((segment + 0.5) * segRows * _px);
    }

    /// <summary>True when the macro mask shows tissue at (x, y) and all around it.</summary>
    private bool IsSolidTissue(double x, double y)
    {
        double d = _region.MaskPixelUm;
        for (int j = -1; j <= 1; j++)
        {
            for (int i = -1; i <= 1; i++)
            {
                if (!_region.IsTissue(x + (i * d), y + (j * d)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static double Sweep(
        double centre, double halfRange, double step, Func<double, ulong, double> contrast,
        ulong salt) => Sweep(centre, halfRange, step, contrast, salt, out _);

    private static double Sweep(
        double centre, double halfRange, double step, Func<double, ulong, double> contrast,
        ulong salt, out bool clearPeak)
    {
        int n = (int)Math.Round(2 * halfRange / step) + 1;
        var values = new double[n];
        Parallel.For(0, n, i => values[i] = contrast(centre - halfRange + (i * step),
            salt + (ulong)i));
        int best = 0;
        for (int i = 1; i < n; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        clearPeak = values[best] > 1.3 * values.Min();
        double z = centre - halfRange + (best * step);
        if (best > 0 && best < n - 1)
        {
            z += step * FocusMetrics.ParabolicPeakOffset(values[best - 1], values[best],
                values[best + 1]);
        }

        return z;
    }

    private void RenderStripe(
        ITileSink sink, double[] commanded, int stripe, int stripePx, int plane = 0,
        double planeOffsetUm = 0)
    {
        int rows = stripePx / ScanSession.TileSize;
        const int chunk = 8;
        int tileBytes = ScanSession.TileSize * ScanSession.TileSize * 3;
        for (int c0 = 0; c0 < _columns; c0 += chunk)
        {
            _cancel.ThrowIfCancellationRequested();
            int cols = Math.Min(chunk, _columns - c0);
            var buffers = new byte[cols * rows][];
            Parallel.For(0, cols * rows, new ParallelOptions { CancellationToken = _cancel }, t =>
            {
                int i = c0 + (t % cols);
                int row = (stripe * rows) + (t / cols);
                double x = _region.X0Um + (i * _tileUm);
                double y = _region.Y0Um + (row * _tileUm);
                double surface = _slide.Pose.SurfaceUm(x + (0.5 * _tileUm), y + (0.5 * _tileUm));
                var rgb = new byte[tileBytes];
                ulong seed = _slide.Seed ^ ((ulong)i * 0x9E3779B1UL) ^ ((ulong)row << 32)
                    ^ ((ulong)stripePx << 52) ^ ((ulong)plane << 58);
                _former.RenderTile(x - _slide.TissueOriginXUm, y - _slide.TissueOriginYUm,
                    ScanSession.TileSize, ScanSession.TileSize,
                    commanded[i] + planeOffsetUm - surface, seed, rgb);
                buffers[t] = rgb;
            });
            for (int t = 0; t < buffers.Length; t++)
            {
                sink.WriteTile(plane, c0 + (t % cols), (stripe * rows) + (t / cols), buffers[t]);
            }
        }
    }
}
