namespace Twin.Scanner.Files;

/// <summary>
/// Accumulates the thumbnail from level-0 tiles in any order: every level-0 pixel (x, y) adds
/// to thumbnail pixel (x·w/W, y·h/H), and each thumbnail pixel is the rounded mean of its sums
/// (an area average). Integer arithmetic, so the result does not depend on tile order.
/// Thread-safe.
/// </summary>
internal sealed class ThumbnailBuilder
{
    /// <summary>Long side of the thumbnail in pixels (Aperio writes about 1024 × 768).</summary>
    public const int LongSidePx = 1024;

    private readonly PyramidLevel level0;
    private readonly long[] sums;
    private readonly int[] counts;

    public ThumbnailBuilder(PyramidLevel level0)
    {
        this.level0 = level0;
        int longSide = Math.Max(level0.Width, level0.Height);
        int thumbLong = Math.Min(LongSidePx, longSide);
        Width = Math.Max(1, (int)((long)level0.Width * thumbLong / longSide));
        Height = Math.Max(1, (int)((long)level0.Height * thumbLong / longSide));
        sums = new long[Width * Height * 3];
        counts = new int[Width * Height];
    }

    /// <summary>Thumbnail width in pixels.</summary>
    public int Width { get; }

    /// <summary>Thumbnail height in pixels.</summary>
    public int Height { get; }

    /// <summary>
    /// Adds the image part of level-0 tile (<paramref name="column"/>, <paramref name="row"/>).
    /// </summary>
    public void Add(int column, int row, ReadOnlySpan<byte> tile)
    {
        int ts = level0.TileSize;
        int x0 = column * ts;
        int y0 = row * ts;
        int vw = level0.ValidWidth(column);
        int vh = level0.ValidHeight(row);
        int tx0 = MapX(x0);
        int ty0 = MapY(y0);
        int spanX = MapX(x0 + vw - 1) - tx0 + 1;
        int spanY = MapY(y0 + vh - 1) - ty0 + 1;

        // sum locally first so the shared arrays are locked only briefly
        var localSums = new long[spanX * spanY * 3];
        var localCounts = new int[spanX * spanY];
        Span<int> columnOf = stackalloc int[vw];
        for (int x = 0; x < vw; x++)
        {
            columnOf[x] = MapX(x0 + x) - tx0;
        }

        for (int y = 0; y < vh; y++)
        {
            int cellRow = (MapY(y0 + y) - ty0) * spanX;
            var pixels = tile.Slice(y * ts * 3, vw * 3);
            for (int x = 0; x < vw; x++)
            {
                int cell = cellRow + columnOf[x];
                localSums[cell * 3] += pixels[x * 3];
                localSums[cell * 3 + 1] += pixels[x * 3 + 1];
                localSums[cell * 3 + 2] += pixels[x * 3 + 2];
                localCounts[cell]++;
            }
        }

        lock (sums)
        {
            for (int cy = 0; cy < spanY; cy++)
            {
                for (int cx = 0; cx < spanX; cx++)
                {
                    int cell = cy * spanX + cx;
                    int dst = (ty0 + cy) * Width + tx0 + cx;
                    sums[dst * 3] += localSums[cell * 3];
                    sums[dst * 3 + 1] += localSums[cell * 3 + 1];
                    sums[dst * 3 + 2] += localSums[cell * 3 + 2];
                    counts[dst] += localCounts[cell];
                }
            }
        }
    }

    /// <summary>The thumbnail as interleaved RGB bytes, row-major, Width × Height × 3.</summary>
    public byte[] Build()
    {
        var rgb = new byte[Width * Height * 3];
        lock (sums)
        {
            for (int i = 0; i < counts.Length; i++)
            {
                long n = Math.Max(1, counts[i]);
                for (int c = 0; c < 3; c++)
                {
                    rgb[i * 3 + c] = (byte)((sums[i * 3 + c] + n / 2) / n);
                }
            }
        }

        return rgb;
    }

    private int MapX(int x) => (int)((long)x * Width / level0.Width);

    private int MapY(int y) => (int)((long)y * Height / level0.Height);
}
