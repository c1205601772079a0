using NUnit.Framework;
using Twin.Scenarios.Bench;

namespace Twin.Tests.Files;

/// <summary>The SVS-vs-libvips benchmark returns consistent figures and cleans up.</summary>
[TestFixture]
public sealed class SvsBenchTests
{
    [Test]
    public void Run_SmallImage_ReturnsNamedPositiveFiguresAndLeavesNoFiles()
    {
        string folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files", nameof(SvsBenchTests));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var figures = SvsBench.Run(1280, 1024, 91, folder);
        foreach (var (name, value, unit) in figures)
        {
            TestContext.Out.WriteLine($"{name} = {value:G4} {unit}");
        }

        Assert.That(figures.Select(f => f.Name), Is.EqualTo(SvsBench.FigureNames));
        Assert.That(figures.All(f => f.Value > 0 && double.IsFinite(f.Value)), Is.True);
        var byName = figures.ToDictionary(f => f.Name, f => f.Value);
        Assert.That(
            byName["svs.toLibvips.ratio"],
            Is.EqualTo(byName["svs.write.mpxPerSec"] / byName["libvips.tiffsave.mpxPerSec"])
                .Within(1e-9));
        Assert.That(byName["image.mpx"], Is.EqualTo(1280 * 1024 / 1e6).Within(1e-9));
        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
    }

    [Test]
    public void Run_TinyImage_ThrowsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SvsBench.Run(100, 100));
    }

    [Test]
    [Explicit("benchmark: 50 Mpx through both writers; run in Release")]
    public void Run_DefaultImage_PrintsFigures()
    {
        foreach (var (name, value, unit) in SvsBench.Run())
        {
            TestContext.Out.WriteLine($"{name} = {value:G4} {unit}");
        }
    }
}
