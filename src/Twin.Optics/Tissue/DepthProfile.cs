using MathNet.Numerics;

namespace Twin.Optics.Tissue;

/// <summary>
/// How a column's stain is shared among equal depth slices. Each set of weights sums to 1, so
/// the OD summed over depth equals the column's measured OD whatever the profile.
/// </summary>
internal static class DepthProfile
{
    /// <summary>Every slice gets the same share, 1/slices.</summary>
    public static float[] Uniform(int slices)
    {
        var w = new float[slices];
        Array.Fill(w, 1f / slices);
        return w;
    }

    /// <summary>
    /// Shares of a Gaussian centred at mid-section with standard deviation σ µm, integrated over
    /// each slice of a section <paramref name="thicknessUm"/> µm thick and renormalised over the
    /// section (the tails beyond the faces are cut off, not folded in).
    /// </summary>
    public static float[] MidSectionGaussian(double thicknessUm, int slices, double sigmaUm)
    {
        double mid = 0.5 * thicknessUm;
        double slice = thicknessUm / slices;
        double scale = 1.0 / (Math.Sqrt(2.0) * sigmaUm);
        var raw = new double[slices];
        double total = 0;
        for (int s = 0; s < slices; s++)
        {
            double lo = ((s * slice) - mid) * scale;
            double hi = (((s + 1) * slice) - mid) * scale;
            // slice share of the normal distribution, by erf differences
            raw[s] = 0.5 * (SpecialFunctions.Erf(hi) - SpecialFunctions.Erf(lo));
            total += raw[s];
        }

        var w = new float[slices];
        for (int s = 0; s < slices; s++)
        {
            w[s] = (float)(raw[s] / total);
        }

        return w;
    }
}
