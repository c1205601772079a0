using NUnit.Framework;
using Twin.Optics.Imaging;
using Twin.Scanner.Algorithms;

namespace Twin.Tests.Scanner;

/// <summary>Tissue finding on synthetic macro images.</summary>
[TestFixture]
public sealed class TissueFinderTests
{
    private static RgbImage Macro()
    {
        var image = new RgbImage(300, 100);
        image.Fill(240, 240, 240);
        return image;
    }

    private static void Paint(RgbImage image, int x0, int y0, int x1, int y1, byte v)
    {
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                int p = ((y * image.Width) + x) * 3;
                image.Pixels[p] = v;
                image.Pixels[p + 1] = (byte)(v - 40);
                image.Pixels[p + 2] = v;
            }
        }
    }

    [Test]
    public void Find_OneDarkBlob_ReturnsItsBoxWithAMargin()
    {
        var macro = Macro();
        Paint(macro, 150, 30, 180, 60, 200);
        var region = new ThresholdTissueFinder().Find(macro, 40, 4000);
        Assert.That(region, Is.Not.Null);
        Assert.That(region!.X0Um, Is.EqualTo(149 * 40));
        Assert.That(region.X1Um, Is.EqualTo(181 * 40));
        Assert.That(region.Y0Um, Is.EqualTo(29 * 40));
        Assert.That(region.IsTissue(165 * 40, 45 * 40), Is.True);
        Assert.That(region.IsTissue(100 * 40, 45 * 40), Is.False);
    }

    [Test]
    public void Find_BlankGlass_ReturnsNull()
    {
        Assert.That(new ThresholdTissueFinder().Find(Macro(), 40, 4000), Is.Null);
    }

    [Test]
    public void Find_DarkLabelAndSingleSpeck_AreIgnored()
    {
        var macro = Macro();
        Paint(macro, 0, 0, 100, 100, 60);
        Paint(macro, 200, 50, 201, 51, 100);
        Assert.That(new ThresholdTissueFinder().Find(macro, 40, 4000), Is.Null);
    }
}
