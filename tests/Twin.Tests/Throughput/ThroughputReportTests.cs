using System.Text.Json;
using NUnit.Framework;
using Twin.Mechanics.Timing;
using Twin.Scenarios.Cli;
using Twin.Scenarios.Throughput;

namespace Twin.Tests.Throughput;

[TestFixture]
public sealed class ThroughputReportTests
{
    private static readonly Lazy<(ThroughputScenario Ts, IReadOnlyList<VariantResult> Results)>
        Calibration = new(() =>
        {
            var ts = ThroughputScenarioLoader.Load(Repo.Scenario("throughput-40x-15mm.yaml"));
            return (ts, ThroughputStudy.Default.Run(ts));
        });

    private static string OutDir(string name)
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "throughput", name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        return dir;
    }

    [Test]
    public void Json_EveryConfiguration_HasSlidesPerHour()
    {
        var (ts, results) = Calibration.Value;
        using var doc = JsonDocument.Parse(
            ThroughputReport.Json(ts, results, MechanicsParameters.Default));
        var configs = doc.RootElement.GetProperty("configurations").EnumerateArray().ToList();
        Assert.That(configs, Has.Count.EqualTo(results.Count));
        Assert.That(configs.All(c => c.GetProperty("slidesPerHour").GetDouble() > 0));
        Assert.That(doc.RootElement.GetProperty("slidesPerHour").GetDouble(),
            Is.EqualTo(configs[0].GetProperty("slidesPerHour").GetDouble()));
        Assert.That(doc.RootElement.GetProperty("slides").GetArrayLength(), Is.EqualTo(30));
    }

    [Test]
    public void Json_SameStudyTwice_IdenticalText()
    {
        var (ts, _) = Calibration.Value;
        string a = ThroughputReport.Json(ts, ThroughputStudy.Default.Run(ts),
            MechanicsParameters.Default);
        string b = ThroughputReport.Json(ts, ThroughputStudy.Default.Run(ts),
            MechanicsParameters.Default);
        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void VariantsCsv_OneRowPerConfigurationUnderAHeader()
    {
        var (_, results) = Calibration.Value;
        string[] lines = ThroughputReport.VariantsCsv(results).TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Does.StartWith("name,group,magnification,zLayers,"));
        Assert.That(lines, Has.Length.EqualTo(results.Count + 1));
        Assert.That(lines[1], Does.StartWith("scenario,scenario,40x,1,0,site,1000000000,30,30,0,"));
    }

    [Test]
    public void Write_Folder_ReportsAndPlotsWrittenNoTemporaryLeft()
    {
        var (ts, results) = Calibration.Value;
        string dir = OutDir("write");
        var files = ThroughputReport.Write(dir, ts, results, MechanicsParameters.Default)
            .Concat(ThroughputPlots.Write(dir, results, ts.Settings.AnsRescanRate)).ToList();
        Assert.That(files.Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "throughput.json", "throughput.csv", "throughput-slides.csv",
            "throughput-magnification.png", "throughput-ans.png", "throughput-zstack.png",
            "throughput-gantt.png",
        }));
        Assert.That(Directory.GetFiles(dir, ".*"), Is.Empty, "temporary files left");
        byte[] png = File.ReadAllBytes(Path.Combine(dir, "throughput-gantt.png"));
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        TestContext.Out.WriteLine($"plots for review: {dir}");
    }

    [Test]
    public void Command_BadSection_ExitCode2AndErrorNamesFileAndLine()
    {
        string dir = OutDir("bad");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(path, "name: bad\nracks:\n  - id: r1\n    slides:\n"
            + "      - { id: A, tissue: skin }\nthroughput:\n  zStack: { layers: 30 }\n");
        var error = new StringWriter();
        TextWriter saved = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = ThroughputCommand.Run(path, Path.Combine(dir, "out"));
        }
        finally
        {
            Console.SetError(saved);
        }

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error.ToString(),
            Does.Contain($"error: {path}:7: 'layers' = 30 is outside 1..25 layers"));
        Assert.That(Directory.Exists(Path.Combine(dir, "out")), Is.False);
    }

    [Test]
    public void Command_MissingFile_ExitCode2()
    {
        var error = new StringWriter();
        TextWriter saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.That(ThroughputCommand.Run("no-such.yaml", OutDir("missing")),
                Is.EqualTo(ExitCodes.BadInput));
        }
        finally
        {
            Console.SetError(saved);
        }

        Assert.That(error.ToString(), Does.Contain("error: no-such.yaml: file not found"));
    }
}
