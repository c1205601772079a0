namespace Twin.Scanner.Session;

/// <summary>
/// The focus (z) axis: a first-order lag towards each commanded height plus positioning noise.
/// </summary>
public sealed record FocusAxisModel
{
    /// <summary>
    /// Closed-loop bandwidth, Hz. Default 40 Hz (voice-coil and piezo objective drives reach
    /// 50–100 Hz closed loop; estimate).
    /// </summary>
    public double BandwidthHz { get; init; } = 40;

    /// <summary>Positioning noise, µm rms. Default 0.03 µm (estimate, encoder-limited).</summary>
    public double NoiseUm { get; init; } = 0.03;

    /// <summary>The default axis.</summary>
    public static FocusAxisModel Default { get; } = new();

    /// <summary>Time constant τ = 1 / (2π·bandwidth), s.</summary>
    public double TimeConstantS => 1 / (2 * Math.PI * BandwidthHz);
}
