using Twin.Mechanics.Geometry;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Session;
using Twin.Scenarios.Sweeps;

namespace Twin.Tests.Sweeps;

/// <summary>
/// Tiny sweeps for tests: one fixed slide (0.3 mm along the scan, so 7 tile columns, and two
/// normal stripes across), scanned focus-only with the sweep's read-outs: a second or two a pass
/// pair on the 2-core development machine.
/// </summary>
public static class TinySweep
{
    /// <summary>A one-slide sweep whose every pose parameter is fixed to the given pose.</summary>
    public static SweepSpec Spec(
        SlidePose pose, string tissue = "dense-tumour", double widthMm = 0.3,
        double heightMm = 1.2, int slides = 1, ulong seed = 17) => new()
        {
            Name = "tiny",
            Source = "test",
            Seed = seed,
            Slides = slides,
            TissueKinds = [tissue],
            WidthMm = Distribution.Fixed(widthMm),
            HeightMm = Distribution.Fixed(heightMm),
            OffsetUm = Distribution.Fixed(pose.OffsetUm),
            TrayIndexTiltDeg = Distribution.Fixed(pose.TrayIndexTiltDeg),
            TrayScanTiltDeg = Distribution.Fixed(pose.TrayScanTiltDeg),
            WedgeIndexDeg = Distribution.Fixed(pose.WedgeIndexDeg),
            WedgeScanDeg = Distribution.Fixed(pose.WedgeScanDeg),
            WavinessAmplitudeUm = Distribution.Fixed(pose.WavinessAmplitudeUm),
            WavinessPeriodUm = Distribution.Fixed(pose.WavinessPeriodUm),
            WavinessPhase = Distribution.Fixed(pose.WavinessPhase),
            ThresholdsDeg = [0.05, 0.1, 0.2],
            FocusAlgorithms = [AlgorithmRegistry.DefaultFocusController],
            AnsAlgorithms = [AlgorithmRegistry.DefaultAnsCheck],
        };

    /// <summary>Scans the spec's first slide in normal and narrow stripes.</summary>
    public static SlideOutcome Scan(SweepSpec spec) => new SweepRunner().ScanSlide(spec, 0)[0];

    /// <summary>A sweep file's text for the command line: small and fast.</summary>
    public static string File(int slides = 2, string extra = "") =>
        $$"""
        name: tiny-cli
        seed: 5
        slides: {{slides}}
        tissue: { kinds: [dense-tumour, skin], widthMm: 0.2, heightMm: 1.2 }
        pose:
          trayIndexTiltDeg: { normal: [0, 0.15] }
          trayScanTiltDeg: { uniform: [-0.05, 0.05] }
        thresholdsDeg: [0.05, 0.1, 0.2]
        algorithms: { focus: [contrast-ratio], ans: [neighbour-stripes, paired-median] }
        {{extra}}
        """;

    /// <summary>Options of a sweep's passes, for scanning with the session directly.</summary>
    public static ScanSessionOptions Options(SweepSpec spec) =>
        new SweepRunner().OptionsFor(spec, spec.FocusAlgorithms[0]);
}
