using System.Buffers;
using System.Diagnostics;

namespace Twin.Scanner.Files;

/// <summary>
/// Builds the tiles of one reduced level from the tiles of the level above it, in whatever
/// order they arrive. A reduced tile covers 4 × 4 source tiles; it is held, partly filled,
/// until its last source tile has been folded in, then handed back once. Raster or stripe
/// order keeps about one row (or column) of reduced tiles waiting. Thread-safe.
/// </summary>
// LIMITATION: partial tiles wait in memory; a random tile order may hold a whole reduced level.
internal sealed class ReducedLevelBuilder
{
    private readonly PyramidLevel source;
    private readonly PyramidLevel target;
    private readonly Dictionary<int, Partial> partials = [];

    public ReducedLevelBuilder(PyramidLevel source, PyramidLevel target)
    {
        Debug.Assert(target.Index == source.Index + 1 && target.TileSize == source.TileSize);
        this.source = source;
        this.target = target;
    }

    /// <summary>Number of reduced tiles started but not yet complete.</summary>
    public int PendingTiles
    {
        get
        {
            lock (partials)
            {
                return partials.Count;
            }
        }
    }

    /// <summary>
    /// Folds source tile (<paramref name="column"/>, <paramref name="row"/>), a full padded tile,
    /// into its reduced tile. Returns the reduced tile's buffer (rented from
    /// <see cref="ArrayPool{T}.Shared"/>, white outside the level) when this was its last source
    /// tile, else null.
    /// </summary>
    public byte[]? Add(int column, int row, ReadOnlySpan<byte> tile)
    {
        int tc = column / PyramidLevel.Factor;
        int tr = row / PyramidLevel.Factor;
        if (tc >= target.TileColumns || tr >= target.TileRows)
        {
            // source pixels that map beyond the reduced level's floor(size / 4)
            return null;
        }

        int key = tr * target.TileColumns + tc;
        Partial partial;
        lock (partials)
        {
            if (!partials.TryGetValue(key, out partial!))
            {
                partial = new Partial(
                    ArrayPool<byte>.Shared.Rent(target.TileBytes), ExpectedSources(tc, tr));
                partials.Add(key, partial);
            }
        }

        // distinct source tiles write disjoint blocks, so this runs outside the lock
        int quarter = target.TileSize / PyramidLevel.Factor;
        TileOps.Downsample4(
            tile, partial.Pixels, target.TileSize,
            column % PyramidLevel.Factor * quarter, row % PyramidLevel.Factor * quarter);

        lock (partials)
        {
            partial.Received++;
            if (partial.Received < partial.Expected)
            {
                return null;
            }

            partials.Remove(key);
        }

        TileOps.PadOutside(
            partial.Pixels.AsSpan(0, target.TileBytes), target.TileSize,
            target.ValidWidth(tc), target.ValidHeight(tr));
        return partial.Pixels;
    }

    private int ExpectedSources(int tc, int tr)
    {
        int f = PyramidLevel.Factor;
        int columns = Math.Min(f, source.TileColumns - tc * f);
        int rows = Math.Min(f, source.TileRows - tr * f);
        return columns * rows;
    }

    private sealed class Partial(byte[] pixels, int expected)
    {
        public byte[] Pixels { get; } = pixels;

        public int Expected { get; } = expected;

        public int Received { get; set; }
    }
}
