using NUnit.Framework;
using Twin.Optics.Rendering;

namespace Twin.Tests.Optics;

/// <summary>Planes of 8-bit levels packed into interleaved RGB bytes.</summary>
[TestFixture]
public sealed class RenderRgbPackingTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(15)]
    [TestCase(16)]
    [TestCase(17)]
    [TestCase(48)]
    [TestCase(65536 + 7)]
    public void Interleave_AnyLength_PutsEachPlaneAtItsOffset(int n)
    {
        var rng = new Random(n);
        float[][] planes = [new float[n], new float[n], new float[n]];
        foreach (var plane in planes)
        {
            for (int i = 0; i < n; i++)
            {
                plane[i] = rng.Next(256);
            }
        }

        var rgb = new byte[(3 * n) + 5];
        rgb.AsSpan(3 * n).Fill(0xAB);
        RgbPacking.Interleave(planes[0], planes[1], planes[2], rgb);
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.That(rgb[(3 * i) + c], Is.EqualTo((byte)planes[c][i]), $"pixel {i} c {c}");
            }
        }

        // nothing written past the pixels
        Assert.That(rgb.Skip(3 * n), Is.All.EqualTo(0xAB));
    }

    [Test]
    public void Interleave_ExtremeLevels_KeepZeroAnd255()
    {
        float[] r = [.. Enumerable.Repeat(255f, 20)];
        float[] g = new float[20];
        float[] b = [.. Enumerable.Range(0, 20).Select(i => (float)(i * 13))];
        var rgb = new byte[60];
        RgbPacking.Interleave(r, g, b, rgb);
        Assert.That(rgb.Where((_, i) => i % 3 == 0), Is.All.EqualTo(255));
        Assert.That(rgb.Where((_, i) => i % 3 == 1), Is.All.EqualTo(0));
        Assert.That(rgb.Where((_, i) => i % 3 == 2), Is.EqualTo(b.Select(v => (byte)v)));
    }

    [Test]
    public void Interleave_OutputTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => RgbPacking.Interleave(new float[4], new float[4], new float[4], new byte[11]));
    }
}
