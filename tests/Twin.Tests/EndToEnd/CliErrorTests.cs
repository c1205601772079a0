using NUnit.Framework;
using System.Text.RegularExpressions;

namespace Twin.Tests.EndToEnd;

/// <summary>
/// Bad input at the command line: each invalid scenario in scenarios/invalid states the line and
/// message it must produce in its first line (<c># expect: LINE: message</c>); the command must
/// exit with code 2, name the file and line, and write nothing.
/// </summary>
[TestFixture]
public sealed class CliErrorTests
{
    public static IEnumerable<string> InvalidScenarios() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Scenarios, "invalid"), "*.yaml")
            .Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!;

    [TestCaseSource(nameof(InvalidScenarios))]
    public void Validate_InvalidScenario_ExitsTwoNamingFileLineAndRule(string file)
    {
        string path = Path.Combine("scenarios", "invalid", file);
        string first = File.ReadLines(Path.Combine(RepoPaths.Root, path)).First();
        var expect = Regex.Match(first, @"^# expect: (\d+): (.+)$");
        Assert.That(expect.Success, $"{file} must start with '# expect: LINE: message'");
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "validate", path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain($"{path}:{expect.Groups[1].Value}: "
            + expect.Groups[2].Value));
        Assert.That(run.StdErr, Does.Not.Contain("   at "), "no stack trace for a user's mistake");
    }

    [Test]
    public void Scan_MalformedScenario_ExitsTwoAndWritesNothing()
    {
        string outDir = RepoPaths.NewOutputFolder("malformed");
        string path = Path.Combine("scenarios", "invalid", "bad-yaml.yaml");
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "scan", path,
            "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain(path + ":6:"));
        Assert.That(Directory.GetFileSystemEntries(outDir), Is.Empty);
    }

    [Test]
    public void Scan_MissingScenarioFile_ExitsTwo()
    {
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "scan",
            "no-such-scenario.yaml");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain("no-such-scenario.yaml: file not found"));
    }

    [Test]
    public void Cli_UnknownCommand_ExitsTwo()
    {
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "scna");
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Cli_Help_ListsTheCommands()
    {
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        foreach (string command in new[] { "scan", "validate", "throughput" })
        {
            Assert.That(run.StdOut, Does.Contain(command));
        }
    }

    [Test]
    public void Scan_SeedImageMissing_SkipsThatSlideSayingHowToGetIt()
    {
        string dir = RepoPaths.NewOutputFolder("missing-image");
        string scenario = Path.Combine(dir, "missing-image.yaml");
        File.WriteAllText(scenario, """
            name: missing-image
            racks:
              - id: rack-1
                slides:
                  - id: S1
                    tissue: image
                    image: nowhere/ihc.png
            """);
        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(1), "scan", scenario, "--out",
            Path.Combine(dir, "out"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.StdErr);
        string report = File.ReadAllText(Path.Combine(dir, "out", "report.json"));
        Assert.That(report, Does.Contain("skipped: seed image"));
        Assert.That(report, Does.Contain("scripts/fetch-ihc.sh"));
        Assert.That(File.Exists(Path.Combine(dir, "out", "S1.svs")), Is.False);
    }

    [Test]
    public void Scan_OutIsAFile_ExitsTwoBeforeScanning()
    {
        string dir = RepoPaths.NewOutputFolder("out-is-file");
        string file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "x");
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "scan",
            Path.Combine("scenarios", "smoke-rack.yaml"), "--out", file);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain($"--out {file} is a file, not a folder"));
        Assert.That(run.StdErr, Does.Not.Contain("   at "));
    }

    [TestCase("scan")]
    [TestCase("throughput")]
    public void Command_EmptyOut_ExitsTwo(string command)
    {
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), command,
            Path.Combine("scenarios", "smoke-rack.yaml"), "--out", "");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain("--out must name a folder"));
    }

    [TestCase("-1")]
    [TestCase("abc")]
    [TestCase("4000000000000001")]
    public void Scan_BadSeed_ExitsTwoNamingTheRange(string seed)
    {
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "scan",
            Path.Combine("scenarios", "smoke-rack.yaml"), "--seed", seed);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain("must be a whole number from 0 to"));
        Assert.That(run.StdErr, Does.Not.Contain("System."));
    }

    [Test]
    public void Scan_UnknownOptionWithoutScenario_SaysUnknownOption()
    {
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "scan", "--bogus");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain("--bogus"));
        Assert.That(run.StdErr, Does.Not.Contain("file not found"));
    }

    [Test]
    public void Validate_FolderAsScenario_SaysItIsAFolder()
    {
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(1), "validate",
            "scenarios");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain("scenarios: is a folder, not a scenario file"));
    }
}
