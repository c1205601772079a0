using MathNet.Numerics;
using NUnit.Framework;
using Twin.Optics.Psf;

namespace Twin.Tests.Optics;

/// <summary>
/// The numerical Born–Wolf PSF against closed forms it must reproduce: the Airy pattern in focus
/// and the paraxial on-axis intensity out of focus.
/// </summary>
[TestFixture]
public sealed class PsfBornWolfTests
{
    private const double Lambda = 0.55;
    private const double Na = 0.75;

    [Test]
    public void Intensity_InFocusOnAxis_EqualsAiryPeakForUnitPower()
    {
        // a unit-power Airy pattern peaks at π·NA²/λ² per µm²
        var psf = new BornWolfPsf(Lambda, Na);
        double expected = Math.PI * Na * Na / (Lambda * Lambda);
        Assert.That(psf.Intensity(0, 0), Is.EqualTo(expected).Within(1e-9 * expected));
    }

    [TestCase(1.0)]
    [TestCase(3.8317)]
    [TestCase(7.0156)]
    public void EncircledEnergy_InFocus_MatchesAiryClosedForm(double v)
    {
        // Rayleigh: the light inside v = k·NA·r is 1 − J₀²(v) − J₁²(v)
        var psf = new BornWolfPsf(Lambda, Na);
        double r = v / (2 * Math.PI / Lambda * Na);
        double j0 = SpecialFunctions.BesselJ(0, v);
        double j1 = SpecialFunctions.BesselJ(1, v);
        double expected = 1 - (j0 * j0) - (j1 * j1);
        Assert.That(psf.Profile(0).EncircledEnergy(r), Is.EqualTo(expected).Within(2e-3));
    }

    [TestCase(0.3)]
    [TestCase(0.9)]
    [TestCase(1.7)]
    [TestCase(-2.5)]
    public void Intensity_ParaxialOnAxis_EqualsSincSquared(double z)
    {
        // U(0) = 2∫exp(iaρ²)ρdρ with a = k·z·NA²/(2n): |U|² = sinc²(a/2) (Born & Wolf §8.8)
        var psf = new BornWolfPsf(Lambda, Na, paraxial: true);
        double a = 2 * Math.PI / Lambda * z * Na * Na / 2;
        double sinc = Math.Sin(a / 2) / (a / 2);
        double peak = Math.PI * Na * Na / (Lambda * Lambda);
        Assert.That(psf.Intensity(0, z) / peak, Is.EqualTo(sinc * sinc).Within(1e-9));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(4.0)]
    public void Profile_AnyDefocus_HoldsAllButAFewThousandthsOfTheLight(double z)
    {
        double total = new BornWolfPsf(Lambda, Na).Profile(z).TotalEnergy;
        Assert.That(total, Is.InRange(0.99, 1.0 + 1e-6));
    }

    [Test]
    public void Mtf_InFocus_MatchesCircularPupilOtf()
    {
        // incoherent OTF of a clear circular pupil: (2/π)(acos s − s√(1 − s²)), s = f·λ/(2NA)
        var profile = new BornWolfPsf(Lambda, Na).Profile(0);
        foreach (double s in new[] { 0.1, 0.4, 0.7 })
        {
            double expected = 2 / Math.PI * (Math.Acos(s) - (s * Math.Sqrt(1 - (s * s))));
            double f = s * 2 * Na / Lambda;
            Assert.That(profile.Mtf(f), Is.EqualTo(expected).Within(0.01), $"s = {s}");
        }
    }

    [Test]
    public void GeometricRadius_NonParaxial_IsTanOfAsinNa()
    {
        // 1.134·|z| at NA 0.75 in air (REFERENCES.md: geometric defocus blur radius)
        var psf = new BornWolfPsf(Lambda, Na);
        Assert.That(psf.GeometricRadiusUm(-2.0), Is.EqualTo(2 * Math.Tan(Math.Asin(Na)))
            .Within(1e-12));
    }
}
