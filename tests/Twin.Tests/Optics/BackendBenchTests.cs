using NUnit.Framework;
using Twin.Optics.Psf;
using Twin.Optics.Tissue;
using Twin.Scenarios.Bench;
using Twin.Scenarios.Cli;

namespace Twin.Tests.Optics;

/// <summary>The bench and the gallery, run small: every figure once, sensible values.</summary>
[TestFixture]
public sealed class BackendBenchTests
{
    [Test]
    public void BenchRunner_TinyBlock_ReportsEachFigureOnceWithConsistentRatio()
    {
        var options = BenchOptions.Default with
        {
            TilesPerSide = 1, TilePx = 64, SecondsPerMeasurement = 0.05,
        };
        var figures = BenchRunner.Run(options, _ => { });
        var byName = figures.ToDictionary(f => f.Name);
        Assert.That(byName.Count, Is.EqualTo(figures.Count), "names are unique");
        foreach (string name in new[] { "render.cpu.mpxPerSec", "render.cpu.endToEnd.mpxPerSec",
            "render.cpu.firstPass.mpxPerSec",
            "libvips.blurJpeg.mpxPerSec", "render.cpuToLibvips.ratio" })
        {
            Assert.That(byName[name].Value, Is.GreaterThan(0), name);
        }

        Assert.That(byName["render.cpuToLibvips.ratio"].Value,
            Is.EqualTo(byName["render.cpu.mpxPerSec"].Value
                / byName["libvips.blurJpeg.mpxPerSec"].Value).Within(1e-9));
        Assert.That(byName["libvips.blurJpeg.sigmaPx"].Value, Is.InRange(0.5, 5.0));
    }

    [Test]
    public void BenchTiming_AlternatingPasses_RunsEachAtLeastThreeTimes()
    {
        int a = 0;
        int b = 0;
        var (first, second) = BenchTiming.MedianSeconds(() => a++, () => b++, 0);
        Assert.That((a, b), Is.EqualTo((3, 3)));
        Assert.That(first, Is.GreaterThanOrEqualTo(0));
        Assert.That(second, Is.GreaterThanOrEqualTo(0));
    }

    [TestCase(1.0, "dense-tumour-40x-z+1.png")]
    [TestCase(-2.0, "dense-tumour-40x-z-2.png")]
    [TestCase(0.0, "dense-tumour-40x-z0.png")]
    public void RenderCommand_FileName_SaysKindMagnificationAndDefocus(double dz, string name)
    {
        Assert.That(RenderCommand.FileName(TissueKinds.DenseTumour, ObjectiveModel.Forty, dz),
            Is.EqualTo(name));
    }
}
