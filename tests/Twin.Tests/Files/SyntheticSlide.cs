using Twin.Optics.Imaging;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// A deterministic test image (gradients plus a soft pattern) and ways to write it.
/// </summary>
internal static class SyntheticSlide
{
    /// <summary>Byte written beyond the image in edge tiles; the writer must ignore it.</summary>
    public const byte Outside = 0;

    /// <summary>
    /// Makes a <paramref name="width"/> × <paramref name="height"/> px test image; a non-zero
    /// <paramref name="noise"/> adds that many grey levels (peak) of per-pixel texture, which
    /// makes JPEG work about as hard as on tissue.
    /// </summary>
    public static RgbImage Create(int width, int height, int noise = 0)
    {
        var image = new RgbImage(width, height);
        var p = image.Pixels;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = (y * width + x) * 3;
                // sharp edges in brightness (full resolution in JPEG), smooth colour
                // (chroma is subsampled 2x2 and would blur a sharp colour pattern)
                double wave = Math.Sin(x * 0.02) * Math.Cos(y * 0.015);
                int cell = ((x / 96) + (y / 96)) % 2 == 0 ? 0 : 40;
                int grain = noise == 0 ? 0 : (int)(Hash(x, y) % (uint)(2 * noise + 1)) - noise;
                p[i] = (byte)(30 + 150 * x / width + cell + grain);
                p[i + 1] = (byte)(30 + 150 * y / height + cell + grain);
                p[i + 2] = (byte)(110 + 60 * wave + cell + grain);
            }
        }

        return image;
    }

    private static uint Hash(int x, int y)
    {
        uint h = ((uint)x * 0x9E3779B1u) ^ ((uint)y * 0x85EBCA77u);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        return h ^ (h >> 12);
    }

    /// <summary>Makes a small photograph-like image for the label or macro.</summary>
    public static RgbImage Photo(int width, int height, byte tint)
    {
        var image = new RgbImage(width, height);
        var p = image.Pixels;
        for (int i = 0; i < p.Length; i += 3)
        {
            int x = i / 3 % width;
            int y = i / 3 / width;
            p[i] = tint;
            p[i + 1] = (byte)(255 * x / width);
            p[i + 2] = (byte)(255 * y / height);
        }

        return image;
    }

    /// <summary>Cuts tile (column, row) out of the image; pixels past the edge are 0.</summary>
    public static byte[] Tile(RgbImage image, int tileSize, int column, int row)
    {
        var tile = new byte[tileSize * tileSize * 3];
        Array.Fill(tile, Outside);
        int x0 = column * tileSize;
        int y0 = row * tileSize;
        int w = Math.Min(tileSize, image.Width - x0);
        int h = Math.Min(tileSize, image.Height - y0);
        for (int y = 0; y < h; y++)
        {
            Array.Copy(
                image.Pixels, ((y0 + y) * image.Width + x0) * 3, tile, y * tileSize * 3, w * 3);
        }

        return tile;
    }

    /// <summary>
    /// Every (column, row) of the writer's grid, shuffled by <paramref name="seed"/>.
    /// </summary>
    public static (int Column, int Row)[] ShuffledTiles(SvsWriter writer, int seed)
    {
        var tiles = new (int, int)[writer.TileColumns * writer.TileRows];
        for (int i = 0; i < tiles.Length; i++)
        {
            tiles[i] = (i % writer.TileColumns, i / writer.TileColumns);
        }

        new Random(seed).Shuffle(tiles);
        return tiles;
    }

    /// <summary>
    /// Writes <paramref name="image"/> as a slide with label and macro, tiles in shuffled order,
    /// and commits it. Returns the file size in bytes.
    /// </summary>
    public static long Write(string path, RgbImage image, SvsMetadata metadata, int seed = 1)
    {
        using var writer = new SvsWriter(path, image.Width, image.Height, metadata);
        foreach (var (column, row) in ShuffledTiles(writer, seed))
        {
            writer.WriteTile(column, row, Tile(image, metadata.TileSize, column, row));
        }

        writer.SetLabel(Photo(400, 300, 30));
        writer.SetMacro(Photo(1200, 400, 200));
        return writer.Commit();
    }

    /// <summary>Box average by 4 with floor sizes: the expected next pyramid level.</summary>
    public static RgbImage Reduce4(RgbImage image)
    {
        var r = new RgbImage(image.Width / 4, image.Height / 4);
        for (int y = 0; y < r.Height; y++)
        {
            for (int x = 0; x < r.Width; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int sum = 0;
                    for (int dy = 0; dy < 4; dy++)
                    {
                        for (int dx = 0; dx < 4; dx++)
                        {
                            sum += image.Pixels[((4 * y + dy) * image.Width + 4 * x + dx) * 3 + c];
                        }
                    }

                    r.Pixels[(y * r.Width + x) * 3 + c] = (byte)((sum + 8) / 16);
                }
            }
        }

        return r;
    }

    /// <summary>Mean absolute difference per byte between two equally long RGB buffers.</summary>
    public static double MeanAbsError(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"lengths differ: {a.Length} vs {b.Length}");
        }

        long sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return (double)sum / a.Length;
    }
}
