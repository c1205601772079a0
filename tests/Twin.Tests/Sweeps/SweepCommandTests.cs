using System.Diagnostics;
using NUnit.Framework;

namespace Twin.Tests.Sweeps;

/// <summary>
/// <c>gt450twin sweep</c> as a user runs it: outputs, byte-identical repeats, bad input and
/// Ctrl-C. Tiny sweep files (slides 0.2 mm × 1.2 mm) keep each run to a few seconds.
/// </summary>
[TestFixture]
public sealed class SweepCommandTests
{
    private static readonly string[] Outputs =
    [
        "sweep.csv", "slides.csv", "sweep.json", "rates-vs-threshold.png",
        "added-time-vs-threshold.png", "missed-vs-rescanned.png",
    ];

    private static string WriteSweep(string folder, string text)
    {
        string path = Path.Combine(folder, "tiny.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Sweep_TinyFile_WritesEveryOutputAndRepeatsByteForByte()
    {
        string dir = RepoPaths.NewOutputFolder("sweep-repeat");
        string file = WriteSweep(dir, TinySweep.File(slides: 2));
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
        foreach (string outDir in new[] { a, b })
        {
            var run = CliRunner.Run(dir, TimeSpan.FromMinutes(2), "sweep", file, "--out", outDir);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.StdErr);
        }

        Assert.That(Directory.GetFiles(a).Select(Path.GetFileName).Order(),
            Is.EqualTo(Outputs.Order()), "no temporary file may be left behind");
        foreach (string name in Outputs)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(b, name)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(a, name))), name);
        }

        var sweep = File.ReadAllLines(Path.Combine(a, "sweep.csv"));
        Assert.That(sweep[0], Does.StartWith(
            "focus,ans,thresholdDeg,slides,rescanRate,missedRate,needlessRescanRate,"
            + "addedSecondsMean"));
        // 1 focus controller × 2 ANS checks × 3 thresholds
        Assert.That(sweep, Has.Length.EqualTo(1 + 6));
        Assert.That(sweep[1], Does.StartWith("contrast-ratio,neighbour-stripes,0.05,2,"));
        Assert.That(File.ReadAllLines(Path.Combine(a, "slides.csv")), Has.Length.EqualTo(1 + 4));
        byte[] png = File.ReadAllBytes(Path.Combine(a, "missed-vs-rescanned.png"));
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
    }

    [Test]
    public void Sweep_UnknownAlgorithm_ExitsTwoNamingFileAndLineAndWritesNothing()
    {
        string dir = RepoPaths.NewOutputFolder("sweep-bad");
        string text = TinySweep.File().Replace("paired-median", "paired-mean");
        string file = WriteSweep(dir, text);
        string outDir = Path.Combine(dir, "out");
        var run = CliRunner.Run(dir, TimeSpan.FromMinutes(1), "sweep", file, "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StdErr, Does.Contain($"{file}:9: unknown ANS check 'paired-mean' "
            + "(known: neighbour-stripes, paired-median)"));
        Assert.That(run.StdErr, Does.Not.Contain("   at "), "no stack trace for a user's mistake");
        Assert.That(Directory.Exists(outDir), Is.False);
    }

    [Test]
    public void Sweep_CtrlC_ExitsCancelledAndLeavesNoFile()
    {
        string dir = RepoPaths.NewOutputFolder("sweep-cancel");
        string file = WriteSweep(dir, TinySweep.File(slides: 40));
        string outDir = Path.Combine(dir, "out");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { RepoPaths.CliDll, "sweep", file, "--out", outDir })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var started = new TaskCompletionSource();
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("[1/40]", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.That(started.Task.Wait(TimeSpan.FromMinutes(1)), Is.True, "no progress line");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the sweep did not stop after Ctrl-C");
        }

        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(130), stderr.ToString());
        Assert.That(stderr.ToString(), Does.Contain("cancelled: nothing was written"));
        Assert.That(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(),
            Is.False);
    }
}
