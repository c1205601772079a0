namespace Twin.Scanner.Settings;

/// <summary>
/// The settings one slide is scanned with, after the scanner defaults, the rack's overrides and
/// the configuration rules have been combined.
/// </summary>
public sealed record ScanSettings
{
    /// <summary>Scan magnification.</summary>
    public Magnification Magnification { get; init; } = Magnification.Forty;

    /// <summary>True when Auto Narrow Stripe checks every slide's tilt.</summary>
    public bool AnsEnabled { get; init; }

    /// <summary>ANS tilt threshold along the index axis, degrees (a service-level setting).</summary>
    public double AnsThresholdDeg { get; init; } = 0.1;

    /// <summary>Width of the narrow stripes an ANS rescan uses, pixels (a multiple of the tile).</summary>
    public int NarrowStripePixels { get; init; } = 1024;

    /// <summary>
    /// The z-stack to acquire, or null for a single plane. A z-stack scan focuses by points and
    /// a focus map, not in real time, and never runs ANS.
    /// </summary>
    public ZStackSettings? ZStack { get; init; }

    /// <summary>JPEG quality of the written tiles (1–100). Default 91, as GT 450 files carry.</summary>
    public int JpegQuality { get; init; } = 91;

    /// <summary>Each setting's value and source, for the report.</summary>
    public IReadOnlyDictionary<string, EffectiveSetting> Provenance { get; init; } =
        new Dictionary<string, EffectiveSetting>();
}
