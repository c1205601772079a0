namespace Twin.Scenarios.Bench;

/// <summary>What <c>gt450twin bench</c> measures and for how long.</summary>
public sealed record BenchOptions
{
    /// <summary>Tiles per side of the rendered block (default 4: 4 × 4 tiles, 1 Mpx).</summary>
    public int TilesPerSide { get; init; } = 4;

    /// <summary>Tile edge, pixels (default 256, the GT 450's SVS tile).</summary>
    public int TilePx { get; init; } = 256;

    /// <summary>Least time each timed measurement runs for, s (default 3).</summary>
    public double SecondsPerMeasurement { get; init; } = 3.0;

    /// <summary>JPEG quality of the libvips comparison (default 91, as the GT 450).</summary>
    public int JpegQuality { get; init; } = 91;

    /// <summary>Tissue seed (default 1).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The defaults.</summary>
    public static BenchOptions Default { get; } = new();
}
