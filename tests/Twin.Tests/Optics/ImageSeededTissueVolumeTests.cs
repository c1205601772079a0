using NUnit.Framework;
using Twin.Optics.Imaging;
using Twin.Optics.Stains;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>
/// Stain separation, depth extrusion, lateral mapping and sampling of the image-seeded section,
/// on small PNGs written by <see cref="SeedImages"/>.
/// </summary>
[TestFixture]
public sealed class ImageSeededTissueVolumeTests
{
    // 0.5 µm/px: pixel i has its centre at (i + 0.5) · 0.5 µm
    private const double Px = 0.5;

    [Test]
    public void Load_HaematoxylinPatch_SeparatesIntoHaematoxylin()
    {
        string path = SeedImages.WritePng("haem.png", SeedImages.Patch(64, 8, 0.6, 0, 0));
        var v = ImageSeededTissueVolume.Load(path, 32, 32, 4);
        var a = v.AmountsAt(16, 16);
        Assert.That(a.Haematoxylin, Is.EqualTo(0.6).Within(0.02));
        Assert.That(a.Eosin, Is.LessThan(0.02));
        Assert.That(a.Dab, Is.LessThan(0.02));
    }

    [Test]
    public void Load_DabPatch_SeparatesIntoDab()
    {
        string path = SeedImages.WritePng("dab.png", SeedImages.Patch(64, 8, 0, 0, 0.5));
        var v = ImageSeededTissueVolume.Load(path, 32, 32, 4);
        var a = v.AmountsAt(16, 16);
        Assert.That(a.Dab, Is.EqualTo(0.5).Within(0.02));
        Assert.That(a.Haematoxylin, Is.LessThan(0.02));
        Assert.That(a.Eosin, Is.LessThan(0.02));
    }

    [Test]
    public void Load_EosinPatch_SeparatesIntoEosin()
    {
        string path = SeedImages.WritePng("eosin.png", SeedImages.Patch(64, 8, 0, 0.4, 0));
        var v = ImageSeededTissueVolume.Load(path, 32, 32, 4);
        var a = v.AmountsAt(16, 16);
        Assert.That(a.Eosin, Is.EqualTo(0.4).Within(0.02));
        Assert.That(a.Haematoxylin, Is.LessThan(0.02));
        Assert.That(a.Dab, Is.LessThan(0.02));
    }

    [Test]
    public void Load_GlassAt240_EstimatesGlassLevelFromBrightPixels()
    {
        var image = new RgbImage(40, 40);
        image.Fill(240, 240, 240);
        var (r, g, b) = SeedImages.Colour(0.5, 0, 0.3, glass: 240);
        for (int y = 10; y < 30; y++)
        {
            for (int x = 10; x < 30; x++)
            {
                SeedImages.Set(image, x, y, r, g, b);
            }
        }

        var v = ImageSeededTissueVolume.FromImage(image, 20, 20, 4);
        Assert.That(v.GlassLevel, Is.EqualTo((240f, 240f, 240f)));
        Assert.That(v.AmountsAt(10, 10).Haematoxylin, Is.EqualTo(0.5).Within(0.02));
        Assert.That(v.AmountsAt(10, 10).Dab, Is.EqualTo(0.3).Within(0.02));
    }

    [Test]
    public void Load_NoGlassInImage_FallsBackToDefaultGlassLevel()
    {
        var image = new RgbImage(16, 16);
        var (r, g, b) = SeedImages.Colour(0.5, 0, 0.3);
        image.Fill(r, g, b);
        var v = ImageSeededTissueVolume.FromImage(image, 8, 8, 4);
        float level = (float)ImageSeededTissueVolume.DefaultGlassLevel;
        Assert.That(v.GlassLevel, Is.EqualTo((level, level, level)));
    }

    [Test]
    public void SampleRegion_WhiteImage_ZeroOd()
    {
        var white = new RgbImage(32, 32);
        white.Fill(255, 255, 255);
        string path = SeedImages.WritePng("white.png", white);
        foreach (double? glass in new double?[] { null, 242 })
        {
            var v = ImageSeededTissueVolume.Load(path, 16, 16, 4, glassLevel: glass);
            var od = new float[v.Slices * 3 * 20 * 20];
            v.SampleRegion(-1, -1, 0.9, 20, 20, od);
            Assert.That(od, Is.All.EqualTo(0f), $"glass {glass}");
            Assert.That(v.SampleCoarse(8, 8, 16), Is.EqualTo((0f, 0f, 0f)));
        }
    }

    [Test]
    public void SampleRegion_SumOverSlices_EqualsMeasuredOdWithinOnePercent()
    {
        // left half an IHC mix (H + DAB), right half an H&E mix, glass border; the grid lands on
        // pixel centres so each sample is one pixel and the layout can be checked point by point
        var image = new RgbImage(40, 24);
        image.Fill(255, 255, 255);
        var ihc = SeedImages.Colour(0.45, 0, 0.35);
        var he = SeedImages.Colour(0.5, 0.3, 0);
        for (int y = 4; y < 20; y++)
        {
            for (int x = 4; x < 36; x++)
            {
                var (r, g, b) = x < 20 ? ihc : he;
                SeedImages.Set(image, x, y, r, g, b);
            }
        }

        string path = SeedImages.WritePng("mix.png", image);
        var v = ImageSeededTissueVolume.Load(path, 20, 12, 4.5);
        Assert.That(v.Slices, Is.EqualTo(5));
        const int w = 13, h = 7, step = 3;
        var od = new float[v.Slices * 3 * w * h];
        v.SampleRegion(Px / 2, Px / 2, step * Px, w, h, od);
        int plane = w * h;
        for (int row = 0; row < h; row++)
        {
            for (int col = 0; col < w; col++)
            {
                for (int c = 0; c < 3; c++)
                {
                    double sum = 0;
                    for (int s = 0; s < v.Slices; s++)
                    {
                        sum += od[(((s * 3) + c) * plane) + (row * w) + col];
                    }

                    double measured = SeedImages.MeasuredOd(image, col * step, row * step, c);
                    Assert.That(sum, Is.EqualTo(measured).Within(0.01 * measured + 1e-6),
                        $"row {row} col {col} channel {c}");
                }
            }
        }
    }

    [Test]
    public void DepthProfile_Haematoxylin_GaussianAboutMidSection()
    {
        var v = ImageSeededTissueVolume.FromImage(SeedImages.Patch(16, 2, 0.5, 0, 0), 8, 8, 4);
        var wts = v.HaematoxylinSliceWeights;
        Assert.That(wts, Has.Count.EqualTo(4));
        Assert.That(wts.Sum(), Is.EqualTo(1f).Within(1e-6));
        // erf shares of N(2, 1.2²) over [0,1], [1,2] µm, renormalised over [0, 4] µm
        Assert.That(wts[0], Is.EqualTo(0.1712).Within(5e-4));
        Assert.That(wts[1], Is.EqualTo(0.3288).Within(5e-4));
        Assert.That(wts[3], Is.EqualTo(wts[0]).Within(1e-6));
        Assert.That(wts[2], Is.EqualTo(wts[1]).Within(1e-6));
        Assert.That(v.EvenSliceWeights, Is.All.EqualTo(0.25f));
    }

    [Test]
    public void SampleRegion_HaematoxylinPeaksMidSection_DabEvenThroughDepth()
    {
        var image = new RgbImage(32, 16);
        image.Fill(255, 255, 255);
        var haem = SeedImages.Colour(0.6, 0, 0);
        var dab = SeedImages.Colour(0, 0, 0.6);
        for (int y = 2; y < 14; y++)
        {
            for (int x = 2; x < 30; x++)
            {
                var (r, g, b) = x < 16 ? haem : dab;
                SeedImages.Set(image, x, y, r, g, b);
            }
        }

        var v = ImageSeededTissueVolume.FromImage(image, 16, 8, 5);
        var od = new float[v.Slices * 3 * 2];
        v.SampleRegion(4, 4, 8, 2, 1, od);
        float[] haemBlue = [.. Enumerable.Range(0, v.Slices).Select(s => od[(s * 6) + 4])];
        float[] dabBlue = [.. Enumerable.Range(0, v.Slices).Select(s => od[(s * 6) + 5])];
        Assert.That(haemBlue[2], Is.GreaterThan(haemBlue[1]));
        Assert.That(haemBlue[1], Is.GreaterThan(haemBlue[0]));
        Assert.That(haemBlue[0], Is.EqualTo(haemBlue[4]).Within(1e-6));
        Assert.That(dabBlue, Is.All.EqualTo(dabBlue[0]).Within(1e-6));
    }

    [TestCase(0.5, 1)]
    [TestCase(3.5, 4)]
    [TestCase(4.0, 4)]
    [TestCase(4.2, 5)]
    public void Slices_Thickness_CeilingOfOneMicrometre(double thicknessUm, int slices)
    {
        var v = ImageSeededTissueVolume.FromImage(SeedImages.Patch(8, 1, 0.5, 0, 0), 4, 4,
            thicknessUm);
        Assert.That(v.Slices, Is.EqualTo(slices));
    }

    [Test]
    public void SampleRegion_AreaLargerThanImage_MirrorTiledAndContinuous()
    {
        // a ramp of haematoxylin along x: 16 px = 8 µm, tiled over 40 µm
        var image = new RgbImage(16, 4);
        for (int x = 0; x < 16; x++)
        {
            var (r, g, b) = SeedImages.Colour(0.05 + (0.05 * x), 0, 0);
            for (int y = 0; y < 4; y++)
            {
                SeedImages.Set(image, x, y, r, g, b);
            }
        }

        var v = ImageSeededTissueVolume.FromImage(image, 40, 2, 4, glassLevel: 255);
        foreach (double edge in new[] { 8.0, 16.0, 24.0 })
        {
            foreach (double d in new[] { 0.1, 0.7, 2.3 })
            {
                Assert.That(v.AmountsAt(edge + d, 1).Haematoxylin,
                    Is.EqualTo(v.AmountsAt(edge - d, 1).Haematoxylin).Within(1e-5),
                    $"mirror about {edge} µm at ±{d} µm");
            }
        }

        // no step anywhere: neighbours 0.1 µm apart differ by at most one ramp step per 0.5 µm
        const int n = 400;
        var od = new float[v.Slices * 3 * n];
        v.SampleRegion(0, 1, 0.1, n, 1, od);
        double ramp = 0.05 * Stain.Haematoxylin.Red;
        for (int i = 1; i < n; i++)
        {
            double jump = Math.Abs(TotalRed(od, v.Slices, n, i) - TotalRed(od, v.Slices, n, i - 1));
            Assert.That(jump, Is.LessThanOrEqualTo((ramp * 0.1 / Px) + 2e-3), $"sample {i}");
        }
    }

    [Test]
    public void SampleRegion_OutsideTissueArea_Glass()
    {
        var v = ImageSeededTissueVolume.FromImage(SeedImages.Patch(16, 0, 0.5, 0, 0.2), 8, 8, 4,
            glassLevel: 255);
        const int n = 12;
        var od = new float[v.Slices * 3 * n * n];
        // x and y from −2 to 9 µm: columns and rows 0, 1 and 11 lie outside [0, 8] µm
        v.SampleRegion(-2, -2, 1, n, n, od);
        for (int s = 0; s < v.Slices; s++)
        {
            for (int c = 0; c < 3; c++)
            {
                for (int row = 0; row < n; row++)
                {
                    for (int col = 0; col < n; col++)
                    {
                        float value = od[(((s * 3) + c) * n * n) + (row * n) + col];
                        bool outside = row < 2 || col < 2 || row > 10 || col > 10;
                        Assert.That(value == 0f, Is.EqualTo(outside), $"row {row} col {col}");
                    }
                }
            }
        }
    }

    [Test]
    public void SampleCoarse_UniformImage_EqualsColumnOd()
    {
        var image = new RgbImage(64, 64);
        var (r, g, b) = SeedImages.Colour(0.4, 0, 0.3);
        image.Fill(r, g, b);
        var v = ImageSeededTissueVolume.FromImage(image, 32, 32, 4, glassLevel: 255);
        var inside = v.SampleCoarse(16, 16, 20);
        Assert.That(inside.Red, Is.EqualTo(SeedImages.MeasuredOd(image, 0, 0, 0)).Within(0.005));
        Assert.That(inside.Green, Is.EqualTo(SeedImages.MeasuredOd(image, 0, 0, 1)).Within(0.005));
        Assert.That(inside.Blue, Is.EqualTo(SeedImages.MeasuredOd(image, 0, 0, 2)).Within(0.005));
        // centred on the corner, a quarter of the footprint is tissue
        var corner = v.SampleCoarse(0, 0, 8);
        Assert.That(corner.Blue, Is.EqualTo(inside.Blue / 4).Within(0.002));
    }

    [Test]
    public void SampleCoarse_HalfAndHalf_AveragesOverFootprint()
    {
        var image = new RgbImage(64, 64);
        image.Fill(255, 255, 255);
        var (r, g, b) = SeedImages.Colour(0.6, 0, 0);
        for (int y = 0; y < 64; y++)
        {
            for (int x = 0; x < 32; x++)
            {
                SeedImages.Set(image, x, y, r, g, b);
            }
        }

        var v = ImageSeededTissueVolume.FromImage(image, 32, 32, 4, glassLevel: 255);
        var whole = v.SampleCoarse(16, 16, 32);
        Assert.That(whole.Red,
            Is.EqualTo(SeedImages.MeasuredOd(image, 0, 0, 0) / 2).Within(0.01));
    }

    [Test]
    public void Load_SameFileTwice_IdenticalSamples()
    {
        var image = new RgbImage(50, 30);
        byte[] noise = SeedImages.NoiseBytes(image.Pixels.Length, 7);
        for (int i = 0; i < noise.Length; i++)
        {
            image.Pixels[i] = (byte)(96 + (noise[i] % 160));
        }

        string path = SeedImages.WritePng("noise.png", image);
        float[] first = Sample(ImageSeededTissueVolume.Load(path, 60, 20, 4, 0.37));
        float[] second = Sample(ImageSeededTissueVolume.Load(path, 60, 20, 4, 0.37));
        Assert.That(second, Is.EqualTo(first).AsCollection);
        Assert.That(first.Count(x => x > 0), Is.GreaterThan(first.Length / 2));
        var a = ImageSeededTissueVolume.Load(path, 60, 20, 4, 0.37);
        Assert.That(a.SampleCoarse(30, 10, 12), Is.EqualTo(a.SampleCoarse(30, 10, 12)));
        Assert.That(Sample(a), Is.EqualTo(Sample(a)).AsCollection);
    }

    [TestCase(0.0, 10.0, 4.0, 0.5)]
    [TestCase(10.0, double.NaN, 4.0, 0.5)]
    [TestCase(10.0, 10.0, -1.0, 0.5)]
    [TestCase(10.0, 10.0, 4.0, 0.0)]
    public void FromImage_NonPositiveSize_ThrowsArgumentOutOfRange(
        double widthUm, double heightUm, double thicknessUm, double pixelUm)
    {
        var image = SeedImages.Patch(8, 1, 0.5, 0, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ImageSeededTissueVolume.FromImage(image, widthUm, heightUm, thicknessUm, pixelUm));
    }

    [TestCase(0.5)]
    [TestCase(300.0)]
    public void FromImage_GlassLevelOutside1To255_ThrowsArgumentOutOfRange(double glass)
    {
        var image = SeedImages.Patch(8, 1, 0.5, 0, 0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ImageSeededTissueVolume.FromImage(image, 4, 4, 4, glassLevel: glass));
        Assert.That(ex!.ParamName, Is.EqualTo("glassLevel"));
    }

    private static float[] Sample(ImageSeededTissueVolume v)
    {
        var od = new float[v.Slices * 3 * 90 * 40];
        v.SampleRegion(-3, -2, 0.71, 90, 40, od);
        return od;
    }

    private static double TotalRed(float[] od, int slices, int plane, int p)
    {
        double sum = 0;
        for (int s = 0; s < slices; s++)
        {
            sum += od[(s * 3 * plane) + p];
        }

        return sum;
    }
}
