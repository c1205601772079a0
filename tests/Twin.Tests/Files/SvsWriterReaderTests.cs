using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Twin.Optics.Imaging;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// Writes a synthetic slide (tiles in shuffled order) and judges it with real readers:
/// OpenSlide (command line and Python binding) and libtiff's tiffinfo.
/// </summary>
[TestFixture(40, 0.26, 1500, 1100, 256)]
[TestFixture(20, 0.52, 1030, 4200, 256)]
[TestFixture(40, 0.25, 700, 1300, 240)]
public sealed partial class SvsWriterReaderTests(
    int appMag, double mpp, int width, int height, int tileSize)
{
    private const double JpegTolerance = 6; // mean absolute error, grey levels per channel

    private static readonly DateTime Acquired = new(2024, 3, 7, 14, 5, 9, DateTimeKind.Utc);

    private RgbImage image = null!;
    private SvsMetadata metadata = null!;
    private string path = "";
    private Dictionary<string, string> cliProperties = [];
    private OpenSlideDump dump = null!;

    [OneTimeSetUp]
    public void WriteAndRead()
    {
        string folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files", "SvsWriterReaderTests");
        Directory.CreateDirectory(folder);
        path = Path.Combine(folder, $"synthetic-{appMag}x-{width}x{height}.svs");
        image = SyntheticSlide.Create(width, height);
        metadata = new SvsMetadata
        {
            AppMag = appMag,
            MicronsPerPixel = mpp,
            ScannerId = "SS45001",
            AcquiredAt = Acquired,
            StripeWidthPx = appMag == 40 ? 4096 : 2048,
            FocusOffsetUm = -0.25,
            Filename = $"synthetic-{appMag}x",
            ImageId = "12345",
            TileSize = tileSize,
            ExtraFields = [new("Rack", "3"), new("Slot", "17")],
        };
        SyntheticSlide.Write(path, image, metadata, seed: appMag);

        var cli = ExternalTool.Run("openslide-show-properties", "openslide-tools", path);
        Assert.That(cli.ExitCode, Is.Zero, cli.StdErr);
        cliProperties = PropertyLine().Matches(cli.StdOut)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        dump = OpenSlideDump.Read(path);
    }

    [Test]
    public void OpenSlide_WrittenSlide_DetectsAperio()
    {
        Assert.That(dump.Format, Is.EqualTo("aperio"));
        Assert.That(cliProperties["openslide.vendor"], Is.EqualTo("aperio"));
    }

    [Test]
    public void OpenSlide_WrittenSlide_ReportsMppAndObjectivePower()
    {
        Assert.That(Number("openslide.mpp-x"), Is.EqualTo(mpp).Within(1e-9));
        Assert.That(Number("openslide.mpp-y"), Is.EqualTo(mpp).Within(1e-9));
        Assert.That(cliProperties["openslide.objective-power"], Is.EqualTo($"{appMag}"));
    }

    [Test]
    public void OpenSlide_WrittenSlide_ReportsQuarterSizedLevels()
    {
        var expected = new List<(int, int)> { (width, height) };
        while (Math.Max(expected[^1].Item1, expected[^1].Item2) > 1024)
        {
            expected.Add((expected[^1].Item1 / 4, expected[^1].Item2 / 4));
        }

        Assert.That(cliProperties["openslide.level-count"], Is.EqualTo($"{expected.Count}"));
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.That(cliProperties[$"openslide.level[{k}].width"], Is.EqualTo(
                $"{expected[k].Item1}"));
            Assert.That(cliProperties[$"openslide.level[{k}].height"], Is.EqualTo(
                $"{expected[k].Item2}"));
            Assert.That(
                cliProperties[$"openslide.level[{k}].tile-width"], Is.EqualTo($"{tileSize}"));
        }

        Assert.That(dump.Levels, Is.EqualTo(expected));
    }

    [Test]
    public void OpenSlide_WrittenSlide_ListsLabelMacroAndThumbnail()
    {
        int longSide = Math.Max(width, height);
        var thumb = (width * 1024 / longSide, height * 1024 / longSide);
        Assert.That(dump.Associated.Keys, Is.EquivalentTo(new[] { "label", "macro", "thumbnail" }));
        Assert.That(dump.Associated["label"], Is.EqualTo((400, 300)));
        Assert.That(dump.Associated["macro"], Is.EqualTo((1200, 400)));
        Assert.That(dump.Associated["thumbnail"], Is.EqualTo(thumb));
    }

    [Test]
    public void OpenSlide_WrittenSlide_ReadsDescriptionFields()
    {
        var p = cliProperties;
        Assert.That(p["aperio.AppMag"], Is.EqualTo($"{appMag}"));
        Assert.That(
            p["aperio.MPP"], Is.EqualTo(mpp.ToString("0.0000", CultureInfo.InvariantCulture)));
        Assert.That(p["aperio.ScanScope ID"], Is.EqualTo("SS45001"));
        Assert.That(p["aperio.Filename"], Is.EqualTo($"synthetic-{appMag}x"));
        Assert.That(p["aperio.Date"], Is.EqualTo("03/07/24"));
        Assert.That(p["aperio.Time"], Is.EqualTo("14:05:09"));
        Assert.That(p["aperio.Time Zone"], Is.EqualTo("GMT+00:00"));
        Assert.That(p["aperio.Focus Offset"], Is.EqualTo("-0.250000"));
        Assert.That(p["aperio.ImageID"], Is.EqualTo("12345"));
        Assert.That(p["aperio.StripeWidth"], Is.EqualTo(appMag == 40 ? "4096" : "2048"));
        Assert.That(p["aperio.OriginalWidth"], Is.EqualTo($"{width}"));
        Assert.That(p["aperio.OriginalHeight"], Is.EqualTo($"{height}"));
        Assert.That(p["aperio.Rack"], Is.EqualTo("3"));
        Assert.That(p["aperio.Slot"], Is.EqualTo("17"));
        Assert.That(dump.Properties["tiff.ImageDescription"], Does.StartWith(
            $"Aperio Image Library GT450Twin\r\n{width}x{height} [0,0 {width}x{height}] "
                + $"({tileSize}x{tileSize}) JPEG/YCC Q=91|AppMag = "));
    }

    [Test]
    public void OpenSlide_Level0_MatchesWrittenPixelsWithinJpegError()
    {
        var read = dump.LevelPixels(0);
        Assert.That(SyntheticSlide.MeanAbsError(read, image.Pixels), Is.LessThan(JpegTolerance));

        // the bottom-right corner comes from an edge tile whose outside part was black
        var corner = Crop(image.Pixels, width, width - 64, height - 64, 64, 64);
        var cornerRead = Crop(read, width, width - 64, height - 64, 64, 64);
        Assert.That(SyntheticSlide.MeanAbsError(cornerRead, corner), Is.LessThan(JpegTolerance));
    }

    [Test]
    public void OpenSlide_ReducedLevels_MatchBoxAverageWithinJpegError()
    {
        var expected = image;
        for (int k = 1; k < dump.Levels.Count; k++)
        {
            expected = SyntheticSlide.Reduce4(expected);
            var read = dump.LevelPixels(k);
            Assert.That(
                SyntheticSlide.MeanAbsError(read, expected.Pixels), Is.LessThan(JpegTolerance),
                $"level {k}");
        }
    }

    [Test]
    public void OpenSlide_Label_IsLossless()
    {
        Assert.That(dump.AssociatedPixels("label"), Is.EqualTo(
            SyntheticSlide.Photo(400, 300, 30).Pixels));
    }

    [Test]
    public void OpenSlide_MacroAndThumbnail_MatchWithinJpegError()
    {
        var macro = SyntheticSlide.Photo(1200, 400, 200).Pixels;
        Assert.That(
            SyntheticSlide.MeanAbsError(dump.AssociatedPixels("macro"), macro),
            Is.LessThan(JpegTolerance));

        // thumbnail against point samples of the image: area averaging differs a little more
        var (tw, th) = dump.Associated["thumbnail"];
        var sampled = new byte[tw * th * 3];
        for (int y = 0; y < th; y++)
        {
            for (int x = 0; x < tw; x++)
            {
                int sx = (int)((x + 0.5) * width / tw);
                int sy = (int)((y + 0.5) * height / th);
                Array.Copy(image.Pixels, (sy * width + sx) * 3, sampled, (y * tw + x) * 3, 3);
            }
        }

        Assert.That(
            SyntheticSlide.MeanAbsError(dump.AssociatedPixels("thumbnail"), sampled),
            Is.LessThan(2 * JpegTolerance));
    }

    [Test]
    public void Tiffinfo_WrittenSlide_PrintsNoWarningsAndTagsAssociatedImages()
    {
        var result = ExternalTool.Run("tiffinfo", "libtiff-tools", path);
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.StdErr, Is.Empty);
        Assert.That(result.StdOut, Does.Contain("(1 = 0x1)"), "label NewSubfileType");
        Assert.That(result.StdOut, Does.Contain("(9 = 0x9)"), "macro NewSubfileType");
        int pages = Regex.Matches(result.StdOut, "=== TIFF directory").Count;
        Assert.That(pages, Is.EqualTo(dump.Levels.Count + 3));
    }

    private static byte[] Crop(byte[] rgb, int stride, int x0, int y0, int w, int h)
    {
        var crop = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            Array.Copy(rgb, ((y0 + y) * stride + x0) * 3, crop, y * w * 3, w * 3);
        }

        return crop;
    }

    private double Number(string key) =>
        double.Parse(cliProperties[key], CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([^\s:][^:]*): '(.*)'$", RegexOptions.Multiline)]
    private static partial Regex PropertyLine();
}
