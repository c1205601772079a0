using NUnit.Framework;
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
}
