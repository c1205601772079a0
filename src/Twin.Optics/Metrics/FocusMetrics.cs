namespace Twin.Optics.Metrics;

/// <summary>
/// Image sharpness measures on a grey image (row-major, w × h). All grow as the image sharpens;
/// gradient- and variance-based measures rank best on brightfield histology (Redondo et al.,
/// J Biomed Opt 17:036008, 2012).
/// </summary>
public static class FocusMetrics
{
    /// <summary>Brenner gradient: mean of (I(x+2) − I(x))² along rows.</summary>
    public static double Brenner(ReadOnlySpan<float> image, int w, int h)
    {
        double sum = 0;
        for (int y = 0; y < h; y++)
        {
            ReadOnlySpan<float> row = image.Slice(y * w, w);
            for (int x = 0; x + 2 < w; x++)
            {
                double d = row[x + 2] - row[x];
                sum += d * d;
            }
        }

        return sum / Math.Max(1, (w - 2) * h);
    }

    /// <summary>Tenengrad: mean of squared Sobel gradient magnitude.</summary>
    public static double Tenengrad(ReadOnlySpan<float> image, int w, int h)
    {
        double sum = 0;
        for (int y = 1; y < h - 1; y++)
        {
            for (int x = 1; x < w - 1; x++)
            {
                float a = image[((y - 1) * w) + x - 1], b = image[((y - 1) * w) + x];
                float c = image[((y - 1) * w) + x + 1], d = image[(y * w) + x - 1];
                float f = image[(y * w) + x + 1], g = image[((y + 1) * w) + x - 1];
                float hh = image[((y + 1) * w) + x], i = image[((y + 1) * w) + x + 1];
                double gx = (c + (2 * f) + i) - (a + (2 * d) + g);
                double gy = (g + (2 * hh) + i) - (a + (2 * b) + c);
                sum += (gx * gx) + (gy * gy);
            }
        }

        return sum / Math.Max(1, (w - 2) * (h - 2));
    }

    /// <summary>Normalised variance: Σ(I − μ)² / (N·μ).</summary>
    public static double NormalizedVariance(ReadOnlySpan<float> image, int w, int h)
    {
        int n = w * h;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += image[i];
        }

        mean /= n;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double d = image[i] - mean;
            sum += d * d;
        }

        return mean <= 0 ? 0 : sum / (n * mean);
    }

    /// <summary>Variance of the 4-neighbour Laplacian.</summary>
    public static double LaplacianVariance(ReadOnlySpan<float> image, int w, int h)
    {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++)
        {
            for (int x = 1; x < w - 1; x++)
            {
                int p = (y * w) + x;
                double l = image[p - 1] + image[p + 1] + image[p - w] + image[p + w]
                    - (4 * image[p]);
                sum += l;
                sumSq += l * l;
                n++;
            }
        }

        if (n == 0)
        {
            return 0;
        }

        double m = sum / n;
        return (sumSq / n) - (m * m);
    }

    /// <summary>
    /// Vertex of the parabola through three equally spaced samples (centre index 0, spacing 1):
    /// the sub-sample offset of a peak, in [−0.5, 0.5] when the centre is the largest.
    /// </summary>
    public static double ParabolicPeakOffset(double left, double centre, double right)
    {
        double denom = left - (2 * centre) + right;
        return Math.Abs(denom) < 1e-12 ? 0 : 0.5 * (left - right) / denom;
    }
}
