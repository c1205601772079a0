namespace Twin.Scanner.Files;

/// <summary>
/// How <see cref="FileSizePredictor"/> samples a slide. Immutable; validated when a prediction
/// starts. Encoding settings must match the <see cref="SvsMetadata"/> the scan will use.
/// </summary>
public sealed record FileSizePredictorOptions
{
    /// <summary>
    /// The defaults: 32 level-0 and 2 reduced samples, quality 91, 256 px tiles.
    /// </summary>
    public static FileSizePredictorOptions Default { get; } = new();

    /// <summary>
    /// Level-0 tiles rendered and encoded per magnification, spread over the image, 1..4096
    /// (all tiles when the image has fewer). Default 32: the mean of 32 tiles has a standard
    /// error under 10 % even where half the tiles are glass and half tissue.
    /// </summary>
    public int SampleTiles { get; init; } = 32;

    /// <summary>
    /// First-reduced-level tiles built (each from 4 × 4 rendered level-0 tiles, box-averaged as
    /// the writer does) and encoded per magnification, 0..256: each costs up to 16 renders.
    /// Default 2. With 0, reduced tiles are taken to cost as much as level-0 tiles.
    /// </summary>
    public int ReducedSampleTiles { get; init; } = 2;

    /// <summary>
    /// JPEG quality, 1..100, as <see cref="SvsMetadata.JpegQuality"/>. Default 91.
    /// </summary>
    public int JpegQuality { get; init; } = 91;

    /// <summary>Tile edge in pixels, as <see cref="SvsMetadata.TileSize"/>. Default 256.</summary>
    public int TileSize { get; init; } = 256;

    /// <summary>
    /// Height of one scan stripe in pixels: the image height is rounded up to whole stripes, as
    /// a scan pass does (pass the sensor's stripe width, e.g. 4096). A multiple of
    /// <see cref="TileSize"/>. Default 256 (whole tiles only).
    /// </summary>
    public int StripePx { get; init; } = 256;

    /// <summary>Pixel size at 40x, µm. Default 0.26 (GT 450 release notes).</summary>
    public double MicronsPerPixel40 { get; init; } = 0.26;

    /// <summary>Pixel size at 20x, µm. Default 0.52 (GT 450 release notes).</summary>
    public double MicronsPerPixel20 { get; init; } = 0.52;

    /// <summary>
    /// Seed of the sample positions; the same seed picks the same tiles. Default 1.
    /// </summary>
    public ulong Seed { get; init; } = 1;
}
