using NUnit.Framework;
using Twin.Optics.Metrics;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>The image former end to end: glass, Beer–Lambert, determinism, defocus.</summary>
[TestFixture]
public sealed class RenderImageFormerTests
{
    [Test]
    public void RenderTile_Glass_ReadsTheGlassLevelWithShotAndReadNoise()
    {
        // outside the tissue: T = 1, so the mean is the glass level, 242 DN, and the noise is
        // √(8000 + 15²) e⁻ = 90.7 e⁻, i.e. 2.74 DN
        var former = RenderScenes.Former(TissueKinds.DenseTumour, 4, 1, ObjectiveModel.Forty);
        var rgb = new byte[64 * 64 * 3];
        former.RenderTile(-500, -500, 64, 64, 2, 11, rgb);
        double mean = rgb.Average(b => (double)b);
        double sd = Math.Sqrt(rgb.Average(b => (b - mean) * (b - mean)));
        Assert.That(mean, Is.EqualTo(242).Within(0.2));
        Assert.That(sd, Is.EqualTo(2.74).Within(0.15));
    }

    [Test]
    public void RenderTile_SameSeed_SameBytes_OtherSeed_OtherNoise()
    {
        var former = RenderScenes.Former(TissueKinds.Skin, 4, 2, ObjectiveModel.Twenty);
        var a = new byte[48 * 40 * 3];
        var b = new byte[a.Length];
        var c = new byte[a.Length];
        former.RenderTile(500, 700, 48, 40, 1.7, 5, a);
        former.RenderTile(500, 700, 48, 40, 1.7, 5, b);
        former.RenderTile(500, 700, 48, 40, 1.7, 6, c);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c, Is.Not.EqualTo(a));
    }

    [TestCase(0.0)]
    [TestCase(2.0)]
    [TestCase(7.5)]
    public void Transmission_UniformSlab_IsBeerLambertAtAnyFocus(double focusUm)
    {
        // a laterally uniform absorber: blur cannot change it, so T = 10^(−Σ OD) per channel
        var slab = new UniformSlab(4, [0.05f, 0.2f, 0.1f]);
        var former = new ImageFormer(slab, ObjectiveModel.Twenty, SensorModel.Default);
        var t = new float[3 * 20 * 10];
        former.Transmission(0, 0, 20, 10, [focusUm], 10, [0, 1, 2], t);
        for (int c = 0; c < 3; c++)
        {
            double expected = Math.Pow(10, -4 * slab.OdPerSlice[c]);
            for (int p = 0; p < 200; p++)
            {
                Assert.That(t[(c * 200) + p], Is.EqualTo(expected).Within(1e-5));
            }
        }
    }

    [Test]
    public void Transmission_ThreeMicronsDefocus_HalvesFineDetail()
    {
        // 3 µm above mid-section the nearest slice is 1 µm out of focus, more than the depth of
        // field: the Brenner gradient (detail at 2-pixel scale) falls to under half
        var former = RenderScenes.Former(TissueKinds.DenseTumour, 4, 3, ObjectiveModel.Forty);
        double Sharpness(double focus)
        {
            var t = new float[128 * 128];
            former.Transmission(800, 800, 128, 128, [focus], 128, [1], t);
            return FocusMetrics.Brenner(t, 128, 128);
        }

        Assert.That(Sharpness(5.0), Is.LessThan(0.5 * Sharpness(2.0)));
    }

    /// <summary>A laterally uniform section: every slice absorbs the same OD everywhere.</summary>
    private sealed class UniformSlab(int slices, float[] odPerSlice) : ITissueVolume
    {
        public float[] OdPerSlice => odPerSlice;

        public double ThicknessUm => slices;

        public int Slices => slices;

        public double WidthUm => 1e6;

        public double HeightUm => 1e6;

        public void SampleRegion(
            double x0Um, double y0Um, double pitchUm, int w, int h, Span<float> od)
        {
            for (int s = 0; s < slices; s++)
            {
                for (int c = 0; c < 3; c++)
                {
                    od.Slice(((s * 3) + c) * w * h, w * h).Fill(odPerSlice[c]);
                }
            }
        }

        public (float Red, float Green, float Blue) SampleCoarse(
            double xUm, double yUm, double footprintUm) =>
            (slices * odPerSlice[0], slices * odPerSlice[1], slices * odPerSlice[2]);
    }
}
