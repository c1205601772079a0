namespace Twin.Mechanics.Timing;

/// <summary>
/// What the scanner will acquire on one slide, as far as timing is concerned: the stripes of
/// the first pass, focus points, z layers, an ANS rescan and the size of the written file.
/// </summary>
public sealed record SlideScanPlan
{
    /// <summary>Stripes in the (first) pass, count (≥ 0).</summary>
    public required int Stripes { get; init; }

    /// <summary>Imaged length of each stripe along the scan axis, µm (≥ 0).</summary>
    public required double StripeLengthUm { get; init; }

    /// <summary>Object-side pixel size, µm: 0.26 at 40x, 0.52 at 20x.</summary>
    public required double PixelSizeUm { get; init; }

    /// <summary>Point-focus measurements (z-stack scans), count (≥ 0). Default 0.</summary>
    public int FocusPoints { get; init; }

    /// <summary>Focal planes acquired per stripe, count (≥ 1). Default 1.</summary>
    public int ZLayers { get; init; } = 1;

    /// <summary>Narrow stripes of an ANS rescan, count (≥ 0; 0 = no rescan). Default 0.</summary>
    public int RescanStripes { get; init; }

    /// <summary>Imaged length of each rescan stripe, µm (≥ 0). Default 0.</summary>
    public double RescanStripeLengthUm { get; init; }

    /// <summary>
    /// Fraction of the first pass completed before the ANS rescan replaced it, 1 (0..1;
    /// 1 = the whole pass was scanned). Default 1.
    /// </summary>
    public double AbortedPassFraction { get; init; } = 1;

    /// <summary>Size of the written image file, bytes (≥ 0). Default 0.</summary>
    public long FileBytes { get; init; }

    /// <summary>
    /// A plan covering a rectangle with plain stripes (no focus points, one layer, no rescan).
    /// </summary>
    /// <param name="areaWidthUm">Width across the stripes (index axis), µm.</param>
    /// <param name="areaLengthUm">Length along the stripes (scan axis), µm.</param>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="p">Sensor width and overlap decide the stripe count.</param>
    public static SlideScanPlan ForArea(
        double areaWidthUm, double areaLengthUm, double pixelSizeUm, MechanicsParameters p) =>
        new()
        {
            Stripes = StripeTiming.StripeCount(areaWidthUm, pixelSizeUm, p),
            StripeLengthUm = Math.Max(0, areaLengthUm),
            PixelSizeUm = pixelSizeUm,
        };

    /// <summary>
    /// Checks the plan; throws <see cref="ArgumentOutOfRangeException"/> naming the field, its
    /// value, the allowed range and the unit.
    /// </summary>
    public void Validate()
    {
        Guard.NonNegative(Stripes, nameof(Stripes), "stripes");
        Guard.NonNegative(StripeLengthUm, nameof(StripeLengthUm), "µm");
        Guard.Positive(PixelSizeUm, nameof(PixelSizeUm), "µm");
        Guard.NonNegative(FocusPoints, nameof(FocusPoints), "points");
        Guard.InRange(ZLayers, 1, int.MaxValue, nameof(ZLayers), "layers");
        Guard.NonNegative(RescanStripes, nameof(RescanStripes), "stripes");
        Guard.NonNegative(RescanStripeLengthUm, nameof(RescanStripeLengthUm), "µm");
        Guard.InRange(AbortedPassFraction, 0, 1, nameof(AbortedPassFraction), "(fraction)");
        Guard.NonNegative(FileBytes, nameof(FileBytes), "B");
    }
}
