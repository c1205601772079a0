using FsCheck;
using FsCheck.Fluent;
using Twin.Optics.Psf;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Optics;

/// <summary>
/// Invariants of the defocus PSFs over defocus, wavelength, aperture and pixel pitch.
/// </summary>
public sealed class PsfPropertyTests
{
    private static readonly Gen<double> Defocus =
        Gen.Choose(-6000, 6000).Select(i => i / 1000.0);

    private static readonly Gen<double> Pitch = Gen.Elements(0.13, 0.26, 0.52);

    [Property(MaxTest = 12)]
    public Property BornWolfKernel_AnyDefocusAndPitch_SumsToOne() =>
        Prop.ForAll(
            Gen.Zip(Defocus, Pitch).ToArbitrary(),
            t =>
            {
                var (z, pitch) = t;
                var psf = new BornWolfPsf(0.55);
                double reach = psf.GeometricRadiusUm(z) + (30 * 0.55 / 0.75);
                int radius = (int)Math.Ceiling(reach / pitch) + 1;
                double sum = psf.Kernel(z, pitch, radius, 2).Sum();
                // the sampled disc holds all but ~0.5 % of the light (the far Airy tail)
                return (Math.Abs(sum - 1) < 0.01).Label($"sum = {sum}");
            });

    [Property(MaxTest = 500)]
    public Property GaussianSigma_LargerDefocus_NeverNarrower() =>
        Prop.ForAll(
            (from z in Defocus
             from dz in Gen.Choose(0, 5000)
             from lambda in Gen.Choose(400, 700)
             from na in Gen.Choose(10, 95)
             select (z, dz / 1000.0, lambda / 1000.0, na / 100.0)).ToArbitrary(),
            t =>
            {
                var (z, dz, lambda, na) = t;
                var objective = ObjectiveModel.Forty with { NumericalAperture = na };
                double near = DefocusPsf.SigmaUm(z, lambda, objective);
                double far = DefocusPsf.SigmaUm(Math.Abs(z) + dz, lambda, objective);
                return (far >= near * (1 - 1e-12)).Label($"{near} > {far}");
            });

    [Property(MaxTest = 10)]
    public Property BornWolfWidth_LargerDefocus_NeverNarrower() =>
        Prop.ForAll(
            Gen.Zip(Gen.Choose(0, 4000), Gen.Choose(100, 1500)).ToArbitrary(),
            t =>
            {
                double z = t.Item1 / 1000.0;
                double dz = t.Item2 / 1000.0;
                var psf = new BornWolfPsf(0.55);
                double near = psf.Profile(z).Mtf50SigmaUm();
                double far = psf.Profile(-(z + dz)).Mtf50SigmaUm();
                return (far >= near).Label($"{near} > {far}");
            });
}
