namespace Twin.Optics.Rendering;

/// <summary>
/// The sampled Gaussian kernels of image formation: radius and normalised taps for a σ given in
/// samples. The convolutions themselves run in a compute backend (Twin.Optics.Compute).
/// </summary>
public static class GaussianBlur
{
    /// <summary>Kernel radius used for σ (in samples): three σ, at least 1.</summary>
    public static int RadiusFor(double sigma) => Math.Max(1, (int)Math.Ceiling(3.0 * sigma));

    /// <summary>
    /// Fills a normalised Gaussian kernel of length 2r + 1 (taps sum to 1, so a uniform field
    /// stays uniform however the kernel is cut).
    /// </summary>
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
}
