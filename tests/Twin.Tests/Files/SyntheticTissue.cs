using Twin.Optics.Imaging;

namespace Twin.Tests.Files;

/// <summary>
/// A cheap, deterministic stand-in for a rendered H&amp;E slide, defined in µm so it can be
/// imaged at 40x and at 20x: an elliptical tissue area with a wavy edge on clear glass, pink
/// stroma with fibres, purple nuclei on a jittered 9 µm lattice, and per-sample sensor noise.
/// A 20x pixel averages the four 40x samples it covers, as a larger pixel integrates light.
/// </summary>
internal static class SyntheticTissue
{
    /// <summary>40x sample pitch, µm.</summary>
    public const double SampleUm = 0.26;

    /// <summary>
    /// Renders a tileSize² RGB tile whose top-left corner is at (x0, y0) µm of an area
    /// <paramref name="areaWidthUm"/> × <paramref name="areaHeightUm"/> µm.
    /// </summary>
    public static void Render(
        double areaWidthUm, double areaHeightUm, int appMag, double x0Um, double y0Um,
        Span<byte> rgb, int tileSize = 256)
    {
        int sub = appMag == 40 ? 1 : 2;
        for (int py = 0; py < tileSize; py++)
        {
            for (int px = 0; px < tileSize; px++)
            {
                int r = 0, g = 0, b = 0;
                for (int j = 0; j < sub; j++)
                {
                    for (int i = 0; i < sub; i++)
                    {
                        long sx = (long)Math.Round(x0Um / SampleUm) + (px * sub) + i;
                        long sy = (long)Math.Round(y0Um / SampleUm) + (py * sub) + j;
                        var (sr, sg, sb) = Sample(areaWidthUm, areaHeightUm, sx, sy);
                        r += sr;
                        g += sg;
                        b += sb;
                    }
                }

                int n = sub * sub;
                int o = ((py * tileSize) + px) * 3;
                rgb[o] = (byte)((r + (n / 2)) / n);
                rgb[o + 1] = (byte)((g + (n / 2)) / n);
                rgb[o + 2] = (byte)((b + (n / 2)) / n);
            }
        }
    }

    /// <summary>
    /// Renders the whole <paramref name="width"/> × <paramref name="height"/> px image of the
    /// area at <paramref name="appMag"/>, in parallel.
    /// </summary>
    public static RgbImage RenderImage(
        double areaWidthUm, double areaHeightUm, int appMag, int width, int height)
    {
        var image = new RgbImage(width, height);
        int columns = (width + 255) / 256;
        int rows = (height + 255) / 256;
        double tileUm = 256 * SampleUm * (appMag == 40 ? 1 : 2);
        Parallel.For(0, columns * rows, i =>
        {
            int c = i % columns;
            int r = i / columns;
            var tile = new byte[256 * 256 * 3];
            Render(areaWidthUm, areaHeightUm, appMag, c * tileUm, r * tileUm, tile);
            int w = Math.Min(256, width - (c * 256));
            int h = Math.Min(256, height - (r * 256));
            for (int y = 0; y < h; y++)
            {
                int target = ((((r * 256) + y) * width) + (c * 256)) * 3;
                Array.Copy(tile, y * 256 * 3, image.Pixels, target, w * 3);
            }
        });
        return image;
    }

    private static (int R, int G, int B) Sample(double areaW, double areaH, long sx, long sy)
    {
        double x = (sx + 0.5) * SampleUm;
        double y = (sy + 0.5) * SampleUm;
        int noise = (int)(Hash(sx, sy, 1) % 7) - 3;

        // ellipse covering about half of the area, edge wobbling by up to ±12 %
        double dx = (x - (0.5 * areaW)) / (0.4 * areaW);
        double dy = (y - (0.5 * areaH)) / (0.4 * areaH);
        double edge = 1 + (0.08 * Math.Sin(0.02 * y)) + (0.04 * Math.Sin(0.03 * x));
        if ((dx * dx) + (dy * dy) > edge * edge)
        {
            int glass = 242 + noise;
            return (glass, glass, glass);
        }

        // stroma with fibres
        double fibre = 0.5 + (0.5 * Math.Sin((x * 0.9) + (2 * Math.Sin(y * 0.05))));
        int red = 235 - (int)(25 * fibre);
        int green = 170 - (int)(45 * fibre);
        int blue = 205 - (int)(20 * fibre);

        // nucleus of the nearest lattice cell
        const double pitch = 9.0;
        long cx = (long)Math.Floor(x / pitch);
        long cy = (long)Math.Floor(y / pitch);
        double nx = ((cx + 0.2 + (0.6 * Unit(cx, cy, 2))) * pitch) - x;
        double ny = ((cy + 0.2 + (0.6 * Unit(cx, cy, 3))) * pitch) - y;
        double radius = 2.2 + (1.4 * Unit(cx, cy, 4));
        if ((nx * nx) + (ny * ny) < radius * radius && Unit(cx, cy, 5) < 0.7)
        {
            int chromatin = (int)(Hash(sx / 2, sy / 2, 6) % 40);
            red = 95 + chromatin;
            green = 60 + (chromatin / 2);
            blue = 150 + chromatin;
        }

        return (Clamp(red + noise), Clamp(green + noise), Clamp(blue + noise));
    }

    private static int Clamp(int v) => Math.Clamp(v, 0, 255);

    private static double Unit(long x, long y, uint salt) => Hash(x, y, salt) / 4294967296.0;

    private static uint Hash(long x, long y, uint salt)
    {
        ulong h = ((ulong)x * 0x9E3779B97F4A7C15UL) ^ ((ulong)y * 0xC2B2AE3D27D4EB4FUL) ^ salt;
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 29;
        return (uint)(h >> 16);
    }
}
