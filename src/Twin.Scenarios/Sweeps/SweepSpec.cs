using Twin.Scanner.Settings;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// A validated tilt-threshold sweep: a seeded population of slides (tissue kinds and pose
/// distributions), the ANS thresholds to evaluate, the algorithms to compare and the scan
/// settings of the focus-only passes.
/// </summary>
public sealed record SweepSpec
{
    /// <summary>Sweep name.</summary>
    public required string Name { get; init; }

    /// <summary>Where it was read from.</summary>
    public required string Source { get; init; }

    /// <summary>Master seed; slide i's draws and noise derive from it and i alone.</summary>
    public ulong Seed { get; init; } = 450;

    /// <summary>Slides in the population, count. Default 50.</summary>
    public int Slides { get; init; } = 50;

    /// <summary>Scan magnification. Default 40x (factory default).</summary>
    public Magnification Magnification { get; init; } = Magnification.Forty;

    /// <summary>Narrow stripe width of an ANS rescan, pixels. Default 1024 (service).</summary>
    public int NarrowStripePixels { get; init; } = 1024;

    /// <summary>
    /// Scan lines per focusing-sensor read-out, count. Default 8 in sweeps (the scan command
    /// uses 32): a read-out's cost is mostly its blur halo, and 8 lines keep the Brenner
    /// contrast of a 128-row segment well above noise (estimate).
    /// </summary>
    public int FocusReadoutLines { get; init; } = 8;

    /// <summary>Tissue kinds drawn with equal probability (repeat a name to weight it).</summary>
    public required IReadOnlyList<string> TissueKinds { get; init; }

    /// <summary>
    /// Seeded tissue sections per kind that slides draw from, count; 0 gives every slide its own
    /// section. Default 0. Slides sharing a section differ in pose and noise but share its
    /// tissue, and the sweep samples that tissue once for all of them (the dominant cost).
    /// </summary>
    public int TissueSections { get; init; }

    /// <summary>Tissue extent along the scan axis, mm (drawn per section).</summary>
    public required Distribution WidthMm { get; init; }

    /// <summary>Tissue extent along the index axis, mm (drawn per section).</summary>
    public required Distribution HeightMm { get; init; }

    /// <summary>Height of the tissue at the slide centre, µm.</summary>
    public required Distribution OffsetUm { get; init; }

    /// <summary>Tray seating tilt along the index axis, degrees.</summary>
    public required Distribution TrayIndexTiltDeg { get; init; }

    /// <summary>Tray seating tilt along the scan axis, degrees.</summary>
    public required Distribution TrayScanTiltDeg { get; init; }

    /// <summary>Slide wedge along the index axis, degrees.</summary>
    public required Distribution WedgeIndexDeg { get; init; }

    /// <summary>Slide wedge along the scan axis, degrees.</summary>
    public required Distribution WedgeScanDeg { get; init; }

    /// <summary>Tissue waviness amplitude along the index axis, µm.</summary>
    public required Distribution WavinessAmplitudeUm { get; init; }

    /// <summary>Tissue waviness period along the index axis, µm.</summary>
    public required Distribution WavinessPeriodUm { get; init; }

    /// <summary>Tissue waviness phase, radians.</summary>
    public required Distribution WavinessPhase { get; init; }

    /// <summary>ANS thresholds to evaluate, degrees, ascending.</summary>
    public required IReadOnlyList<double> ThresholdsDeg { get; init; }

    /// <summary>Focus controllers to compare, by registry name.</summary>
    public required IReadOnlyList<string> FocusAlgorithms { get; init; }

    /// <summary>ANS checks to compare, by registry name.</summary>
    public required IReadOnlyList<string> AnsAlgorithms { get; init; }
}
