using Twin.Mechanics.Files;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using Twin.Optics.Psf;
using Twin.Scanner.Settings;
using Twin.Scenarios.Model;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// Turns a scenario's slides into time budgets and file sizes for one variant: the tissue area
/// and effective magnification (rack override, else scanner default) give the stripes
/// (<see cref="SlideScanPlan.ForArea"/>); z layers add passes and point focusing; ANS
/// rescans, spread evenly at the variant's rate, add narrow stripes.
/// </summary>
public sealed class ThroughputPlanner
{
    // (√5 − 1) / 2, the most evenly spreading step of a Weyl sequence
    private static readonly double GoldenFraction = (Math.Sqrt(5) - 1) / 2;

    private readonly MechanicsParameters mechanics;
    private readonly ThroughputSettings settings;
    private readonly ScanTimeModel time;
    private readonly FileSizeModel size;

    /// <summary>Creates a planner; parameters are validated here, once.</summary>
    /// <param name="mechanics">Camera, stage and handling parameters.</param>
    /// <param name="settings">Rescan details, focus grid, file sizes.</param>
    public ThroughputPlanner(MechanicsParameters mechanics, ThroughputSettings settings)
    {
        ArgumentNullException.ThrowIfNull(mechanics);
        ArgumentNullException.ThrowIfNull(settings);
        this.mechanics = mechanics;
        this.settings = settings;
        time = new ScanTimeModel(mechanics);
        size = new FileSizeModel(settings.Files, mechanics);
    }

    /// <summary>Object-side pixel size of a magnification, µm.</summary>
    /// <param name="m">40x or 20x.</param>
    public static double PixelSizeUm(Magnification m) =>
        m == Magnification.Forty ? ObjectiveModel.Forty.PixelSizeUm
            : ObjectiveModel.Twenty.PixelSizeUm;

    /// <summary>
    /// Whether the k-th of the eligible slides (0-based) is rescanned at a rate: slide k is
    /// rescanned when frac((k + 1) × φ) &lt; rate, φ = (√5 − 1) / 2. The golden-ratio sequence
    /// spreads rescans evenly without random numbers (about n × rate of n slides), and the
    /// slides rescanned at a rate are also rescanned at every higher rate.
    /// </summary>
    /// <param name="k">Index among slides ANS checks, 0-based.</param>
    /// <param name="rate">Rescan rate, 0..1.</param>
    public static bool IsRescanned(int k, double rate)
    {
        double u = ((k + 1) * GoldenFraction) % 1.0;
        return u < rate;
    }

    /// <summary>Plans every slide of the scenario, rack by rack, in slot order.</summary>
    /// <param name="scenario">Racks and slides.</param>
    /// <param name="variant">Magnification, layers and rescan rate.</param>
    public IReadOnlyList<PlannedSlide> Plan(Scenario scenario, ThroughputVariant variant)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(variant);
        var planned = new List<PlannedSlide>();
        int checkedSlides = 0;
        foreach (RackSpec rack in scenario.Racks)
        {
            Magnification mag = variant.Magnification ?? rack.Magnification
                ?? (scenario.Scanner.DefaultTo20x ? Magnification.Twenty : Magnification.Forty);
            for (int i = 0; i < rack.Slides.Count; i++)
            {
                SlideEntry s = rack.Slides[i];
                SlideFailure failure = settings.Failures.GetValueOrDefault(s.Id);

                // ANS checks scanned slides only, and is off during z-stack scans
                bool rescanned = false;
                if (failure == SlideFailure.None && variant.ZLayers == 1
                    && variant.AnsRescanRate > 0)
                {
                    rescanned = IsRescanned(checkedSlides++, variant.AnsRescanRate);
                }

                SlideScanPlan plan = PlanSlide(s, mag, variant.ZLayers, rescanned,
                    scenario.Scanner.NarrowStripePixels);
                planned.Add(new PlannedSlide
                {
                    RackId = rack.Id,
                    Slot = i + 1,
                    SlideId = s.Id,
                    Magnification = mag,
                    AreaMm2 = s.WidthMm * s.HeightMm,
                    Plan = plan,
                    Rescanned = rescanned,
                    Failure = failure,
                    Budget = time.Estimate(plan),
                    FileBytes = failure == SlideFailure.None ? size.Bytes(plan) : 0,
                });
            }
        }

        return planned;
    }

    /// <summary>
    /// The racks as the carousel simulation takes them: each rack's slides with their budgets
    /// and file sizes, offered at the times the settings give.
    /// </summary>
    /// <param name="scenario">Racks in file order.</param>
    /// <param name="planned">The planned slides of every rack.</param>
    /// <param name="schedule">False to offer every rack at time 0.</param>
    public IReadOnlyList<RackLoad> Loads(
        Scenario scenario, IReadOnlyList<PlannedSlide> planned, bool schedule = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(planned);
        var byRack = planned.ToLookup(p => p.RackId, StringComparer.Ordinal);
        return scenario.Racks
            .Select((rack, index) => new RackLoad
            {
                RackId = rack.Id,
                LoadedAtS = schedule ? settings.LoadAtS(rack.Id, index) : 0,
                Slides = byRack[rack.Id]
                    .Select(p => new RackSlide
                    {
                        Slot = p.Slot,
                        SlideId = p.SlideId,
                        Budget = p.Budget,
                        Failure = p.Failure,
                        FileBytes = p.FileBytes,
                    })
                    .ToList(),
            })
            .ToList();
    }

    private SlideScanPlan PlanSlide(
        SlideEntry s, Magnification mag, int layers, bool rescanned, int narrowStripePixels)
    {
        double px = PixelSizeUm(mag);

        // the index (short) axis is the slide entry's height, the scan axis its width; the
        // file bytes go to the network model, not into the single-slide backlog of the budget
        double acrossUm = s.HeightMm * 1000;
        double alongUm = s.WidthMm * 1000;
        SlideScanPlan plan = SlideScanPlan.ForArea(acrossUm, alongUm, px, mechanics);
        if (layers > 1)
        {
            double cell = settings.FocusPointSpacingMm * 1000;
            int points = (int)(Math.Ceiling(acrossUm / cell) * Math.Ceiling(alongUm / cell));
            plan = plan with { ZLayers = layers, FocusPoints = Math.Max(1, points) };
        }

        if (rescanned && plan.Stripes > 0)
        {
            double narrowPitchUm = narrowStripePixels * px;
            plan = plan with
            {
                RescanStripes = (int)Math.Ceiling((acrossUm / narrowPitchUm) - 1e-9),
                RescanStripeLengthUm = alongUm,
                AbortedPassFraction =
                    Math.Min(1, settings.AnsAbortAfterStripes / (double)plan.Stripes),
            };
        }

        return plan;
    }
}
