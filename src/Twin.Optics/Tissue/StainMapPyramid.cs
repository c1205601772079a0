namespace Twin.Optics.Tissue;

/// <summary>
/// Per-pixel stain maps, four floats per pixel: the nuclear (haematoxylin) amount and the red,
/// green and blue OD of everything else. Held at full resolution and halved again and again by
/// 2 × 2 box averages; every level is read by bilinear interpolation on a mirror-tiled plane.
/// Level k has pixels 2^k source pixels wide, pixel i centred at i + 0.5 of that level's pixels.
/// </summary>
internal sealed class StainMapPyramid
{
    /// <summary>Floats per pixel: nuclear amount, then rest OD red, green, blue.</summary>
    public const int Channels = 4;

    private readonly float[][] _levels;
    private readonly int[] _widths;
    private readonly int[] _heights;

    /// <summary>Builds the pyramid from full-resolution maps, down to a level of ≤ 16 px.</summary>
    public StainMapPyramid(float[] full, int width, int height)
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

    /// <summary>
    /// Bilinear maps at level 0 along one row: column k reads stored columns
    /// <paramref name="x0"/>[k] and <paramref name="x1"/>[k] with weight
    /// <paramref name="fx"/>[k] on the second, or gives 0 where <paramref name="inside"/>[k] is
    /// false. <paramref name="out4"/> receives four rows of the columns' length: nuclear amount,
    /// rest red, rest green, rest blue.
    /// </summary>
    public void Row(
        ReadOnlySpan<int> x0, ReadOnlySpan<int> x1, ReadOnlySpan<float> fx,
        ReadOnlySpan<bool> inside, (int I0, int I1, float F) y, Span<float> out4)
    {
        int w = x0.Length;
        int stride = _widths[0] * Channels;
        ReadOnlySpan<float> r0 = _levels[0].AsSpan(y.I0 * stride, stride);
        ReadOnlySpan<float> r1 = _levels[0].AsSpan(y.I1 * stride, stride);
        float fy = y.F;
        float gy = 1f - fy;
        Span<float> o0 = out4[..w];
        Span<float> o1 = out4.Slice(w, w);
        Span<float> o2 = out4.Slice(2 * w, w);
        Span<float> o3 = out4.Slice(3 * w, w);
        for (int k = 0; k < w; k++)
        {
            if (!inside[k])
            {
                o0[k] = 0f;
                o1[k] = 0f;
                o2[k] = 0f;
                o3[k] = 0f;
                continue;
            }

            // the four corner weights, then each map's pixel groups of four floats
            float f = fx[k];
            float wa = (1f - f) * gy, wb = f * gy, wc = (1f - f) * fy, wd = f * fy;
            ReadOnlySpan<float> a = r0.Slice(x0[k] * Channels, Channels);
            ReadOnlySpan<float> b = r0.Slice(x1[k] * Channels, Channels);
            ReadOnlySpan<float> c = r1.Slice(x0[k] * Channels, Channels);
            ReadOnlySpan<float> d = r1.Slice(x1[k] * Channels, Channels);
            o0[k] = (a[0] * wa) + (b[0] * wb) + (c[0] * wc) + (d[0] * wd);
            o1[k] = (a[1] * wa) + (b[1] * wb) + (c[1] * wc) + (d[1] * wd);
            o2[k] = (a[2] * wa) + (b[2] * wb) + (c[2] * wc) + (d[2] * wd);
            o3[k] = (a[3] * wa) + (b[3] * wb) + (c[3] * wc) + (d[3] * wd);
        }
    }

    /// <summary>Bilinear maps at pixel coordinate (u, v) of level k, into four floats.</summary>
    public void At(int level, double u, double v, Span<float> out4)
    {
        var x = Axis(u, _widths[level]);
        var y = Axis(v, _heights[level]);
        float[] map = _levels[level];
        int w = _widths[level];
        int a = ((y.I0 * w) + x.I0) * Channels;
        int b = ((y.I0 * w) + x.I1) * Channels;
        int c0 = ((y.I1 * w) + x.I0) * Channels;
        int d = ((y.I1 * w) + x.I1) * Channels;
        for (int c = 0; c < Channels; c++)
        {
            float top = map[a + c] + (x.F * (map[b + c] - map[a + c]));
            float bottom = map[c0 + c] + (x.F * (map[d + c] - map[c0 + c]));
            out4[c] = top + (y.F * (bottom - top));
        }
    }

    private static float[] Halve(float[] src, int w, int h, int nw, int nh)
    {
        var dst = new float[nw * nh * Channels];
        for (int y = 0; y < nh; y++)
        {
            // an odd edge borrows its mirror neighbour, which is itself
            int y0 = 2 * y;
            int y1 = Math.Min((2 * y) + 1, h - 1);
            for (int x = 0; x < nw; x++)
            {
                int x0 = 2 * x;
                int x1 = Math.Min((2 * x) + 1, w - 1);
                for (int c = 0; c < Channels; c++)
                {
                    dst[(((y * nw) + x) * Channels) + c] = 0.25f
                        * (src[(((y0 * w) + x0) * Channels) + c]
                            + src[(((y0 * w) + x1) * Channels) + c]
                            + src[(((y1 * w) + x0) * Channels) + c]
                            + src[(((y1 * w) + x1) * Channels) + c]);
                }
            }
        }

        return dst;
    }
}
