using System.Collections.Concurrent;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Session;
using Twin.Scanner.Slides;
using Twin.Scenarios.Model;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// Scans a sweep's population: every slide once per focus controller in normal stripes and once
/// in narrow stripes, focus-only (no image), with the ANS check never acting. Thresholds and
/// ANS checks are applied afterwards by <see cref="ThresholdEvaluator"/>: a threshold changes
/// only the decision, never what the scanner measured before it.
/// </summary>
/// <remarks>
/// Slides run in parallel, one per core, taken in order of their tissue section; each section's
/// tissue is sampled once into a <see cref="LatticeCachedVolume"/> shared by all its slides'
/// passes and freed after its last slide. Outcomes come back in slide order whatever the
/// scheduling, so the outputs are byte-identical for a seed.
/// </remarks>
public sealed class SweepRunner
{
    private readonly ScanSessionOptions _baseOptions;

    /// <summary>Creates a runner; the session models default to the scan command's.</summary>
    public SweepRunner(ScanSessionOptions? baseOptions = null) =>
        _baseOptions = baseOptions ?? new ScanSessionOptions();

    // LIMITATION: sweep read-outs use 16 scan lines, not the scan's 32: heights a bit noisier

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
        var sections = Enumerable.Range(0, spec.Slides)
            .Select(i => SlidePopulation.Section(spec, i)).ToArray();
        // slides of one section one after another, sections in order of first appearance
        var first = new Dictionary<string, int>();
        for (int i = 0; i < sections.Length; i++)
        {
            first.TryAdd(sections[i], i);
        }

        int[] order = Enumerable.Range(0, spec.Slides)
            .OrderBy(i => first[sections[i]]).ThenBy(i => i).ToArray();
        var left = sections.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var caches = new ConcurrentDictionary<string, Lazy<SectionCache>>();
        var gate = new object();
        var results = new SlideOutcome[spec.Slides][];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancel,
        };
        try
        {
            // ranges of one, handed out in order: workers stay on neighbouring slides
            Parallel.ForEach(Partitioner.Create(0, spec.Slides, 1), parallel, range =>
            {
                for (int k = range.Item1; k < range.Item2; k++)
                {
                    int i = order[k];
                    var cache = caches.GetOrAdd(sections[i], _ => new Lazy<SectionCache>(
                        () => SectionCache.For(SlidePopulation.Slide(spec, i), _baseOptions)))
                        .Value;
                    try
                    {
                        results[i] = ScanSlide(spec, i, cache, cancel);
                    }
                    finally
                    {
                        lock (gate)
                        {
                            if (--left[sections[i]] == 0 && caches.TryRemove(sections[i],
                                out var done))
                            {
                                done.Value.Dispose();
                            }
                        }
                    }

                    slideFinished?.Invoke(results[i]);
                }
            });
        }
        finally
        {
            foreach (var c in caches.Values)
            {
                c.Value.Dispose();
            }
        }

        return results;
    }

    /// <summary>Scans slide i of the population with each focus controller of the spec.</summary>
    public SlideOutcome[] ScanSlide(SweepSpec spec, int index, CancellationToken cancel = default)
    {
        using var cache = SectionCache.For(SlidePopulation.Slide(spec, index), _baseOptions);
        return ScanSlide(spec, index, cache, cancel);
    }

    private SlideOutcome[] ScanSlide(
        SweepSpec spec, int index, SectionCache section, CancellationToken cancel)
    {
        SlideEntry entry = SlidePopulation.Entry(spec, index);
        SlideSpec slide = SlidePopulation.Slide(spec, index);
        if (section.Volume is { } cached)
        {
            slide = slide with { Tissue = cached };
        }

        var outcomes = new SlideOutcome[spec.FocusAlgorithms.Count];
        for (int f = 0; f < outcomes.Length; f++)
        {
            string focus = spec.FocusAlgorithms[f];
            var options = OptionsFor(spec, focus);
            var passes = section.Volume is null ? null : new ScanSession(options).ScanPasses(
                slide, spec.Magnification,
                [options.Mechanics.SensorPixels, spec.NarrowStripePixels], cancel);
            if (passes is null)
            {
                outcomes[f] = new SlideOutcome
                {
                    Index = index, Entry = entry, Section = SlidePopulation.Section(spec, index),
                    Focus = focus, Status = "skipped: no tissue found",
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
                Section = SlidePopulation.Section(spec, index),
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

    /// <summary>A section's tissue, cached on its passes' lattice (null: no tissue).</summary>
    private sealed class SectionCache(LatticeCachedVolume? volume) : IDisposable
    {
        public LatticeCachedVolume? Volume { get; } = volume;

        /// <summary>
        /// Finds the section's tissue as the scan session will (the macro image does not depend
        /// on the pose) and wraps it on the lattice of every sample a pass takes: the region's
        /// corner plus half a render pitch, in the tissue's frame (see StripePass.Read and
        /// PointFocus).
        /// </summary>
        public static SectionCache For(SlideSpec slide, ScanSessionOptions options)
        {
            var macro = MacroImager.Capture(slide, options.Sensor.GlassLevel);
            var region = options.TissueFinder.Find(macro, MacroImager.PixelUm,
                MacroImager.LabelLengthUm);
            if (region is null)
            {
                return new SectionCache(null);
            }

            const double pitch = 0.26;
            return new SectionCache(new LatticeCachedVolume(slide.Tissue, pitch,
                region.X0Um - slide.TissueOriginXUm + (0.5 * pitch),
                region.Y0Um - slide.TissueOriginYUm + (0.5 * pitch)));
        }

        public void Dispose() => Volume?.Dispose();
    }
}
