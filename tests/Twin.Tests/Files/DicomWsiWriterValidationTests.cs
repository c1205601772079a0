using NUnit.Framework;
using SkiaSharp;
using Twin.Optics.Imaging;
using Twin.Scanner.Files.Dicom;

namespace Twin.Tests.Files;

/// <summary>
/// The DICOM whole-slide files judged by real tools: dicom3tools' dciodvfy (the IOD and its
/// modules), dcmtk's dcmdump (parsing) and dcmdjpeg (frame decoding).
/// </summary>
[TestFixture]
public sealed class DicomWsiWriterValidationTests
{
    private const int Width = 1500;
    private const int Height = 1300;

    private static readonly DicomWsiMetadata Metadata = new()
    {
        SlideId = "S24-0001",
        AcquiredAt = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc),
    };

    private string folder = "";
    private RgbImage image = null!;
    private IReadOnlyList<string> paths = [];

    [OneTimeSetUp]
    public void WriteSlide()
    {
        folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files",
            nameof(DicomWsiWriterValidationTests));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        image = SyntheticSlide.Create(Width, Height, noise: 6);
        using var writer = new DicomWsiWriter(folder, "S24-0001", Width, Height, Metadata);
        DicomSlides.WriteAll(writer, image, seed: 5, parallel: true);
        writer.Commit();
        paths = writer.FinalPaths;
    }

    [Test]
    public void Commit_SmallSlide_WritesOneFilePerPyramidLevel()
    {
        Assert.That(
            paths.Select(Path.GetFileName),
            Is.EqualTo(new[] { "S24-0001-level0.dcm", "S24-0001-level1.dcm" }));
        Assert.That(paths.All(File.Exists), Is.True);
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Dciodvfy_EachLevel_ReportsNoErrors(int level)
    {
        var r = ExternalTool.Run("dciodvfy", "dicom3tools", paths[level]);
        string output = r.StdOut + r.StdErr;
        TestContext.Out.WriteLine(output);
        var errors = output.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.That(errors, Is.Empty);
    }

    [TestCase(0, "1500", "1300", "36", "ORIGINAL\\PRIMARY\\VOLUME\\NONE", "0.00026")]
    [TestCase(1, "375", "325", "4", "DERIVED\\PRIMARY\\VOLUME\\RESAMPLED", "0.00104")]
    public void Dcmdump_EachLevel_ParsesWithTheLevelGeometry(
        int level, string columns, string rows, string frames, string imageType, string spacing)
    {
        var r = ExternalTool.Run("dcmdump", "dcmtk", paths[level]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.StdErr);
        Assert.That(r.StdErr, Is.Empty);
        string dump = r.StdOut;
        Assert.That(dump, Does.Contain("=VLWholeSlideMicroscopyImageStorage"));
        Assert.That(dump, Does.Contain("=JPEGBaseline"));
        Assert.That(dump, Does.Contain($"UL {columns} ").And.Contain("TotalPixelMatrixColumns"));
        Assert.That(dump, Does.Contain($"UL {rows} "));
        Assert.That(dump, Does.Contain($"IS [{frames}]"));
        Assert.That(dump, Does.Contain($"CS [{imageType}]"));
        Assert.That(dump, Does.Contain($"DS [{spacing}\\{spacing}]"));
        Assert.That(dump, Does.Contain("CS [TILED_FULL]"));
        Assert.That(dump, Does.Contain("LO [S24-0001]").And.Contain("ContainerIdentifier"));
        Assert.That(dump, Does.Contain("DS [0.004]").And.Contain("SliceThickness"));
        Assert.That(dump, Does.Contain("LO [GT450Twin]"));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Dcmdjpeg_EachLevel_DecompressesEveryFrame(int level)
    {
        string output = Path.Combine(folder, $"decompressed-{level}.raw.dcm");
        var r = ExternalTool.Run("dcmdjpeg", "dcmtk", paths[level], output);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.StdErr);
        var file = DicomTestFile.Read(output);
        var (vr, pixels) = file.Elements[0x7FE00010];
        Assert.That(vr, Is.EqualTo("OW").Or.EqualTo("OB"));
        Assert.That(pixels, Has.Length.EqualTo(3 * 256 * 256 * (level == 0 ? 36 : 4)));
    }

    [Test]
    public void Frames_Level0_DecodeToTheTilesWrittenInRowMajorOrder()
    {
        var file = DicomTestFile.Read(paths[0]);
        Assert.That(file.Frames, Has.Count.EqualTo(36));
        for (int i = 0; i < file.Frames.Count; i++)
        {
            int column = i % 6;
            int row = i / 6;
            var decoded = DecodeRgb(file.Frames[i]);
            var expected = SyntheticSlide.Tile(image, 256, column, row);
            int w = Math.Min(256, Width - (column * 256));
            int h = Math.Min(256, Height - (row * 256));
            Assert.That(
                SyntheticSlide.MeanAbsError(Crop(decoded, w, h), Crop(expected, w, h)),
                Is.LessThan(6), $"frame {i}");
        }
    }

    [Test]
    public void Frames_Level1_DecodeToTheBoxAveragedImage()
    {
        var file = DicomTestFile.Read(paths[1]);
        var reduced = SyntheticSlide.Reduce4(image);
        for (int i = 0; i < file.Frames.Count; i++)
        {
            int column = i % 2;
            int row = i / 2;
            var expected = SyntheticSlide.Tile(reduced, 256, column, row);
            int w = Math.Min(256, reduced.Width - (column * 256));
            int h = Math.Min(256, reduced.Height - (row * 256));
            Assert.That(
                SyntheticSlide.MeanAbsError(
                    Crop(DecodeRgb(file.Frames[i]), w, h), Crop(expected, w, h)),
                Is.LessThan(6), $"frame {i}");
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Frames_EachLevel_NonEmptyEvenJpegWithMatchingOffsetTable(int level)
    {
        var file = DicomTestFile.Read(paths[level]);
        Assert.That(file.OffsetTable, Is.EqualTo(file.ItemOffsets.Select(o => (uint)o)));
        foreach (var frame in file.Frames)
        {
            Assert.That(frame.Length % 2, Is.EqualTo(0));
            Assert.That(frame.Length, Is.GreaterThan(100));
            Assert.That(frame[..2], Is.EqualTo(new byte[] { 0xFF, 0xD8 }));
        }
    }

    [Test]
    public void IccProfile_InOpticalPath_ParsesAsSrgb()
    {
        var icc = DicomTestFile.Read(paths[0]).Nested(0x00480105, 0x00282000, "OB");
        using var space = SKColorSpace.CreateIcc(icc);
        Assert.That(space, Is.Not.Null);
        Assert.That(space.GammaIsCloseToSrgb, Is.True);
        Assert.That(space.IsSrgb, Is.True);
    }

    private static byte[] DecodeRgb(byte[] jpeg)
    {
        using var codec = SKCodec.Create(new MemoryStream(jpeg))
            ?? throw new InvalidDataException("frame is not a readable image");
        var info = new SKImageInfo(256, 256, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        Assert.That(codec.Info.Width, Is.EqualTo(256));
        Assert.That(codec.EncodedFormat, Is.EqualTo(SKEncodedImageFormat.Jpeg));
        using var bitmap = new SKBitmap(info);
        Assert.That(codec.GetPixels(info, bitmap.GetPixels()), Is.EqualTo(SKCodecResult.Success));
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[256 * 256 * 3];
        for (int p = 0; p < 256 * 256; p++)
        {
            rgb[p * 3] = rgba[p * 4];
            rgb[(p * 3) + 1] = rgba[(p * 4) + 1];
            rgb[(p * 3) + 2] = rgba[(p * 4) + 2];
        }

        return rgb;
    }

    private static byte[] Crop(byte[] tile, int w, int h)
    {
        var crop = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            Array.Copy(tile, y * 256 * 3, crop, y * w * 3, w * 3);
        }

        return crop;
    }
}
