using NUnit.Framework;

namespace Twin.Tests.Sweeps;

/// <summary>
/// The shipped sweep end to end: 50 slides × 20 thresholds, 1,000 slide-threshold cases per
/// algorithm pair, with rates that move the right way. Slow: it runs about a minute, so it
/// stays out of the default suite. Its speed is measured by
/// <c>gt450twin bench --sweep scenarios/ans-threshold-sweep.yaml</c>, not here.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class ShippedSweepTests
{
    [Test]
    public void Sweep_ShippedScenario_RatesMoveWithTheThreshold()
    {
        string outDir = RepoPaths.NewOutputFolder("sweep-shipped");
        var run = CliRunner.Run(RepoPaths.Root, TimeSpan.FromMinutes(5), "sweep",
            Path.Combine("scenarios", "ans-threshold-sweep.yaml"), "--out", outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.StdErr);
        var rows = File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(c => c[1] == "neighbour-stripes").ToList();
        Assert.That(rows, Has.Count.EqualTo(20));
        double Rate(string[] c, int column) => double.Parse(c[column],
            System.Globalization.CultureInfo.InvariantCulture);
        // rescans fall and misses rise as the threshold grows
        Assert.That(Rate(rows[0], 4), Is.GreaterThan(Rate(rows[^1], 4)));
        Assert.That(Rate(rows[0], 5), Is.LessThan(Rate(rows[^1], 5)));
    }
}
