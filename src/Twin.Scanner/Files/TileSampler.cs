using System.Buffers;

namespace Twin.Scanner.Files;

/// <summary>
/// Renders sample tiles for <see cref="FileSizePredictor"/> exactly as the writer would hold
/// them: level-0 tiles white beyond the image, reduced tiles box-averaged from 4 × 4 level-0
/// tiles and white beyond their level. Thread-safe.
/// </summary>
internal sealed class TileSampler(PyramidLevel level0, double mpp, TileRenderer render, int appMag)
{
    /// <summary>
    /// The level-0 tiles (row-major indices, ascending) under reduced tile
    /// <paramref name="index"/> of <paramref name="level1"/> that lie inside the image grid.
    /// </summary>
    public IEnumerable<int> Sources(PyramidLevel level1, int index)
    {
        int f = PyramidLevel.Factor;
        int c0 = index % level1.TileColumns * f;
        int r0 = index / level1.TileColumns * f;
        for (int r = r0; r < Math.Min(r0 + f, level0.TileRows); r++)
        {
            for (int c = c0; c < Math.Min(c0 + f, level0.TileColumns); c++)
            {
                yield return (r * level0.TileColumns) + c;
            }
        }
    }

    /// <summary>Renders level-0 tile <paramref name="index"/> (row-major).</summary>
    public byte[] Level0(int index)
    {
        var tile = new byte[level0.TileBytes];
        var rendered = ArrayPool<byte>.Shared.Rent(level0.TileBytes);
        try
        {
            int column = index % level0.TileColumns;
            int row = index / level0.TileColumns;
            double tileUm = level0.TileSize * mpp;
            render(appMag, column * tileUm, row * tileUm, rendered.AsSpan(0, level0.TileBytes));
            TileOps.CopyPadded(
                rendered.AsSpan(0, level0.TileBytes), tile, level0.TileSize,
                level0.ValidWidth(column), level0.ValidHeight(row));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rendered);
        }

        return tile;
    }

    /// <summary>
    /// Builds reduced tile <paramref name="index"/> of <paramref name="level1"/> from its
    /// rendered <see cref="Sources"/>, looked up in <paramref name="rendered"/>.
    /// </summary>
    public byte[] Reduce(PyramidLevel level1, int index, IReadOnlyDictionary<int, byte[]> rendered)
    {
        int f = PyramidLevel.Factor;
        int quarter = level0.TileSize / f;
        var tile = new byte[level1.TileBytes];
        Array.Fill(tile, TileOps.Background);
        foreach (int source in Sources(level1, index))
        {
            int c = source % level0.TileColumns;
            int r = source / level0.TileColumns;
            TileOps.Downsample4(
                rendered[source], tile, level0.TileSize, c % f * quarter, r % f * quarter);
        }

        TileOps.PadOutside(
            tile, level1.TileSize, level1.ValidWidth(index % level1.TileColumns),
            level1.ValidHeight(index / level1.TileColumns));
        return tile;
    }
}
