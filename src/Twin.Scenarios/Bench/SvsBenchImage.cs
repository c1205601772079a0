using Twin.Optics.Imaging;

namespace Twin.Scenarios.Bench;

/// <summary>
/// The benchmark's synthetic slide: smooth colour gradients, a 96 px checker in brightness and
/// ±20 grey levels of per-pixel grain, which makes JPEG work about as hard as on tissue.
/// Deterministic.
/// </summary>
internal static class SvsBenchImage
{
    /// <summary>Makes the image, rows in parallel.</summary>
    public static RgbImage Textured(int width, int height)
    {
        var image = new RgbImage(width, height);
        var p = image.Pixels;
        Parallel.For(0, height, y =>
        {
            for (int x = 0; x < width; x++)
            {
                int i = ((y * width) + x) * 3;
                int cell = ((x / 96) + (y / 96)) % 2 == 0 ? 0 : 40;
                int grain = (int)(Hash(x, y) % 41) - 20;
                double wave = Math.Sin(x * 0.02) * Math.Cos(y * 0.015);
                p[i] = Clamp(30 + (150 * x / width) + cell + grain);
                p[i + 1] = Clamp(30 + (150 * y / height) + cell + grain);
                p[i + 2] = Clamp((int)(110 + (60 * wave)) + cell + grain);
            }
        });
        return image;
    }

    /// <summary>Cuts tile (column, row), white beyond the image.</summary>
    public static byte[] Tile(RgbImage image, int size, int column, int row)
    {
        var tile = new byte[size * size * 3];
        Array.Fill(tile, (byte)255);
        int x0 = column * size;
        int y0 = row * size;
        int w = Math.Min(size, image.Width - x0);
        int h = Math.Min(size, image.Height - y0);
        for (int y = 0; y < h; y++)
        {
            Array.Copy(
                image.Pixels, (((y0 + y) * image.Width) + x0) * 3, tile, y * size * 3, w * 3);
        }

        return tile;
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    private static uint Hash(int x, int y)
    {
        uint h = ((uint)x * 0x9E3779B1u) ^ ((uint)y * 0x85EBCA77u);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        return h ^ (h >> 12);
    }
}
