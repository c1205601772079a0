using System.Diagnostics;

namespace Twin.Scanner.Files;

/// <summary>Geometry of one tiled pyramid level: size in pixels and its grid of tiles.</summary>
internal sealed class PyramidLevel
{
    /// <summary>Each reduced level is the previous one divided by this, rounded down.</summary>
    public const int Factor = 4;

    /// <summary>Levels are added until the long side is at most this many pixels.</summary>
    public const int SmallestLongSidePx = 1024;

    public PyramidLevel(int index, int width, int height, int tileSize)
    {
        Debug.Assert(width > 0 && height > 0 && tileSize % Factor == 0);
        Index = index;
        Width = width;
        Height = height;
        TileSize = tileSize;
        TileColumns = (width + tileSize - 1) / tileSize;
        TileRows = (height + tileSize - 1) / tileSize;
        TileCount = checked(TileColumns * TileRows);
    }

    /// <summary>0 for full resolution; level k is downsampled by 4^k.</summary>
    public int Index { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Tile edge in pixels.</summary>
    public int TileSize { get; }

    /// <summary>Number of tile columns (the last may extend past the image).</summary>
    public int TileColumns { get; }

    /// <summary>Number of tile rows (the last may extend past the image).</summary>
    public int TileRows { get; }

    /// <summary>Number of tiles.</summary>
    public int TileCount { get; }

    /// <summary>Bytes of one interleaved RGB tile buffer.</summary>
    public int TileBytes => TileSize * TileSize * 3;

    /// <summary>Pixels of tile column <paramref name="column"/> inside the image.</summary>
    public int ValidWidth(int column) => Math.Min(TileSize, Width - column * TileSize);

    /// <summary>Pixels of tile row <paramref name="row"/> inside the image.</summary>
    public int ValidHeight(int row) => Math.Min(TileSize, Height - row * TileSize);

    /// <summary>
    /// Level 0 plus reduced levels, each floor(previous / 4), until the long side is at most
    /// 1024 px (or a side would become zero).
    /// </summary>
    public static IReadOnlyList<PyramidLevel> Plan(int width, int height, int tileSize)
    {
        var levels = new List<PyramidLevel> { new(0, width, height, tileSize) };
        var last = levels[0];
        while (Math.Max(last.Width, last.Height) > SmallestLongSidePx
            && Math.Min(last.Width, last.Height) >= Factor)
        {
            last = new PyramidLevel(
                levels.Count, last.Width / Factor, last.Height / Factor, tileSize);
            levels.Add(last);
        }

        return levels;
    }
}
