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
    /// Stain amounts of every pixel, interleaved [row][col][H, E, DAB], negative amounts clamped
    /// to 0. Also returns the image mean of each amount.
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

        float m00 = (float)Unmix[0, 0], m01 = (float)Unmix[0, 1], m02 = (float)Unmix[0, 2];
        float m10 = (float)Unmix[1, 0], m11 = (float)Unmix[1, 1], m12 = (float)Unmix[1, 2];
        float m20 = (float)Unmix[2, 0], m21 = (float)Unmix[2, 1], m22 = (float)Unmix[2, 2];
        byte[] px = image.Pixels;
        var conc = new float[px.Length];
        double sumH = 0, sumE = 0, sumD = 0;
        for (int i = 0; i < px.Length; i += 3)
        {
            float r = lut[0][px[i]];
            float g = lut[1][px[i + 1]];
            float b = lut[2][px[i + 2]];
            // row vector OD = c·M, so c = OD·M⁻¹: amount k uses column k of the inverse
            float h = Math.Max(0f, (r * m00) + (g * m10) + (b * m20));
            float e = Math.Max(0f, (r * m01) + (g * m11) + (b * m21));
            float d = Math.Max(0f, (r * m02) + (g * m12) + (b * m22));
            conc[i] = h;
            conc[i + 1] = e;
            conc[i + 2] = d;
            sumH += h;
            sumE += e;
            sumD += d;
        }

        double n = (double)image.Width * image.Height;
        mean = ((float)(sumH / n), (float)(sumE / n), (float)(sumD / n));
        return conc;
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
