using NUnit.Framework;
using Twin.Optics.Psf;

namespace Twin.Tests.Optics;

/// <summary>
/// The Gaussian defocus model that image formation uses, against the numerical Born–Wolf PSF.
/// Width criterion: the MTF50-equivalent σ, √(ln 2/2)/(π·f₅₀), where f₅₀ is the spatial
/// frequency at which the PSF halves contrast (the Hankel transform of the sampled PSF). It is
/// defined for every PSF, in focus (where the Airy tail makes the second moment infinite) and out
/// of focus (where rings make a 1/e² radius ambiguous), and it is the contrast that focus metrics
/// and viewers see.
/// </summary>
[TestFixture]
public sealed class PsfGaussianAgreementTests
{
    private const double Lambda = 0.55;

    private static IEnumerable<TestCaseData> Objectives()
    {
        yield return new TestCaseData(ObjectiveModel.Forty).SetArgDisplayNames("40x");
        yield return new TestCaseData(ObjectiveModel.Twenty).SetArgDisplayNames("20x");
    }

    [TestCaseSource(nameof(Objectives))]
    public void SigmaUm_WithinFiveMicronsOfFocus_Within10PercentOfBornWolfMtf50Width(
        ObjectiveModel objective)
    {
        // both magnifications share the 0.75 NA objective; the PSF depends on NA and n only
        var psf = new BornWolfPsf(Lambda, objective.NumericalAperture, objective.RefractiveIndex);
        double worst = 0;
        double worstZ = 0;
        for (int i = -20; i <= 20; i++)
        {
            double z = i * 0.25;
            double numerical = psf.Profile(z).Mtf50SigmaUm();
            double gaussian = DefocusPsf.SigmaUm(z, Lambda, objective);
            double error = (gaussian / numerical) - 1;
            if (Math.Abs(error) > Math.Abs(worst))
            {
                worst = error;
                worstZ = z;
            }
        }

        TestContext.Out.WriteLine(
            $"{objective.AppMag}x: worst Gaussian/Born–Wolf width error {worst:P1} "
            + $"at z = {worstZ} µm");
        Assert.That(Math.Abs(worst), Is.LessThanOrEqualTo(0.10));
    }

    [Test]
    public void SigmaUm_EncircledEnergyCriterion_Within20PercentOfBornWolf()
    {
        // a second, independent width: the radius holding half the light (1.1774σ for a
        // Gaussian); looser, because a single Gaussian cannot match both core and rings
        var psf = new BornWolfPsf(Lambda);
        for (int i = 0; i <= 20; i++)
        {
            double z = i * 0.25;
            double numerical = psf.Profile(z).EncircledEnergyRadiusUm(0.5);
            double gaussian = 1.1774 * DefocusPsf.SigmaUm(z, Lambda, ObjectiveModel.Forty);
            Assert.That(gaussian / numerical, Is.InRange(0.8, 1.2), $"z = {z} µm");
        }
    }

    [Test]
    public void SigmaUm_InFocus_IsTheCircularPupilMtf50Width()
    {
        // the in-focus OTF is ½ at s = 0.4040 of cut-off: σ₀ = √(ln2/2)/(π·0.404·2NA/λ)
        double expected = Math.Sqrt(Math.Log(2) / 2) / (Math.PI * 0.4040 * 2 * 0.75 / Lambda);
        Assert.That(DefocusPsf.SigmaUm(0, Lambda, ObjectiveModel.Forty),
            Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void SigmaUm_FarFromFocus_GrowsAtTheGeometricSpotRate()
    {
        // slope dσ/dz between 8 and 10 µm: c_g·(1 − s₅₀) with s₅₀ → 0, so close to c_g
        double slope = (DefocusPsf.SigmaUm(10, Lambda, ObjectiveModel.Forty)
            - DefocusPsf.SigmaUm(8, Lambda, ObjectiveModel.Forty)) / 2;
        double cg = DefocusPsf.GeometricFactor(0.75, 1.0);
        Assert.That(slope, Is.EqualTo(cg).Within(0.03 * cg));
        // and c_g lies below the uniform-disc value 0.5316·tan θ: the exact defocus phase
        // concentrates rays towards the axis
        Assert.That(cg, Is.LessThan(0.5316 * Math.Tan(Math.Asin(0.75))));
    }
}
