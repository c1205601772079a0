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
    public void Dciodvfy_EachLevel_ReportsNoErrorsOrWarnings(int level)
    {
        AssertDciodvfyClean(paths[level]);
    }

    [Test]
    public void Dcentvfy_AllLevels_ShareConsistentPatientStudySeries()
    {
        var r = ExternalTool.Run("dcentvfy", "dicom3tools", [.. paths]);
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That((r.StdOut + r.StdErr).Trim(), Is.Empty);
    }

    [Test]
    public void Dciodvfy_SlideSmallerThanOneTile_SingleLevelIsValid()
    {
        var small = SyntheticSlide.Create(100, 80);
        using var writer = new DicomWsiWriter(folder, "small", 100, 80, Metadata);
        writer.WriteTile(0, 0, SyntheticSlide.Tile(small, 256, 0, 0));
        writer.Commit();
        Assert.That(writer.FinalPaths, Has.Count.EqualTo(1));
        AssertDciodvfyClean(writer.FinalPaths[0]);
        var file = DicomTestFile.Read(writer.FinalPaths[0]);
        Assert.That(file.ULong(0x00480006), Is.EqualTo(100));
        Assert.That(file.ULong(0x00480007), Is.EqualTo(80));
    }

    [Test]
    public void ExtendedOffsetTable_OffsetsPastTheLimit_ValidAndParsed()
    {
        using var writer = new DicomWsiWriter(folder, "extended", Width, Height, Metadata)
        {
            BasicOffsetTableLimit = 10_000,
        };
        DicomSlides.WriteAll(writer, image, seed: 2, parallel: false);
        writer.Commit();
        AssertDciodvfyClean(writer.FinalPaths[0], allowOvWarnings: true);
        var file = DicomTestFile.Read(writer.FinalPaths[0]);
        Assert.That(file.OffsetTable, Is.Empty);
        var offsets = file.Elements[0x7FE00001].Value;
        var lengths = file.Elements[0x7FE00002].Value;
        Assert.That(file.Elements[0x7FE00001].Vr, Is.EqualTo("OV"));
        for (int i = 0; i < file.Frames.Count; i++)
        {
            Assert.That(BitConverter.ToUInt64(offsets, 8 * i), Is.EqualTo(file.ItemOffsets[i]));
            Assert.That(BitConverter.ToUInt64(lengths, 8 * i), Is.EqualTo(file.Frames[i].Length));
        }

        var dump = ExternalTool.Run("dcmdump", "dcmtk", writer.FinalPaths[0]);
        Assert.That(dump.ExitCode, Is.EqualTo(0), dump.StdErr);
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

    // dciodvfy prints the IOD's name, then one line per error or warning; lines naming
    // (7FE0,0001/0002) are allowed only where asked: dicom3tools 2022 does not know the OV VR
    // of the Extended Offset Table, a standard element (PS3.5 A.4) it warns about and skips
    private static void AssertDciodvfyClean(string path, bool allowOvWarnings = false)
    {
        var r = ExternalTool.Run("dciodvfy", "dicom3tools", path);
        string output = r.StdOut + r.StdErr;
        TestContext.Out.WriteLine(output);
        var findings = output.Split('\n')
            .Where(l => l.Contains("Error", StringComparison.Ordinal)
                || l.Contains("Warning", StringComparison.Ordinal))
            .Where(l => !(allowOvWarnings && l.StartsWith("(0x7fe0,0x000", StringComparison.Ordinal)
                && l.Contains("OV Extended Offset Table", StringComparison.Ordinal)
                && l.Contains("Warning", StringComparison.Ordinal)));
        Assert.That(findings, Is.Empty);
        Assert.That(output, Does.Contain("VLWholeSlideMicroscopyImage"));
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
