namespace Twin.Optics.Rendering;

/// <summary>
/// A line-scan camera pixel: photo-electrons at full illumination, read noise and the digital
/// level that clear glass is white-balanced to.
/// </summary>
public sealed record SensorModel
{
    /// <summary>
    /// Photo-electrons collected from clear glass per pixel per line, e⁻. Default 8000: a
    /// typical scientific line-scan CMOS well (10–20 ke⁻) exposed to ~60 % (estimate).
    /// </summary>
    public double GlassElectrons { get; init; } = 8000;

    /// <summary>
    /// Read noise, e⁻ rms. Default 15 (typical line-scan CMOS datasheets; estimate).
    /// </summary>
    public double ReadNoiseElectrons { get; init; } = 15;

    /// <summary>
    /// 8-bit level that clear glass maps to after white balance, DN. Default 242: scanners keep
    /// headroom below 255 so glass never clips (seen in real slide files; estimate).
    /// </summary>
    public double GlassLevel { get; init; } = 242;

    /// <summary>The default sensor.</summary>
    public static SensorModel Default { get; } = new();
}
