using System.Diagnostics;
using NUnit.Framework;

namespace Twin.Tests.Sweeps;

/// <summary>
/// The shipped sweep end to end: 50 slides × 20 thresholds, 1,000 slide-threshold cases per
/// algorithm pair, must finish within a minute on the project's 2-core machine. Slow: it runs
/// about 50 s, so it stays out of the default suite.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class ShippedSweepTests
{
    [Test]
    public void Sweep_ShippedScenario_ThousandCasesWithinAMinuteAndSaneRates()
    {
        string outDir = RepoPaths.NewOutputFolder("sweep-shipped");
        var watch = Stopwatch.StartNew();
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(5), "sweep",
            Path.Combine("scenarios", "ans-threshold-sweep.yaml"), "--out", outDir);
        watch.Stop();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.StdErr);
        var rows = File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(c => c[1] == "neighbour-stripes").ToList();
        Assert.That(rows, Has.Count.EqualTo(20));
        double Rate(string[] c, int column) => double.Parse(c[column],
            System.Globalization.CultureInfo.InvariantCulture);
        // rescans fall and misses rise as the threshold grows
        Assert.That(Rate(rows[0], 4), Is.GreaterThan(Rate(rows[^1], 4)));
        Assert.That(Rate(rows[0], 5), Is.LessThan(Rate(rows[^1], 5)));
        TestContext.Out.WriteLine($"shipped sweep: {watch.Elapsed.TotalSeconds:F1} s wall");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)),
            "1,000 slide-threshold cases must take under a minute on 2 cores");
    }
}
