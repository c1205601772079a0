using System.Runtime.Versioning;
using NUnit.Framework;

namespace Twin.Tests.EndToEnd;

/// <summary>
/// Where a command writes, and the files it reads besides its scenario, are checked before any
/// work starts: a path that cannot be used stops the command with one line naming the path and
/// the rule, exit code 2, no stack trace and nothing written.
/// </summary>
[TestFixture]
[UnsupportedOSPlatform("windows")]
public sealed class CliOutputCheckTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(1);

    private static string Sweep => Path.Combine("scenarios", "ans-threshold-sweep.yaml");

    private static string SmokeRack => Path.Combine("scenarios", "smoke-rack.yaml");

    /// <summary>Asserts exit code 2 and standard error being exactly the one line given.</summary>
    private static void AssertRejected(CliRunner.Result run, string error)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.StdErr);
        Assert.That(run.StdErr.TrimEnd(), Is.EqualTo("error: " + error));
    }

    /// <summary>
    /// A fresh folder nobody may write to; ignores the test where chmod cannot stop writes
    /// (running as root).
    /// </summary>
    private static string ReadOnlyFolder(string name)
    {
        string dir = RepoPaths.NewOutputFolder(name);
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead
            | UnixFileMode.OtherExecute);
        try
        {
            File.WriteAllText(Path.Combine(dir, "probe"), "");
        }
        catch (UnauthorizedAccessException)
        {
            return dir;
        }

        File.Delete(Path.Combine(dir, "probe"));
        Assert.Ignore("chmod does not stop this user writing (root); run as another user");
        return dir;
    }

    [Test]
    public void Scan_ReportPathIsAFolder_ExitsTwoBeforeScanning()
    {
        string dir = RepoPaths.NewOutputFolder("scan-report-folder");
        string report = Path.Combine(dir, "report.json");
        Directory.CreateDirectory(report);
        var run = CliRunner.Run(RepoPaths.Root, Quick, "scan", SmokeRack, "--device", "cpu",
            "--out", dir);
        AssertRejected(run, $"--out {dir} cannot be written: {report} is a folder, not a file");
        Assert.That(Directory.GetFileSystemEntries(dir), Is.EqualTo(new[] { report }));
    }


    [Test]
    public void Scan_UnknownDevice_CreatesNoOutputFolder()
    {
        string dir = RepoPaths.NewOutputFolder("scan-bad-device");
        string outDir = Path.Combine(dir, "new");
        var run = CliRunner.Run(RepoPaths.Root, Quick, "scan", SmokeRack, "--device",
            "nonsense", "--out", outDir);
        AssertRejected(run, "unknown device 'nonsense' (known: cpu, gpu, auto, ilgpu-cpu)");
        Assert.That(Directory.Exists(outDir), Is.False);
    }

    [Test]
    public void Render_OutIsAFile_ExitsTwoBeforeRendering()
    {
        string dir = RepoPaths.NewOutputFolder("render-out-file");
        string file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "x");
        var run = CliRunner.Run(RepoPaths.Root, Quick, "render", "--device", "cpu",
            "--out", file);
        AssertRejected(run, $"--out {file} is a file, not a folder");
    }


    [Test]
    public void Render_OutReadOnly_ExitsTwoBeforeRendering()
    {
        string dir = ReadOnlyFolder("render-out-read-only");
        var run = CliRunner.Run(RepoPaths.Root, Quick, "render", "--device", "cpu",
            "--out", dir);
        AssertRejected(run, $"--out {dir} cannot be written: permission denied");
    }


    [Test]
    public void Sweep_OutIsAFile_ExitsTwoBeforeScanning()
    {
        string dir = RepoPaths.NewOutputFolder("sweep-out-file");
        string file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "x");
        var run = CliRunner.Run(RepoPaths.Root, Quick, "sweep", Sweep, "--out", file);
        AssertRejected(run, $"--out {file} is a file, not a folder");
    }
}
