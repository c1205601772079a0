using System.Numerics;

namespace Twin.Optics.Rendering;

/// <summary>
/// Separable Gaussian convolution of float planes, vectorised with System.Numerics over columns.
/// Works on a "valid" window: the source carries a halo of <c>halo</c> samples on every side and
/// the destination is the interior.
/// </summary>
public static class GaussianBlur
{
    /// <summary>Kernel radius used for σ (in samples): three σ, at least 1.</summary>
    public static int RadiusFor(double sigma) => Math.Max(1, (int)Math.Ceiling(3.0 * sigma));

    /// <summary>
    /// Blurs the (w + 2·halo) × (h + 2·halo) window of <paramref name="src"/> that starts at
    /// <paramref name="srcOffset"/> with row stride <paramref name="srcStride"/>, and adds the
    /// w × h interior result to <paramref name="dst"/> (row-major, stride w).
    /// </summary>
    public static void BlurAdd(
        ReadOnlySpan<float> src, int srcOffset, int srcStride, int w, int h, int halo,
        double sigma, Span<float> dst, Span<float> scratch)
    {
        // LIMITATION: the kernel is cut at the halo when 3σ exceeds it, losing the far tail
        int r = Math.Min(RadiusFor(sigma), halo);
        Span<float> kernel = stackalloc float[(2 * r) + 1];
        Kernel(sigma, kernel);
        int tw = w;
        int th = h + (2 * halo);
        if (scratch.Length < tw * th)
        {
            throw new ArgumentException("scratch too small", nameof(scratch));
        }

        // horizontal pass over every row of the window, interior columns only
        for (int y = 0; y < th; y++)
        {
            ReadOnlySpan<float> row = src.Slice(srcOffset + (y * srcStride), w + (2 * halo));
            Span<float> outRow = scratch.Slice(y * tw, tw);
            Convolve(row, halo - r, kernel, outRow);
        }

        // vertical pass: each output row is a weighted sum of 2r+1 scratch rows
        int vw = Vector<float>.Count;
        for (int y = 0; y < h; y++)
        {
            Span<float> outRow = dst.Slice(y * w, w);
            for (int k = 0; k < kernel.Length; k++)
            {
                ReadOnlySpan<float> inRow = scratch.Slice((y + halo - r + k) * tw, tw);
                var wk = new Vector<float>(kernel[k]);
                int x = 0;
                for (; x <= w - vw; x += vw)
                {
                    var acc = new Vector<float>(outRow[x..]);
                    (acc + (wk * new Vector<float>(inRow[x..]))).CopyTo(outRow[x..]);
                }

                for (; x < w; x++)
                {
                    outRow[x] += kernel[k] * inRow[x];
                }
            }
        }
    }

    /// <summary>Fills a normalised Gaussian kernel of length 2r + 1.</summary>
    public static void Kernel(double sigma, Span<float> kernel)
    {
        int r = kernel.Length / 2;
        double s = Math.Max(sigma, 1e-3);
        double sum = 0;
        for (int i = -r; i <= r; i++)
        {
            sum += Math.Exp(-(i * i) / (2 * s * s));
        }

        for (int i = -r; i <= r; i++)
        {
            kernel[i + r] = (float)(Math.Exp(-(i * i) / (2 * s * s)) / sum);
        }
    }

    private static void Convolve(
        ReadOnlySpan<float> row, int start, ReadOnlySpan<float> kernel, Span<float> outRow)
    {
        int w = outRow.Length;
        int vw = Vector<float>.Count;
        outRow.Clear();
        for (int k = 0; k < kernel.Length; k++)
        {
            var wk = new Vector<float>(kernel[k]);
            ReadOnlySpan<float> shifted = row[(start + k)..];
            int x = 0;
            for (; x <= w - vw; x += vw)
            {
                var acc = new Vector<float>(outRow[x..]);
                (acc + (wk * new Vector<float>(shifted[x..]))).CopyTo(outRow[x..]);
            }

            for (; x < w; x++)
            {
                outRow[x] += kernel[k] * shifted[x];
            }
        }
    }
}
