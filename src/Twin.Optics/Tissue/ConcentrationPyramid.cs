namespace Twin.Optics.Tissue;

/// <summary>
/// Stain amount maps (three floats per pixel, H, E, DAB) at full resolution and halved again
/// and again by 2 × 2 box averages, each read by bilinear interpolation on a mirror-tiled plane.
/// Level k has pixels 2^k source pixels wide; pixel i of a level has its centre at i + 0.5 of
/// that level's pixels.
/// </summary>
internal sealed class ConcentrationPyramid
{
    private readonly float[][] _levels;
    private readonly int[] _widths;
    private readonly int[] _heights;

    /// <summary>Builds the pyramid from full-resolution maps, down to a level of ≤ 16 px.</summary>
    public ConcentrationPyramid(float[] full, int width, int height)
    {
        var levels = new List<float[]> { full };
        var widths = new List<int> { width };
        var heights = new List<int> { height };
        while (widths[^1] > 16 || heights[^1] > 16)
        {
            int w = widths[^1];
            int h = heights[^1];
            int nw = (w + 1) / 2;
            int nh = (h + 1) / 2;
            levels.Add(Halve(levels[^1], w, h, nw, nh));
            widths.Add(nw);
            heights.Add(nh);
        }

        _levels = [.. levels];
        _widths = [.. widths];
        _heights = [.. heights];
    }

    /// <summary>Number of levels, the full-resolution one included.</summary>
    public int Levels => _levels.Length;

    /// <summary>Width of level 0, pixels.</summary>
    public int Width => _widths[0];

    /// <summary>Height of level 0, pixels.</summary>
    public int Height => _heights[0];

    /// <summary>
    /// Maps a continuous pixel coordinate (pixel centres at integers) on an infinite mirror
    /// tiling of an n-pixel axis to the two neighbouring stored indices and the weight of the
    /// second one.
    /// </summary>
    public static (int I0, int I1, float F) Axis(double u, int n)
    {
        double fl = Math.Floor(u);
        long k = (long)fl;
        return (Mirror(k, n), Mirror(k + 1, n), (float)(u - fl));
    }

    /// <summary>
    /// The stored index that index <paramref name="k"/> of the mirror tiling shows.
    /// </summary>
    public static int Mirror(long k, int n)
    {
        long period = 2L * n;
        long m = k % period;
        if (m < 0)
        {
            m += period;
        }

        return (int)(m < n ? m : period - 1 - m);
    }

    /// <summary>Bilinear H, E, DAB amounts at level 0 for prepared axis lookups.</summary>
    public (float H, float E, float D) At(
        (int I0, int I1, float F) x, (int I0, int I1, float F) y) => At(0, x, y);

    /// <summary>Bilinear H, E, DAB amounts at pixel coordinate (u, v) of level k.</summary>
    public (float H, float E, float D) At(int level, double u, double v) =>
        At(level, Axis(u, _widths[level]), Axis(v, _heights[level]));

    private (float H, float E, float D) At(
        int level, (int I0, int I1, float F) x, (int I0, int I1, float F) y)
    {
        float[] map = _levels[level];
        int w = _widths[level];
        int a = ((y.I0 * w) + x.I0) * 3;
        int b = ((y.I0 * w) + x.I1) * 3;
        int c = ((y.I1 * w) + x.I0) * 3;
        int d = ((y.I1 * w) + x.I1) * 3;
        float wa = (1f - x.F) * (1f - y.F);
        float wb = x.F * (1f - y.F);
        float wc = (1f - x.F) * y.F;
        float wd = x.F * y.F;
        return (
            (map[a] * wa) + (map[b] * wb) + (map[c] * wc) + (map[d] * wd),
            (map[a + 1] * wa) + (map[b + 1] * wb) + (map[c + 1] * wc) + (map[d + 1] * wd),
            (map[a + 2] * wa) + (map[b + 2] * wb) + (map[c + 2] * wc) + (map[d + 2] * wd));
    }

    private static float[] Halve(float[] src, int w, int h, int nw, int nh)
    {
        var dst = new float[nw * nh * 3];
        for (int y = 0; y < nh; y++)
        {
            // an odd edge borrows its mirror neighbour, which is itself
            int y0 = 2 * y;
            int y1 = Math.Min((2 * y) + 1, h - 1);
            for (int x = 0; x < nw; x++)
            {
                int x0 = 2 * x;
                int x1 = Math.Min((2 * x) + 1, w - 1);
                for (int c = 0; c < 3; c++)
                {
                    dst[(((y * nw) + x) * 3) + c] = 0.25f * (src[(((y0 * w) + x0) * 3) + c]
                        + src[(((y0 * w) + x1) * 3) + c] + src[(((y1 * w) + x0) * 3) + c]
                        + src[(((y1 * w) + x1) * 3) + c]);
                }
            }
        }

        return dst;
    }
}
