using System.Diagnostics;
using NUnit.Framework;
using Twin.Optics.Imaging;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// File-size prediction from sampled tiles against the size of the file really written.
/// </summary>
[TestFixture]
public sealed class FileSizePredictorTests
{
    private const double AreaWidthUm = 1000; // 4096 px at 40x (whole tiles), 2048 at 20x
    private const double AreaHeightUm = 720;  // 2816 px at 40x, 1536 at 20x
    private const double Tolerance = 0.15;

    private static readonly RgbImage Label = SyntheticSlide.Photo(400, 300, 30);
    private static readonly RgbImage Macro = SyntheticSlide.Photo(1200, 400, 200);

    // each magnification's full image, rendered once; sample tiles are cut from it
    private static readonly Dictionary<int, Lazy<RgbImage>> Images = new()
    {
        [40] = new(() => SyntheticTissue.RenderImage(AreaWidthUm, AreaHeightUm, 40, 4096, 2816)),
        [20] = new(() => SyntheticTissue.RenderImage(AreaWidthUm, AreaHeightUm, 20, 2048, 1536)),
    };

    private string folder = "";

    [OneTimeSetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files", nameof(FileSizePredictorTests));
        Directory.CreateDirectory(folder);
    }

    [TestCase(40)]
    [TestCase(20)]
    public void Predict_SyntheticSlide_WithinFifteenPercentOfTheWrittenFile(int appMag)
    {
        var clock = Stopwatch.StartNew();
        var predictions = FileSizePredictor.PredictFortyAndTwenty(
            AreaWidthUm, AreaHeightUm, Render, label: Label, macro: Macro);
        var p = predictions.Single(x => x.AppMag == appMag);
        double predictSeconds = clock.Elapsed.TotalSeconds;
        long actual = WriteSvs(p.WidthPx, p.HeightPx, appMag);
        double error = (p.TotalBytes - actual) / (double)actual;
        TestContext.Out.WriteLine(
            $"{appMag}x {p.WidthPx}x{p.HeightPx}: predicted {p.TotalBytes} B "
                + $"(level 0 {p.Level0Bytes}, reduced {p.ReducedBytes}, thumbnail "
                + $"{p.ThumbnailBytes}, associated {p.AssociatedBytes}, structure "
                + $"{p.StructureBytes}) in {predictSeconds:F2} s; written {actual} B; "
                + $"error {error:P1}");
        Assert.That(Math.Abs(error), Is.LessThan(Tolerance));
    }

    [Test]
    public void PredictFortyAndTwenty_SameArea_TwentyXIsMuchSmaller()
    {
        var p = FileSizePredictor.PredictFortyAndTwenty(AreaWidthUm, AreaHeightUm, Render);
        Assert.That(p.Select(x => x.AppMag), Is.EqualTo(new[] { 40, 20 }));
        Assert.That((p[0].WidthPx, p[0].HeightPx), Is.EqualTo((4096, 2816)));
        Assert.That((p[1].WidthPx, p[1].HeightPx), Is.EqualTo((2048, 1536)));
        double saving = 1 - (p[1].TotalBytes / (double)p[0].TotalBytes);
        TestContext.Out.WriteLine($"20x saves {saving:P1} over 40x");
        Assert.That(saving, Is.GreaterThan(0.5).And.LessThan(0.9));
    }

    [Test]
    public void Predict_SameInputsTwice_SameFigures()
    {
        var a = FileSizePredictor.Predict(40, 3000, 2000, Render);
        var b = FileSizePredictor.Predict(40, 3000, 2000, Render);
        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void Predict_FewerTilesThanSamples_EncodesEveryTileExactly()
    {
        var p = FileSizePredictor.Predict(
            40, 700, 600, Render, new FileSizePredictorOptions { SampleTiles = 100 });
        Assert.That(p.SampledTiles, Is.EqualTo(p.Level0Tiles));
        Assert.That(p.Level0Tiles, Is.EqualTo(9));
        Assert.That(p.Levels, Is.EqualTo(1));
        Assert.That(p.ReducedBytes, Is.EqualTo(0));
    }

    [Test]
    public void Pick_AnySizes_DistinctSortedAndInRange()
    {
        foreach (var (total, count) in new[] { (10, 3), (1000, 48), (49, 48), (5, 5), (3, 9) })
        {
            var picks = FileSizePredictor.Pick(total, count, 7);
            Assert.That(picks, Has.Length.EqualTo(Math.Min(total, count)));
            Assert.That(picks, Is.Ordered.Ascending.And.Unique);
            Assert.That(picks.All(i => i >= 0 && i < total), Is.True);
        }
    }

    [Test]
    public void Predict_ZeroSamples_ThrowsNamingTheOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FileSizePredictor.Predict(
            40, 1000, 1000, Render, new FileSizePredictorOptions { SampleTiles = 0 }));
        Assert.That(e!.Message, Does.StartWith("SampleTiles = 0 is out of range"));
    }

    [TestCase(1000, 0.26, 256, 4096)]
    [TestCase(1000, 0.52, 256, 2048)]
    [TestCase(720, 0.26, 4096, 4096)]
    [TestCase(266.24, 0.26, 256, 1024)]
    public void ImageSidePx_Extent_RoundsUpToWholeUnits(
        double extentUm, double mpp, int unit, int expected)
    {
        Assert.That(FileSizePredictor.ImageSidePx(extentUm, mpp, unit), Is.EqualTo(expected));
    }

    private static void Render(int appMag, double xUm, double yUm, Span<byte> rgb)
    {
        double tileUm = 256 * (appMag == 40 ? 0.26 : 0.52);
        var tile = SyntheticSlide.Tile(
            Images[appMag].Value, 256, (int)Math.Round(xUm / tileUm),
            (int)Math.Round(yUm / tileUm));
        tile.CopyTo(rgb);
    }

    private long WriteSvs(int width, int height, int appMag)
    {
        string path = Path.Combine(folder, $"actual-{appMag}x.svs");
        var metadata = new SvsMetadata
        {
            AppMag = appMag, MicronsPerPixel = appMag == 40 ? 0.26 : 0.52, Filename = "actual",
        };
        using var writer = new SvsWriter(path, width, height, metadata);
        double tileUm = 256 * metadata.MicronsPerPixel;
        Parallel.For(0, writer.TileColumns * writer.TileRows, i =>
        {
            int c = i % writer.TileColumns;
            int r = i / writer.TileColumns;
            var tile = new byte[256 * 256 * 3];
            Render(appMag, c * tileUm, r * tileUm, tile);
            writer.WriteTile(c, r, tile);
        });
        writer.SetLabel(Label);
        writer.SetMacro(Macro);
        return writer.Commit();
    }
}
