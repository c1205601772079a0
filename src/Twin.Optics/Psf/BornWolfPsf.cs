using System.Collections.Concurrent;
using MathNet.Numerics.Integration;

namespace Twin.Optics.Psf;

/// <summary>
/// The scalar, incoherent defocus point-spread function of a circular pupil (Born and Wolf,
/// Principles of Optics, §8.8): the intensity h(r; z) ∝ |∫₀¹ J₀(k·NA·r·ρ)·exp(i·k·W(ρ; z))·ρ dρ|²
/// in the object plane, computed by Gauss–Legendre quadrature over the pupil radius ρ.
/// </summary>
/// <remarks>
/// <para>The defocus wavefront for an object <c>z</c> µm from the focal plane is, by default, the
/// exact (non-paraxial) path difference between a ray at pupil radius ρ and the axial ray,
/// W(ρ) = z·(n − √(n² − NA²ρ²)). Its slope gives the geometric blur radius z·tan(asin(NA/n)),
/// the same disc <see cref="DefocusPsf"/> starts from. With <see cref="Paraxial"/> set, Born and
/// Wolf's quadratic form W = z·NA²ρ²/(2n) is used instead (it understates the blur at NA 0.75
/// by the factor cos θ ≈ 0.66).</para>
/// <para>Normalised so the intensity integrates to 1 over the plane: by Parseval's theorem for
/// the Hankel transform, ∫|U|² dA = 4π/(k·NA)² for U = 2∫J₀(vρ)e^{ikW}ρdρ, whatever W.</para>
/// </remarks>
public sealed class BornWolfPsf
{
    // LIMITATION: scalar, uniform pupil: no aplanatic √cos θ apodisation, no polarisation

    private static readonly ConcurrentDictionary<int, (double[] X, double[] W)> Rules = new();

    /// <summary>Creates the PSF of one wavelength and aperture.</summary>
    /// <param name="wavelengthUm">Vacuum wavelength, µm (for example 0.55).</param>
    /// <param name="numericalAperture">Objective NA, 0 &lt; NA &lt; n (default 0.75, as
    /// <see cref="ObjectiveModel.NumericalAperture"/>).</param>
    /// <param name="refractiveIndex">Index of the object space, 1.0 for a dry objective.</param>
    /// <param name="paraxial">Use the paraxial defocus phase instead of the exact one.</param>
    public BornWolfPsf(
        double wavelengthUm, double numericalAperture = 0.75, double refractiveIndex = 1.0,
        bool paraxial = false)
    {
        if (!(wavelengthUm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(wavelengthUm), wavelengthUm,
                "wavelength must be > 0 µm");
        }

        if (!(numericalAperture > 0 && numericalAperture < refractiveIndex))
        {
            throw new ArgumentOutOfRangeException(nameof(numericalAperture), numericalAperture,
                $"NA must lie in (0, n = {refractiveIndex})");
        }

        WavelengthUm = wavelengthUm;
        NumericalAperture = numericalAperture;
        RefractiveIndex = refractiveIndex;
        Paraxial = paraxial;
    }

    /// <summary>Vacuum wavelength, µm.</summary>
    public double WavelengthUm { get; }

    /// <summary>Numerical aperture (dimensionless).</summary>
    public double NumericalAperture { get; }

    /// <summary>Refractive index of the object space (dimensionless).</summary>
    public double RefractiveIndex { get; }

    /// <summary>True when the paraxial defocus phase z·NA²ρ²/(2n) is used.</summary>
    public bool Paraxial { get; }

    /// <summary>Wavenumber 2π/λ, rad/µm.</summary>
    public double WavenumberPerUm => 2 * Math.PI / WavelengthUm;

    /// <summary>
    /// Geometric radius of the defocus disc, µm: |z|·tan(asin(NA/n)) (or |z|·NA/n paraxially).
    /// </summary>
    public double GeometricRadiusUm(double defocusUm)
    {
        double s = NumericalAperture / RefractiveIndex;
        return Math.Abs(defocusUm) * (Paraxial ? s : Math.Tan(Math.Asin(s)));
    }

    /// <summary>Defocus path difference W(ρ) at pupil radius ρ (0–1), µm.</summary>
    public double PathDifferenceUm(double rho, double defocusUm)
    {
        double na = NumericalAperture * rho;
        double n = RefractiveIndex;
        return Paraxial
            ? defocusUm * na * na / (2 * n)
            : defocusUm * (n - Math.Sqrt((n * n) - (na * na)));
    }

    /// <summary>
    /// PSF intensity at radius <paramref name="rUm"/> µm from the axis in the object plane, for an
    /// object <paramref name="defocusUm"/> µm from focus; µm⁻² (integrates to 1 over the plane).
    /// </summary>
    public double Intensity(double rUm, double defocusUm)
    {
        var pupil = Pupil(defocusUm, rUm);
        return IntensityAt(pupil, rUm);
    }

    /// <summary>
    /// The radially sampled PSF for one defocus, out to the geometric disc plus 30 λ/NA (where
    /// less than ~0.5 % of the light remains outside), every λ/(40·NA) µm.
    /// </summary>
    public RadialPsf Profile(double defocusUm)
    {
        double step = WavelengthUm / (40 * NumericalAperture);
        double rMax = GeometricRadiusUm(defocusUm) + (30 * WavelengthUm / NumericalAperture);
        int n = (int)Math.Ceiling(rMax / step) + 1;
        var pupil = Pupil(defocusUm, rMax);
        var h = new double[n];
        for (int i = 0; i < n; i++)
        {
            h[i] = IntensityAt(pupil, i * step);
        }

        return new RadialPsf(step, h, defocusUm);
    }

    /// <summary>
    /// The PSF as a (2·radius + 1)² kernel on a square grid of <paramref name="pitchUm"/> µm,
    /// each weight the fraction of the light that falls on that pixel (the intensity integrated
    /// over the pixel with subSamples² points). Not renormalised: the weights sum to the
    /// encircled energy of the square, just under 1 when the square holds the PSF.
    /// </summary>
    public double[] Kernel(double defocusUm, double pitchUm, int radius, int subSamples = 4)
    {
        var profile = Profile(defocusUm);
        int size = (2 * radius) + 1;
        var kernel = new double[size * size];
        double cell = pitchUm / subSamples;
        for (int j = 0; j < size; j++)
        {
            for (int i = 0; i < size; i++)
            {
                double sum = 0;
                for (int b = 0; b < subSamples; b++)
                {
                    double y = ((j - radius) * pitchUm) + ((b + 0.5) * cell) - (0.5 * pitchUm);
                    for (int a = 0; a < subSamples; a++)
                    {
                        double x = ((i - radius) * pitchUm) + ((a + 0.5) * cell)
                            - (0.5 * pitchUm);
                        sum += profile.IntensityAt(Math.Sqrt((x * x) + (y * y)));
                    }
                }

                kernel[(j * size) + i] = sum * cell * cell;
            }
        }

        return kernel;
    }

    private double IntensityAt(in PupilSamples pupil, double rUm)
    {
        double v = WavenumberPerUm * NumericalAperture * rUm;
        double re = 0;
        double im = 0;
        for (int j = 0; j < pupil.Rho.Length; j++)
        {
            double b = BesselTable.J0(v * pupil.Rho[j]);
            re += b * pupil.Cos[j];
            im += b * pupil.Sin[j];
        }

        // U = 2∫…ρdρ; normalise by 4π/(k·NA)² so ∫h dA = 1
        double kna = WavenumberPerUm * NumericalAperture;
        return 4 * ((re * re) + (im * im)) * kna * kna / (4 * Math.PI);
    }

    /// <summary>
    /// Quadrature nodes ρⱼ on [0, 1] with weight·ρ·cos(kW) and weight·ρ·sin(kW) folded in, for
    /// radii up to <paramref name="rMaxUm"/>: the order grows with the number of oscillations.
    /// </summary>
    private PupilSamples Pupil(double defocusUm, double rMaxUm)
    {
        double k = WavenumberPerUm;
        double oscillation = (k * NumericalAperture * rMaxUm)
            + (k * Math.Abs(PathDifferenceUm(1.0, defocusUm)));
        int order = 64;
        while (order < 1024 && order < (0.75 * oscillation) + 32)
        {
            order *= 2;
        }

        var (x, w) = Rules.GetOrAdd(order, o =>
        {
            var rule = new GaussLegendreRule(0.0, 1.0, o);
            return (rule.Abscissas, rule.Weights);
        });
        var cos = new double[order];
        var sin = new double[order];
        for (int j = 0; j < order; j++)
        {
            double phase = k * PathDifferenceUm(x[j], defocusUm);
            cos[j] = w[j] * x[j] * Math.Cos(phase);
            sin[j] = w[j] * x[j] * Math.Sin(phase);
        }

        return new PupilSamples(x, cos, sin);
    }

    private readonly record struct PupilSamples(double[] Rho, double[] Cos, double[] Sin);
}
