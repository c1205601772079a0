using System.Buffers;

namespace Twin.Scanner.Files;

/// <summary>
/// The pyramid of one focal plane while it is being written: which level-0 tiles have
/// arrived, the reduced levels being folded from them, and every level's encoded tiles.
/// <see cref="TryClaim"/> and <see cref="Add"/> are thread-safe; the rest is not.
/// </summary>
internal sealed class PlanePyramid : IDisposable
{
    private readonly IReadOnlyList<PyramidLevel> levels;
    private readonly JpegTileStore[] stores;
    private readonly ReducedLevelBuilder[] builders;
    private readonly bool[] written;
    private int writtenCount;

    /// <summary>
    /// Starts an empty pyramid of <paramref name="levels"/> whose scratch files go to
    /// <paramref name="scratchFolder"/> (created here).
    /// </summary>
    public PlanePyramid(
        string scratchFolder, IReadOnlyList<PyramidLevel> levels, int quality, int subsampling = 2)
    {
        Directory.CreateDirectory(scratchFolder);
        this.levels = levels;
        stores = [.. levels.Select(l => new JpegTileStore(scratchFolder, l, quality, subsampling))];
        builders = [.. levels.Skip(1).Select(l => new ReducedLevelBuilder(levels[l.Index - 1], l))];
        written = new bool[levels[0].TileCount];
    }

    /// <summary>The encoded levels, level 0 first.</summary>
    public IReadOnlyList<JpegTileStore> Stores => stores;

    /// <summary>Number of level-0 tiles claimed so far.</summary>
    public int WrittenCount
    {
        get
        {
            lock (written)
            {
                return writtenCount;
            }
        }
    }

    /// <summary>Reduced tiles started but not complete, over all reduced levels.</summary>
    public int PendingTiles => builders.Sum(b => b.PendingTiles);

    /// <summary>
    /// Marks level-0 tile <paramref name="index"/> (row-major) as written; false if it already
    /// was.
    /// </summary>
    public bool TryClaim(int index)
    {
        lock (written)
        {
            if (written[index])
            {
                return false;
            }

            written[index] = true;
            writtenCount++;
            return true;
        }
    }

    /// <summary>Row-major index of the first level-0 tile not yet claimed, or -1.</summary>
    public int FirstMissing()
    {
        lock (written)
        {
            return Array.IndexOf(written, false);
        }
    }

    /// <summary>
    /// Folds the claimed level-0 tile (<paramref name="column"/>, <paramref name="row"/>), a
    /// full padded RGB tile, into the reduced levels and encodes it and whatever it completes.
    /// </summary>
    public void Add(int column, int row, byte[] tile)
    {
        Reduce(0, column, row, tile);
        stores[0].Encode(row * levels[0].TileColumns + column, tile);
    }

    /// <summary>Closes every level's scratch files for copying; once, after all tiles.</summary>
    public void Seal()
    {
        foreach (var store in stores)
        {
            store.Seal();
        }
    }

    /// <summary>Bytes of all encoded tiles of all levels; known after <see cref="Seal"/>.</summary>
    public long EncodedBytes => stores.Sum(s => s.EncodedBytes);

    /// <summary>Closes every scratch file; the writer deletes the folder.</summary>
    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    // folds a finished tile of level k into level k+1, recursively, then encodes what completes
    private void Reduce(int k, int column, int row, byte[] tile)
    {
        if (k + 1 >= levels.Count)
        {
            return;
        }

        var reduced = builders[k].Add(column, row, tile);
        if (reduced is null)
        {
            return;
        }

        try
        {
            int c = column / PyramidLevel.Factor;
            int r = row / PyramidLevel.Factor;
            Reduce(k + 1, c, r, reduced);
            stores[k + 1].Encode(r * levels[k + 1].TileColumns + c, reduced);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(reduced);
        }
    }
}
