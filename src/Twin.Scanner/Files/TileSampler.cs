using System.Buffers;

namespace Twin.Scanner.Files;

/// <summary>
/// Renders sample tiles for <see cref="FileSizePredictor"/> exactly as the writer would hold
/// them: level-0 tiles white beyond the image, reduced tiles box-averaged from 4 × 4 level-0
/// tiles and white beyond their level. Thread-safe.
/// </summary>
internal sealed class TileSampler(PyramidLevel level0, double mpp, TileRenderer render, int appMag)
{
    /// <summary>Renders level-0 tile <paramref name="index"/> (row-major).</summary>
    public byte[] Level0(int index)
    {
        var tile = new byte[level0.TileBytes];
        RenderInto(index % level0.TileColumns, index / level0.TileColumns, tile);
        return tile;
    }

    /// <summary>Builds the tiles <paramref name="indices"/> of the first reduced level.</summary>
    public byte[][] Reduced(PyramidLevel level1, int[] indices)
    {
        int f = PyramidLevel.Factor;
        int quarter = level0.TileSize / f;
        var tiles = new byte[indices.Length][];
        for (int i = 0; i < tiles.Length; i++)
        {
            tiles[i] = new byte[level1.TileBytes];
            Array.Fill(tiles[i], TileOps.Background);
        }

        // the 16 sources of each reduced tile write disjoint blocks, so they render in parallel
        Parallel.For(0, indices.Length * f * f, job =>
        {
            int sample = job / (f * f);
            int c = (indices[sample] % level1.TileColumns * f) + (job % f);
            int r = (indices[sample] / level1.TileColumns * f) + (job / f % f);
            if (c >= level0.TileColumns || r >= level0.TileRows)
            {
                return;
            }

            var source = ArrayPool<byte>.Shared.Rent(level0.TileBytes);
            try
            {
                RenderInto(c, r, source);
                TileOps.Downsample4(
                    source, tiles[sample], level0.TileSize, job % f * quarter,
                    job / f % f * quarter);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(source);
            }
        });

        for (int i = 0; i < tiles.Length; i++)
        {
            int tc = indices[i] % level1.TileColumns;
            int tr = indices[i] / level1.TileColumns;
            TileOps.PadOutside(
                tiles[i], level1.TileSize, level1.ValidWidth(tc), level1.ValidHeight(tr));
        }

        return tiles;
    }

    private void RenderInto(int column, int row, byte[] tile)
    {
        var rendered = ArrayPool<byte>.Shared.Rent(level0.TileBytes);
        try
        {
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
    }
}
