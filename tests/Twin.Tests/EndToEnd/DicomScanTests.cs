using NUnit.Framework;
using Twin.Tests.Files;

namespace Twin.Tests.EndToEnd;

/// <summary>
/// A scan with DICOM output on writes, beside each SVS, one DICOM WSI file per pyramid level
/// that dicom3tools' validator accepts; the report lists them and keeps the SVS size apart.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DicomScanTests
{
    [Test]
    public void Scan_DicomOutput_WritesValidWholeSlideInstancesBesideTheSvs()
    {
        string dir = RepoPaths.NewOutputFolder("dicom-scan");
        string scenario = Path.Combine(dir, "dicom.yaml");
        File.WriteAllText(scenario, """
            name: dicom-small
            scanner:
              output: svs+dicom
            racks:
              - id: rack-1
                slides:
                  - id: D1
                    tissue: dense-tumour
                    widthMm: 0.4
                    heightMm: 0.6
            """);
        string outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(5), "scan", scenario, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.StdErr);
        string[] dicom = Directory.GetFiles(outDir, "D1-level*.dcm");
        Assert.That(dicom, Is.Not.Empty);
        foreach (string file in dicom)
        {
            var check = ExternalTool.Run("dciodvfy", "dicom3tools", file);
            string all = check.StdOut + check.StdErr;
            Assert.That(all, Does.Not.Contain("Error"), $"{Path.GetFileName(file)}: {all}");
        }

        string report = File.ReadAllText(Path.Combine(outDir, "report.json"));
        Assert.That(report, Does.Contain("\"D1-level0.dcm\""));
        Assert.That(report, Does.Contain($"\"fileBytes\": {new FileInfo(
            Path.Combine(outDir, "D1.svs")).Length},"));
    }
}
