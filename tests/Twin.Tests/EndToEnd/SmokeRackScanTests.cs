using NUnit.Framework;
using System.Text.Json;
using Twin.Tests.Files;

namespace Twin.Tests.EndToEnd;

/// <summary>
/// Runs <c>gt450twin scan scenarios/smoke-rack.yaml</c> as a user would and judges the output
/// with OpenSlide: every slide file must open as Aperio with the right mpp and power, and the
/// report must carry the fields the run promises.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SmokeRackScanTests
{
    private string _out = "";
    private CliRunner.Result _run = new(-1, "", "");
    private JsonElement _report;

    [OneTimeSetUp]
    public void ScanSmokeRack()
    {
        _out = RepoPaths.NewOutputFolder("smoke-rack");
        _run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(5), "scan",
            Path.Combine("scenarios", "smoke-rack.yaml"), "--out", _out);
        string json = Path.Combine(_out, "report.json");
        if (File.Exists(json))
        {
            _report = JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone();
        }
    }

    [Test]
    public void Scan_SmokeRack_ExitsZeroAndWritesReports()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(0), _run.StdErr);
        Assert.That(File.Exists(Path.Combine(_out, "report.json")));
        Assert.That(File.Exists(Path.Combine(_out, "report.csv")));
        Assert.That(Directory.GetFiles(_out, ".*"), Is.Empty, "temporary files left behind");
    }

    [Test]
    public void Report_EverySlide_HasTheDocumentedFields()
    {
        string[] keys =
        [
            "id", "magnification", "mpp", "file", "fileBytes", "scanSeconds", "ansRescanned",
            "indexTiltEstimateDeg", "indexTiltTrueDeg", "focusErrorRmsUm", "inFocusFraction",
            "settings",
        ];
        var slides = _report.GetProperty("slides").EnumerateArray().ToList();
        Assert.That(slides, Has.Count.EqualTo(3));
        foreach (var slide in slides)
        {
            foreach (string key in keys)
            {
                Assert.That(slide.TryGetProperty(key, out _), $"{key} missing");
            }

            Assert.That(slide.GetProperty("settings").GetProperty("magnification")
                .GetProperty("source").GetString(), Is.Not.Empty);
            Assert.That(slide.GetProperty("scanSeconds").GetDouble(), Is.GreaterThan(0));
            Assert.That(slide.GetProperty("fileBytes").GetInt64(), Is.EqualTo(
                new FileInfo(Path.Combine(_out, slide.GetProperty("file").GetString()!)).Length));
        }
    }

    [TestCase("A1-level.svs", "0.26", "40")]
    [TestCase("A2-index-tilt.svs", "0.26", "40")]
    [TestCase("B1-20x.svs", "0.52", "20")]
    public void OpenSlide_WrittenFile_ReadsAsAperioWithMppAndPower(
        string file, string mpp, string power)
    {
        var props = Properties(Path.Combine(_out, file));
        Assert.That(props["openslide.vendor"], Is.EqualTo("aperio"));
        Assert.That(double.Parse(props["openslide.mpp-x"],
            System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(double.Parse(mpp, System.Globalization.CultureInfo.InvariantCulture))
                .Within(1e-6));
        Assert.That(props["openslide.objective-power"], Is.EqualTo(power));
        Assert.That(int.Parse(props["openslide.level-count"]), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Libvips_WrittenFile_OpensWithItsSizeAndResolution()
    {
        string file = Path.Combine(_out, "A1-level.svs");
        var header = ExternalTool.Run("vipsheader", "libvips-tools", "-a", file);
        Assert.That(header.ExitCode, Is.EqualTo(0), header.StdErr);
        var slide = Slide("A1-level");
        int width = slide.GetProperty("widthPx").GetInt32();
        int height = slide.GetProperty("heightPx").GetInt32();
        Assert.That(header.StdOut, Does.Contain($"width: {width}"));
        Assert.That(header.StdOut, Does.Contain($"height: {height}"));
        Assert.That(header.StdOut, Does.Contain("openslide.vendor: aperio"));
        // a region decodes: libvips reads tiles through OpenSlide
        string crop = Path.Combine(_out, "crop.png");
        var read = ExternalTool.Run("vips", "libvips-tools", "crop", file, crop, "256", "256",
            "512", "512");
        Assert.That(read.ExitCode, Is.EqualTo(0), read.StdErr);
        Assert.That(new FileInfo(crop).Length, Is.GreaterThan(1000));
    }

    [Test]
    public void Ans_SlideTiltedAlongIndexAxis_IsRescannedInNarrowStripes()
    {
        var slide = Slide("A2-index-tilt");
        Assert.That(slide.GetProperty("ansRescanned").GetBoolean(), Is.True);
        Assert.That(slide.GetProperty("stripePixels").GetInt32(), Is.EqualTo(1024));
        double estimate = slide.GetProperty("indexTiltEstimateDeg").GetDouble();
        Assert.That(estimate, Is.EqualTo(slide.GetProperty("indexTiltTrueDeg").GetDouble())
            .Within(0.08), "the ANS estimate comes from focus heights, not from the truth");
    }

    [Test]
    public void Ans_LevelSlide_IsNotRescanned()
    {
        var slide = Slide("A1-level");
        Assert.That(slide.GetProperty("ansRescanned").GetBoolean(), Is.False);
        Assert.That(slide.GetProperty("stripePixels").GetInt32(), Is.EqualTo(4096));
    }

    [Test]
    public void Settings_RackOverride_Gives20xWithItsSource()
    {
        var slide = Slide("B1-20x");
        Assert.That(slide.GetProperty("magnification").GetString(), Is.EqualTo("20x"));
        Assert.That(slide.GetProperty("settings").GetProperty("magnification")
            .GetProperty("source").GetString(), Is.EqualTo("rack override"));
    }

    private JsonElement Slide(string id) => _report.GetProperty("slides").EnumerateArray()
        .Single(s => s.GetProperty("id").GetString() == id);

    private static Dictionary<string, string> Properties(string path)
    {
        var result = ExternalTool.Run("openslide-show-properties", "openslide-tools", path);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StdErr);
        var props = new Dictionary<string, string>();
        foreach (string line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = line.IndexOf(": '", StringComparison.Ordinal);
            if (colon > 0)
            {
                props[line[..colon]] = line[(colon + 3)..].TrimEnd('\'');
            }
        }

        return props;
    }
}
