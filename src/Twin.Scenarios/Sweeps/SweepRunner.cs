using Twin.Scanner.Algorithms;
using Twin.Scanner.Session;
using Twin.Scanner.Slides;
using Twin.Scenarios.Model;
using Twin.Scenarios.Running;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// Scans a sweep's population: every slide once per focus controller in normal stripes and once
/// in narrow stripes, focus-only (no image), with the ANS check never acting. Thresholds and
/// ANS checks are applied afterwards by <see cref="ThresholdEvaluator"/>: a threshold changes
/// only the decision, never what the scanner measured before it.
/// </summary>
/// <remarks>
/// Slides run in parallel, one per core; each slide's tissue is sampled once into a
/// <see cref="LatticeCachedVolume"/> shared by all its passes. Outcomes come back in slide
/// order whatever the scheduling, so the outputs are byte-identical for a seed.
/// </remarks>
public sealed class SweepRunner
{
    private readonly ScanSessionOptions _baseOptions;

    /// <summary>Creates a runner; the session models default to the scan command's.</summary>
    public SweepRunner(ScanSessionOptions? baseOptions = null) =>
        _baseOptions = baseOptions ?? new ScanSessionOptions();

    /// <summary>Scan session options a sweep's passes use: focus-only, sweep read-outs.</summary>
    public ScanSessionOptions OptionsFor(SweepSpec spec, string focus) => _baseOptions with
    {
        RenderImage = false,
        FocusingSensor = _baseOptions.FocusingSensor with { Lines = spec.FocusReadoutLines },
        FocusController = AlgorithmRegistry.FocusController(focus)
            ?? throw new ArgumentException($"unknown focus controller '{focus}'", nameof(focus)),
    };

    /// <summary>
    /// Scans every slide; returns outcomes indexed [slide][focus controller]. Calls
    /// <paramref name="slideFinished"/> (from worker threads) with each slide's outcomes.
    /// </summary>
    public SlideOutcome[][] Run(
        SweepSpec spec, Action<SlideOutcome[]>? slideFinished = null,
        CancellationToken cancel = default)
    {
        var results = new SlideOutcome[spec.Slides][];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancel,
        };
        Parallel.For(0, spec.Slides, parallel, i =>
        {
            results[i] = ScanSlide(spec, i, cancel);
            slideFinished?.Invoke(results[i]);
        });
        return results;
    }

    /// <summary>Scans slide i of the population with each focus controller of the spec.</summary>
    public SlideOutcome[] ScanSlide(SweepSpec spec, int index, CancellationToken cancel = default)
    {
        SlideEntry entry = SlidePopulation.Entry(spec, index);
        SlideSpec slide = SlideFactory.Create(entry, spec.Seed, out _)!;
        var outcomes = new SlideOutcome[spec.FocusAlgorithms.Count];
        var first = OptionsFor(spec, spec.FocusAlgorithms[0]);
        var macro = MacroImager.Capture(slide, first.Sensor.GlassLevel);
        var region = first.TissueFinder.Find(macro, MacroImager.PixelUm,
            MacroImager.LabelLengthUm);
        if (region is not null)
        {
            // every sample a pass takes lies on this lattice: the region's corner plus half a
            // render pitch, in the tissue's frame (see StripePass.Read and PointFocus)
            const double pitch = 0.26;
            slide = slide with
            {
                Tissue = new LatticeCachedVolume(slide.Tissue, pitch,
                    region.X0Um - slide.TissueOriginXUm + (0.5 * pitch),
                    region.Y0Um - slide.TissueOriginYUm + (0.5 * pitch)),
            };
        }

        for (int f = 0; f < outcomes.Length; f++)
        {
            string focus = spec.FocusAlgorithms[f];
            var session = new ScanSession(OptionsFor(spec, focus));
            var passes = region is null ? null : session.ScanPasses(slide, spec.Magnification,
                [first.Mechanics.SensorPixels, spec.NarrowStripePixels], cancel);
            if (passes is null)
            {
                outcomes[f] = new SlideOutcome
                {
                    Index = index, Entry = entry, Focus = focus,
                    Status = "skipped: no tissue found",
                };
                continue;
            }

            var normal = passes[0];
            var narrow = passes[1];
            double y0 = normal.Region.Y0Um, y1 = normal.Region.Y1Um;
            outcomes[f] = new SlideOutcome
            {
                Index = index,
                Entry = entry,
                Focus = focus,
                Status = "scanned",
                Normal = normal,
                Narrow = narrow,
                NormalEdgeGeometricUm = StripeGeometry.EdgeDefocusUm(entry.Pose, y0, y1,
                    normal.StripePixels * normal.PixelSizeUm),
                NarrowEdgeGeometricUm = StripeGeometry.EdgeDefocusUm(entry.Pose, y0, y1,
                    narrow.StripePixels * narrow.PixelSizeUm),
            };
        }

        return outcomes;
    }
}
