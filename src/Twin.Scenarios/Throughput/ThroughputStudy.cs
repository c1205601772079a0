using System.Globalization;
using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using Twin.Scanner.Settings;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// Runs a scenario's racks under every variant a throughput report compares: the scenario as
/// written; all racks at 40x and at 20x; ANS rescan rates from 0 to 100 % and the scenario's
/// own; z-stacks of 1 and 3..25 layers with no network limit, on the site network and on each
/// line rate of the link sweep. Only the scenario variant follows the loading schedule; the
/// comparisons load every rack at the start, so they measure the scanner, not the operator.
/// Timing only: no pixel is rendered.
/// </summary>
public sealed class ThroughputStudy
{
    /// <summary>Layer counts of the z-stack sweep: 1 (none) and the odd counts 3..25.</summary>
    public static IReadOnlyList<int> LayerSweep { get; } =
        [1, .. Enumerable.Range(1, 12).Select(k => (2 * k) + 1)];

    /// <summary>ANS rescan rates of the rescan sweep, 1: 0 to 1 in steps of 0.1.</summary>
    public static IReadOnlyList<double> RescanSweep { get; } =
        [.. Enumerable.Range(0, 11).Select(k => k / 10.0)];

    private readonly MechanicsParameters mechanics;
    private readonly CarouselParameters carousel;

    /// <summary>Creates a study with the given mechanism and carousel.</summary>
    /// <param name="mechanics">Camera, stage and handling parameters.</param>
    /// <param name="carousel">Rack positions, slots and carousel index time.</param>
    public ThroughputStudy(MechanicsParameters mechanics, CarouselParameters carousel)
    {
        ArgumentNullException.ThrowIfNull(mechanics);
        ArgumentNullException.ThrowIfNull(carousel);
        this.mechanics = mechanics;
        this.carousel = carousel;
    }

    /// <summary>A study with the calibrated default mechanism and carousel.</summary>
    public static ThroughputStudy Default { get; } =
        new(MechanicsParameters.Default, CarouselParameters.Default);

    /// <summary>The variants of a scenario, in report order.</summary>
    /// <param name="ts">Scenario and settings.</param>
    public static IReadOnlyList<ThroughputVariant> Variants(ThroughputScenario ts)
    {
        ArgumentNullException.ThrowIfNull(ts);
        ThroughputSettings s = ts.Settings;
        NetworkParameters site = s.Network;
        bool ans = ts.Scenario.Scanner.AnsEnabled;
        var list = new List<ThroughputVariant>
        {
            new()
            {
                Name = "scenario",
                Group = "scenario",
                ZLayers = s.ZLayers,
                AnsRescanRate = ans && s.ZLayers == 1 ? s.AnsRescanRate : 0,
                Network = site,
                NetworkLabel = "site",
                FollowsLoadingSchedule = true,
            },
            new()
            {
                Name = "40x", Group = "magnification", Magnification = Magnification.Forty,
                Network = site, NetworkLabel = "site",
            },
            new()
            {
                Name = "20x", Group = "magnification", Magnification = Magnification.Twenty,
                Network = site, NetworkLabel = "site",
            },
        };

        var rates = RescanSweep.Append(s.AnsRescanRate).Distinct().Order().ToList();
        list.AddRange(rates.Select(r => new ThroughputVariant
        {
            Name = "ans-" + Percent(r),
            Group = "ans",
            AnsRescanRate = r,
            Network = site,
            NetworkLabel = "site",
        }));

        var networks = new List<(string Label, string Key, NetworkParameters? Net)>
        {
            ("no limit", "nolimit", null),
            ("site", "site", site),
        };
        networks.AddRange(s.LinkSweepBitsPerS.Select(b =>
            (RateLabel(b), RateKey(b), (NetworkParameters?)site.WithDataLinkRate(b))));
        foreach (int layers in LayerSweep)
        {
            list.AddRange(networks.Select(n => new ThroughputVariant
            {
                Name = $"z{layers}-{n.Key}",
                Group = "zstack",
                ZLayers = layers,
                Network = n.Net,
                NetworkLabel = n.Label,
            }));
        }

        return list;
    }

    /// <summary>"100 Mb/s", "1 Gb/s", "2.5 Gb/s", "3.1 Mb/s": a line rate for people.</summary>
    /// <param name="bitsPerS">Line rate, bit/s.</param>
    public static string RateLabel(double bitsPerS) => bitsPerS >= 1e9
        ? (bitsPerS / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " Gb/s"
        : (bitsPerS / 1e6).ToString(bitsPerS >= 1e7 ? "0" : "0.#",
            CultureInfo.InvariantCulture) + " Mb/s";

    /// <summary>Runs every variant of the scenario.</summary>
    /// <param name="ts">Scenario and settings.</param>
    public IReadOnlyList<VariantResult> Run(ThroughputScenario ts)
    {
        ArgumentNullException.ThrowIfNull(ts);
        return Variants(ts).Select(v => Run(ts, v)).ToList();
    }

    /// <summary>Runs one variant of the scenario.</summary>
    /// <param name="ts">Scenario and settings.</param>
    /// <param name="variant">The configuration.</param>
    public VariantResult Run(ThroughputScenario ts, ThroughputVariant variant)
    {
        ArgumentNullException.ThrowIfNull(ts);
        ArgumentNullException.ThrowIfNull(variant);
        var planner = new ThroughputPlanner(mechanics, ts.Settings);
        var slides = planner.Plan(ts.Scenario, variant);
        var run = new RackRunSimulator(carousel, variant.Network)
            .Run(planner.Loads(ts.Scenario, slides, variant.FollowsLoadingSchedule));
        return VariantResult.Create(variant, slides, run, ts.Settings.Network);
    }

    private static string RateKey(double bitsPerS) =>
        RateLabel(bitsPerS).Replace(" ", "", StringComparison.Ordinal)
            .Replace("/s", "ps", StringComparison.Ordinal);

    private static string Percent(double rate) =>
        (100 * rate).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
