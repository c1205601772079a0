using Twin.Optics.Imaging;
using Twin.Optics.Stains;

namespace Twin.Optics.Tissue;

/// <summary>
/// Colour deconvolution after Ruifrok &amp; Johnston (2001): each RGB pixel becomes optical
/// density per channel, OD_c = −log10(max(I_c, 1) / I0_c), and the OD vector is split into
/// haematoxylin, eosin and DAB amounts by the inverse of the 3 × 3 matrix whose rows are the
/// three stains' unit OD vectors. An amount is the OD along its stain's unit vector
/// (dimensionless), so OD = h·H + e·E + d·D.
/// </summary>
/// <remarks>
/// Only the haematoxylin share is given its own depth profile, so the maps keep it apart from
/// the rest of the measured OD rather than keeping all three amounts: the rest holds eosin, DAB
/// and any colour outside the three stains' cone, and the two parts add up to the measured OD.
/// </remarks>
internal static class StainSeparation
{
    /// <summary>Percentile of each channel taken as bare glass when I0 is estimated, %.</summary>
    public const double GlassPercentile = 99.0;

    /// <summary>
    /// Below this 8-bit level the percentile is not glass (the image is all tissue) and the
    /// fallback level is used instead.
    /// </summary>
    public const int MinPlausibleGlass = 200;

    // rows H, E, DAB; columns R, G, B; inverted once, in double
    private static readonly double[,] Unmix = Invert(new double[,]
    {
        { Stain.Haematoxylin.Red, Stain.Haematoxylin.Green, Stain.Haematoxylin.Blue },
        { Stain.Eosin.Red, Stain.Eosin.Green, Stain.Eosin.Blue },
        { Stain.Dab.Red, Stain.Dab.Green, Stain.Dab.Blue },
    });

    private static readonly float M00 = (float)Unmix[0, 0], M01 = (float)Unmix[0, 1];
    private static readonly float M02 = (float)Unmix[0, 2], M10 = (float)Unmix[1, 0];
    private static readonly float M11 = (float)Unmix[1, 1], M12 = (float)Unmix[1, 2];
    private static readonly float M20 = (float)Unmix[2, 0], M21 = (float)Unmix[2, 1];
    private static readonly float M22 = (float)Unmix[2, 2];

    /// <summary>
    /// The glass level I0 per channel (8-bit): the 99th percentile of each channel, or
    /// <paramref name="fallback"/> for all three when any percentile is below 200.
    /// </summary>
    public static (float Red, float Green, float Blue) EstimateGlass(
        RgbImage image, double fallback)
    {
        var hist = new long[3, 256];
        byte[] px = image.Pixels;
        for (int i = 0; i < px.Length; i += 3)
        {
            hist[0, px[i]]++;
            hist[1, px[i + 1]]++;
            hist[2, px[i + 2]]++;
        }

        long n = (long)image.Width * image.Height;
        long rank = (long)Math.Ceiling(n * GlassPercentile / 100.0);
        var level = new int[3];
        for (int c = 0; c < 3; c++)
        {
            long seen = 0;
            int v = 0;
            while (v < 255 && seen + hist[c, v] < rank)
            {
                seen += hist[c, v];
                v++;
            }

            level[c] = v;
        }

        if (Math.Min(level[0], Math.Min(level[1], level[2])) < MinPlausibleGlass)
        {
            return ((float)fallback, (float)fallback, (float)fallback);
        }

        return (level[0], level[1], level[2]);
    }

    /// <summary>
    /// H, E and DAB amounts of an OD vector, negative amounts clamped to 0.
    /// </summary>
    public static (float H, float E, float D) Amounts(float r, float g, float b)
    {
        // row vector OD = c·M, so c = OD·M⁻¹: amount k uses column k of the inverse
        return (Math.Max(0f, (r * M00) + (g * M10) + (b * M20)),
            Math.Max(0f, (r * M01) + (g * M11) + (b * M21)),
            Math.Max(0f, (r * M02) + (g * M12) + (b * M22)));
    }

    /// <summary>
    /// The maps of every pixel, interleaved [row][col][nuclear, rest R, rest G, rest B]: the
    /// haematoxylin amount n, capped so that no channel of the rest goes negative, and the
    /// rest OD = measured OD − n·H (eosin, DAB and whatever the three stains do not explain).
    /// Also returns the image mean of each clamped amount H, E, DAB.
    /// </summary>
    public static float[] Separate(
        RgbImage image, (float Red, float Green, float Blue) glass,
        out (float H, float E, float D) mean)
    {
        // OD per 8-bit level: a 256-entry table per channel; levels above glass give OD 0
        var lut = new float[3][];
        float[] i0 = [glass.Red, glass.Green, glass.Blue];
        for (int c = 0; c < 3; c++)
        {
            lut[c] = new float[256];
            for (int v = 0; v < 256; v++)
            {
                lut[c][v] = (float)Math.Max(0.0, -Math.Log10(Math.Max(v, 1) / (double)i0[c]));
            }
        }

        float hr = Stain.Haematoxylin.Red, hg = Stain.Haematoxylin.Green;
        float hb = Stain.Haematoxylin.Blue;
        byte[] px = image.Pixels;
        int n = image.Width * image.Height;
        var maps = new float[n * StainMapPyramid.Channels];
        double sumH = 0, sumE = 0, sumD = 0;
        for (int p = 0; p < n; p++)
        {
            float r = lut[0][px[p * 3]];
            float g = lut[1][px[(p * 3) + 1]];
            float b = lut[2][px[(p * 3) + 2]];
            var (h, e, d) = Amounts(r, g, b);
            sumH += h;
            sumE += e;
            sumD += d;
            // the nuclear share may not take more of a channel than was measured in it
            float nuclear = MathF.Min(h, MathF.Min(r / hr, MathF.Min(g / hg, b / hb)));
            int o = p * StainMapPyramid.Channels;
            maps[o] = nuclear;
            maps[o + 1] = MathF.Max(0f, r - (nuclear * hr));
            maps[o + 2] = MathF.Max(0f, g - (nuclear * hg));
            maps[o + 3] = MathF.Max(0f, b - (nuclear * hb));
        }

        mean = ((float)(sumH / n), (float)(sumE / n), (float)(sumD / n));
        return maps;
    }

    private static double[,] Invert(double[,] m)
    {
        // adjugate over determinant; the three stain vectors are far from coplanar
        double c00 = (m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1]);
        double c01 = (m[1, 2] * m[2, 0]) - (m[1, 0] * m[2, 2]);
        double c02 = (m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0]);
        double det = (m[0, 0] * c00) + (m[0, 1] * c01) + (m[0, 2] * c02);
        return new double[,]
        {
            { c00 / det, ((m[0, 2] * m[2, 1]) - (m[0, 1] * m[2, 2])) / det,
                ((m[0, 1] * m[1, 2]) - (m[0, 2] * m[1, 1])) / det },
            { c01 / det, ((m[0, 0] * m[2, 2]) - (m[0, 2] * m[2, 0])) / det,
                ((m[0, 2] * m[1, 0]) - (m[0, 0] * m[1, 2])) / det },
            { c02 / det, ((m[0, 1] * m[2, 0]) - (m[0, 0] * m[2, 1])) / det,
                ((m[0, 0] * m[1, 1]) - (m[0, 1] * m[1, 0])) / det },
        };
    }
}
