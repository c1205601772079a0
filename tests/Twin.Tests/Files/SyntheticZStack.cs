using Twin.Optics.Imaging;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// A deterministic z-stack for the writer: the synthetic slide once per focal plane, each
/// plane brightened by <see cref="StepPerPlane"/> grey levels per plane away from the middle,
/// so that a page holding the wrong plane is off by at least twice the JPEG tolerance.
/// </summary>
internal static class SyntheticZStack
{
    /// <summary>Brightness step between neighbouring planes, grey levels.</summary>
    public const int StepPerPlane = 12;

    /// <summary>
    /// One image per plane of <paramref name="planeCount"/>, plane index order; the middle
    /// plane is <see cref="SyntheticSlide.Create"/> itself.
    /// </summary>
    public static RgbImage[] Create(int width, int height, int planeCount)
    {
        var best = SyntheticSlide.Create(width, height);
        var planes = new RgbImage[planeCount];
        for (int p = 0; p < planeCount; p++)
        {
            int shift = (p - planeCount / 2) * StepPerPlane;
            planes[p] = new RgbImage(width, height);
            for (int i = 0; i < best.Pixels.Length; i++)
            {
                planes[p].Pixels[i] = (byte)Math.Clamp(best.Pixels[i] + shift, 0, 255);
            }
        }

        return planes;
    }

    /// <summary>Every (plane, column, row) of the writer, shuffled by the seed.</summary>
    public static (int Plane, int Column, int Row)[] ShuffledTiles(SvsWriter writer, int seed)
    {
        int perPlane = writer.TileColumns * writer.TileRows;
        var tiles = new (int, int, int)[perPlane * writer.PlaneCount];
        for (int i = 0; i < tiles.Length; i++)
        {
            int t = i % perPlane;
            tiles[i] = (i / perPlane, t % writer.TileColumns, t / writer.TileColumns);
        }

        new Random(seed).Shuffle(tiles);
        return tiles;
    }

    /// <summary>
    /// Writes the planes as one slide with label and macro, tiles of all planes interleaved
    /// in shuffled order (null seed: plane by plane in raster order) on
    /// <paramref name="threads"/> threads, and commits it. Returns the file size in bytes.
    /// </summary>
    public static long Write(
        string path, RgbImage[] planes, SvsMetadata metadata, int? seed, int threads = 1)
    {
        using var writer = new SvsWriter(path, planes[0].Width, planes[0].Height, metadata);
        var tiles = seed is { } s
            ? ShuffledTiles(writer, s)
            : [.. ShuffledTiles(writer, 0).OrderBy(t => (t.Plane, t.Row, t.Column))];
        void Write((int Plane, int Column, int Row) t) =>
            writer.WriteTile(t.Plane, t.Column, t.Row, SyntheticSlide.Tile(
                planes[t.Plane], metadata.TileSize, t.Column, t.Row));
        if (threads == 1)
        {
            foreach (var t in tiles)
            {
                Write(t);
            }
        }
        else
        {
            Parallel.ForEach(
                tiles, new ParallelOptions { MaxDegreeOfParallelism = threads }, Write);
        }

        writer.SetLabel(SyntheticSlide.Photo(400, 300, 30));
        writer.SetMacro(SyntheticSlide.Photo(1200, 400, 200));
        return writer.Commit();
    }
}
