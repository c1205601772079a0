namespace Twin.Mechanics.Files;

/// <summary>
/// Compressed size of a whole-slide image file for timing-only runs, where no tile is encoded:
/// bytes per level-0 pixel at the two pixel sizes, the reduced levels as a fraction of level 0,
/// and the fixed associated images. The figures are measured on files this twin's own SVS
/// writer encoded; a real scan (<c>gt450twin scan</c>) reports its true file size instead.
/// </summary>
// LIMITATION: the whole scan area is taken as tissue; real background compresses far smaller.
public sealed record FileSizeParameters
{
    /// <summary>The defaults below.</summary>
    public static FileSizeParameters Default { get; } = new();

    /// <summary>Pixel size of the 40x figure, µm. Default 0.26.</summary>
    // source: vendor release notes (40x = 0.26 µm/pixel).
    public double FinePixelUm { get; init; } = 0.26;

    /// <summary>
    /// Level-0 tile bytes per pixel at <see cref="FinePixelUm"/>, B/px. Default 0.154.
    /// </summary>
    // source: measured. gt450twin scan at commit d3eab9c, seed 7, JPEG Q91 YCbCr 4:2:0,
    // 256-px tiles, 2 x 2 mm of each of the five procedural tissue kinds at 40x: 0.136
    // (fatty breast) to 0.191 (dense tumour); mean 0.154.
    public double FineBytesPerPixel { get; init; } = 0.154;

    /// <summary>Pixel size of the 20x figure, µm. Default 0.52.</summary>
    // source: vendor release notes (20x = 0.52 µm/pixel).
    public double CoarsePixelUm { get; init; } = 0.52;

    /// <summary>
    /// Level-0 tile bytes per pixel at <see cref="CoarsePixelUm"/>, B/px. Default 0.190.
    /// </summary>
    // source: measured as above at 20x: 0.164 (fatty breast) to 0.256 (dense tumour); mean
    // 0.190. More detail per pixel than at 40x, so a 20x file is ~69 % smaller, not 75 %.
    public double CoarseBytesPerPixel { get; init; } = 0.190;

    /// <summary>
    /// Reduced pyramid levels and thumbnail as a fraction of level 0, 1. Default 0.093.
    /// </summary>
    // source: measured as above at 40x: 0.073-0.123, mean 0.093 (levels at 1/4 and 1/16 of
    // level 0; a plain 1/(4² − 1) = 0.067 would hold if reduced pixels compressed alike).
    public double PyramidFraction { get; init; } = 0.093;

    /// <summary>Label and macro images and the TIFF directories, bytes. Default 60 000.</summary>
    // source: measured as above: label ~14 kB + macro ~35 kB + directories and ICC; rounded up.
    public long AssociatedBytes { get; init; } = 60_000;

    /// <summary>
    /// Level-0 bytes per pixel at a pixel size, B/px: log-linear between the two measured
    /// points, held at the end values outside them.
    /// </summary>
    /// <param name="pixelSizeUm">Object-side pixel size, µm (&gt; 0).</param>
    public double BytesPerPixel(double pixelSizeUm)
    {
        Guard.Positive(pixelSizeUm, nameof(pixelSizeUm), "µm");
        double t = Math.Log(pixelSizeUm / FinePixelUm) / Math.Log(CoarsePixelUm / FinePixelUm);
        t = Math.Clamp(t, 0, 1);
        return FineBytesPerPixel + (t * (CoarseBytesPerPixel - FineBytesPerPixel));
    }

    /// <summary>
    /// Checks every parameter once; throws <see cref="ArgumentOutOfRangeException"/> naming the
    /// parameter, its value, the allowed range and the unit.
    /// </summary>
    public void Validate()
    {
        Guard.Positive(FinePixelUm, nameof(FinePixelUm), "µm");
        Guard.Positive(CoarsePixelUm, nameof(CoarsePixelUm), "µm");
        if (!(CoarsePixelUm > FinePixelUm))
        {
            throw new ArgumentOutOfRangeException(
                nameof(CoarsePixelUm), CoarsePixelUm,
                $"{nameof(CoarsePixelUm)} must be larger than {nameof(FinePixelUm)}.");
        }

        Guard.InRange(FineBytesPerPixel, 1e-4, 10, nameof(FineBytesPerPixel), "B/px");
        Guard.InRange(CoarseBytesPerPixel, 1e-4, 10, nameof(CoarseBytesPerPixel), "B/px");
        Guard.InRange(PyramidFraction, 0, 1, nameof(PyramidFraction), "(fraction)");
        Guard.NonNegative(AssociatedBytes, nameof(AssociatedBytes), "B");
    }
}
