using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Twin.Tests.Files;

namespace Twin.Tests.EndToEnd;

/// <summary>
/// A z-stack rack: every focal plane lands in the SVS as its own pyramid with OffsetZ and
/// TotalDepth, ANS is switched off by rule, and focus comes from points, not real time.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ZStackScanTests
{
    [Test]
    public void Scan_ZStackRack_WritesEveryPlaneAndSwitchesAnsOff()
    {
        string dir = RepoPaths.NewOutputFolder("zstack-scan");
        string scenario = Path.Combine(dir, "z.yaml");
        File.WriteAllText(scenario, """
            name: z-small
            scanner:
              ans: { enabled: true }
            racks:
              - id: rack-z
                zStack: { layers: 3, separationUm: 0.75 }
                slides:
                  - id: Z1
                    tissue: dense-tumour
                    widthMm: 0.4
                    heightMm: 0.6
            """);
        string outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(5), "scan", scenario, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.StdErr);
        string svs = Path.Combine(outDir, "Z1.svs");
        var info = ExternalTool.Run("tiffinfo", "libtiff-tools", svs);
        Assert.That(info.StdErr.Trim(), Is.Empty, "tiffinfo warnings");
        var offsets = Regex.Matches(info.StdOut, @"OffsetZ = (-?[0-9.]+)")
            .Select(m => m.Groups[1].Value).Distinct().OrderBy(v => v).ToList();
        Assert.That(offsets, Is.EquivalentTo(new[] { "-0.75", "0", "0.75" }));
        Assert.That(info.StdOut, Does.Contain("TotalDepth = 3"));

        var slide = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))
            .RootElement.GetProperty("slides")[0];
        Assert.That(slide.GetProperty("zLayers").GetInt32(), Is.EqualTo(3));
        Assert.That(slide.GetProperty("focusPoints").GetInt32(), Is.GreaterThanOrEqualTo(1));
        Assert.That(slide.GetProperty("ansRescanned").GetBoolean(), Is.False);
        var ans = slide.GetProperty("settings").GetProperty("ansEnabled");
        Assert.That(ans.GetProperty("value").GetString(), Is.EqualTo("false"));
        Assert.That(ans.GetProperty("source").GetString(), Does.Contain("z-stack"));
        Assert.That(slide.GetProperty("time").GetProperty("zStackS").GetDouble(),
            Is.GreaterThan(0));
    }
}
