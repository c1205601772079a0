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

    private static string SmokeRack => Path.Combine("scenarios", "smoke-rack.yaml");

    /// <summary>Asserts exit code 2 and standard error being exactly the one line given.</summary>
    private static void AssertRejected(CliRunner.Result run, string error)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.StdErr);
        Assert.That(run.StdErr.TrimEnd(), Is.EqualTo("error: " + error));
    }

    /// <summary>A file, alone in a fresh folder.</summary>
    private static string ExistingFile(string name)
    {
        string file = Path.Combine(RepoPaths.NewOutputFolder(name), "taken");
        File.WriteAllText(file, "x");
        return file;
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
    public void Sweep_OutputNameIsAFolder_ExitsTwoBeforeScanning()
    {
        string dir = RepoPaths.NewOutputFolder("sweep-csv-folder");
        string csv = Path.Combine(dir, "sweep.csv");
        Directory.CreateDirectory(csv);
        var run = CliRunner.Run(RepoPaths.Root, Quick, "sweep",
            "scenarios/ans-threshold-sweep.yaml", "--out", dir);
        AssertRejected(run, $"--out {dir} cannot be written: {csv} is a folder, not a file");
        Assert.That(Directory.GetFileSystemEntries(dir), Is.EqualTo(new[] { csv }));
    }

    [TestCase("scan scenarios/dicom-rack.yaml --device cpu", "D2-skin-level0.dcm")]
    [TestCase("throughput scenarios/throughput-40x-15mm.yaml", "throughput.json")]
    [TestCase("throughput scenarios/throughput-40x-15mm.yaml", "throughput-gantt.png")]
    [TestCase("render --device cpu", "render/skin-40x-z0.png")]
    public void Command_OutputNameIsAFolder_ExitsTwoBeforeAnyWork(string command, string name)
    {
        string dir = RepoPaths.NewOutputFolder("name-folder-" + name.Replace('/', '-'));
        string taken = Path.Combine(dir, name);
        Directory.CreateDirectory(taken);
        var run = CliRunner.Run(RepoPaths.Root, Quick, [.. command.Split(' '), "--out", dir]);
        string reported = name.Contains('/') ? Path.Combine(dir, "render") : dir;
        AssertRejected(run,
            $"--out {reported} cannot be written: {taken} is a folder, not a file");
        Assert.That(Directory.GetFiles(dir, "*", SearchOption.AllDirectories), Is.Empty,
            "nothing written");
    }

    [TestCase("bench --seconds abc", "--seconds 'abc' must be a number of seconds")]
    [TestCase("sweep scenarios/ans-threshold-sweep.yaml --seed 1.5",
        "--seed '1.5' must be a whole number from 0 to 4000000000000000")]
    [TestCase("bench --sweep scenarios", "scenarios: is a folder, not a sweep file")]
    public void Command_BadValue_OneLineExitTwo(string command, string error)
    {
        var run = CliRunner.Run(RepoPaths.Root, Quick, command.Split(' '));
        Assert.That(run.ExitCode, Is.EqualTo(2), run.StdErr);
        Assert.That(run.StdErr, Does.Contain(error));
        Assert.That(run.StdErr, Does.Not.Contain("System."), "no runtime type names");
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

    [TestCase("render --device cpu")]
    [TestCase("sweep scenarios/ans-threshold-sweep.yaml")]
    public void Command_OutIsAFile_ExitsTwoBeforeAnyWork(string command)
    {
        string file = ExistingFile("out-file-" + command.Split(' ')[0]);
        var run = CliRunner.Run(RepoPaths.Root, Quick, [.. command.Split(' '), "--out", file]);
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
    public void Bench_JsonIsAFolder_ExitsTwoBeforeMeasuring()
    {
        string dir = RepoPaths.NewOutputFolder("bench-json-folder");
        string json = Path.Combine(dir, "figures");
        Directory.CreateDirectory(json);
        var run = CliRunner.Run(RepoPaths.Root, Quick, "bench", "--seconds", "0.05",
            "--json", json);
        AssertRejected(run, $"--json {json} is a folder, not a file");
        Assert.That(Directory.GetFileSystemEntries(dir), Is.EqualTo(new[] { json }),
            "no temporary file beside it");
        Assert.That(Directory.GetFileSystemEntries(json), Is.Empty);
    }

    [Test]
    public void Bench_JsonUnderAFile_ExitsTwoBeforeMeasuring()
    {
        string file = ExistingFile("bench-json-under-file");
        string json = Path.Combine(file, "sub", "figures.json");
        var run = CliRunner.Run(RepoPaths.Root, Quick, "bench", "--seconds", "0.05",
            "--json", json);
        AssertRejected(run, $"--json {json} cannot be written: {file} is a file, not a folder");
    }

    [Test]
    public void Bench_JsonInReadOnlyFolder_ExitsTwoBeforeMeasuring()
    {
        string dir = ReadOnlyFolder("bench-json-read-only");
        string json = Path.Combine(dir, "figures.json");
        var run = CliRunner.Run(RepoPaths.Root, Quick, "bench", "--seconds", "0.05",
            "--json", json);
        AssertRejected(run, $"--json {json} cannot be written: permission denied");
        Assert.That(Directory.GetFileSystemEntries(dir), Is.Empty);
    }

    [Test]
    public void Bench_SweepFileMissing_ExitsTwoBeforeMeasuring()
    {
        var run = CliRunner.Run(RepoPaths.Root, Quick, "bench", "--seconds", "0.05",
            "--sweep", "no-such-sweep.yaml");
        AssertRejected(run, "no-such-sweep.yaml: file not found");
    }
}
