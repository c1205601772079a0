namespace Twin.Scanner.Files;

/// <summary>
/// A predicted SVS file size at one magnification, with the parts it is made of. All sizes are
/// in bytes; the total is what <see cref="SvsWriter.Commit"/> would return.
/// </summary>
public sealed record FileSizePrediction
{
    /// <summary>Magnification, 40 or 20.</summary>
    public required int AppMag { get; init; }

    /// <summary>Level-0 width, pixels.</summary>
    public required int WidthPx { get; init; }

    /// <summary>Level-0 height, pixels.</summary>
    public required int HeightPx { get; init; }

    /// <summary>Number of pyramid levels, level 0 included.</summary>
    public required int Levels { get; init; }

    /// <summary>Number of level-0 tiles.</summary>
    public required int Level0Tiles { get; init; }

    /// <summary>Number of tiles of all reduced levels together.</summary>
    public required int ReducedTiles { get; init; }

    /// <summary>Level-0 tiles really encoded for the prediction.</summary>
    public required int SampledTiles { get; init; }

    /// <summary>First-reduced-level tiles really built and encoded for the prediction.</summary>
    public required int SampledReducedTiles { get; init; }

    /// <summary>Mean encoded size of the sampled level-0 tiles, bytes.</summary>
    public required double MeanTileBytes { get; init; }

    /// <summary>Mean encoded size of the sampled reduced tiles, bytes.</summary>
    public required double MeanReducedTileBytes { get; init; }

    /// <summary>Level 0's tile data, bytes.</summary>
    public required long Level0Bytes { get; init; }

    /// <summary>Tile data of the reduced levels, bytes.</summary>
    public required long ReducedBytes { get; init; }

    /// <summary>The stripped thumbnail page, bytes.</summary>
    public required long ThumbnailBytes { get; init; }

    /// <summary>Label and macro pages (really encoded when given), bytes.</summary>
    public required long AssociatedBytes { get; init; }

    /// <summary>
    /// TIFF structure: header, directories, tile tables, JPEG tables, descriptions.
    /// </summary>
    public required long StructureBytes { get; init; }

    /// <summary>The predicted file size, bytes.</summary>
    public long TotalBytes =>
        Level0Bytes + ReducedBytes + ThumbnailBytes + AssociatedBytes + StructureBytes;
}
