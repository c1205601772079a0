namespace Twin.Optics.Psf;

/// <summary>
/// The incoherent brightfield point-spread function as a function of defocus, approximated by a
/// 2-D Gaussian whose variance is the sum of the in-focus diffraction spot's and the geometric
/// defocus disc's.
/// </summary>
/// <remarks>
/// In focus, the Airy pattern is best matched by a Gaussian of σ₀ ≈ 0.21 λ/NA (Zhang, Zerubia and
/// Olivo-Marin, Appl. Opt. 46:1819, 2007). Out of focus by z, geometric optics gives a uniform
/// disc of radius R = |z|·tan(asin(NA/n)), whose second moment per axis is R²/4. Adding the two
/// variances gives σ(z)² = σ₀² + R²/4, which tends to the right limit at both ends and never
/// shrinks as |z| grows.
/// </remarks>
public static class DefocusPsf
{
    /// <summary>Gaussian σ of the PSF in the object plane, µm.</summary>
    /// <param name="defocusUm">Distance of the object from the focal plane, µm (either sign).</param>
    /// <param name="wavelengthUm">Wavelength, µm.</param>
    /// <param name="objective">The optics.</param>
    public static double SigmaUm(double defocusUm, double wavelengthUm, ObjectiveModel objective)
    {
        double na = objective.NumericalAperture;
        double sigma0 = 0.21 * wavelengthUm / na;
        double r = Math.Abs(defocusUm) * Math.Tan(Math.Asin(na / objective.RefractiveIndex));
        return Math.Sqrt((sigma0 * sigma0) + (r * r / 4.0));
    }
}
