using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>The pyramid plan: floor(/4) sizes, stopping at about 1024 px.</summary>
[TestFixture]
public sealed class PyramidLevelTests
{
    [Test]
    public void Plan_Gt450SizedSlide_QuarterSizesDownToAbout1024()
    {
        var sizes = PyramidLevel.Plan(57_693, 40_001, 256).Select(l => (l.Width, l.Height));
        Assert.That(sizes, Is.EqualTo(new[]
        {
            (57_693, 40_001), (14_423, 10_000), (3_605, 2_500), (901, 625),
        }));
    }

    [Test]
    public void Plan_SmallImage_OnlyLevel0()
    {
        Assert.That(PyramidLevel.Plan(1024, 700, 256), Has.Count.EqualTo(1));
    }

    [Test]
    public void Plan_ThinStrip_StopsBeforeAZeroSide()
    {
        var levels = PyramidLevel.Plan(5000, 3, 256);
        Assert.That(levels, Has.Count.EqualTo(1));
        Assert.That(
            PyramidLevel.Plan(5000, 7, 256).Select(l => l.Height), Is.EqualTo(new[] { 7, 1 }));
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Plan_AnySize_FloorQuarterChainEndingSmall()
    {
        var side = Gen.Choose(1, 1 << 20).ToArbitrary();
        return Prop.ForAll(side, side, (w, h) =>
        {
            var levels = PyramidLevel.Plan(w, h, 256);
            bool chain = levels.Skip(1).Select((l, i) => (l, prev: levels[i]))
                .All(p => p.l.Width == p.prev.Width / 4 && p.l.Height == p.prev.Height / 4);
            var last = levels[^1];
            bool ends = Math.Max(last.Width, last.Height) <= 1024
                || Math.Min(last.Width, last.Height) < 4;
            bool tiles = levels.All(l => l.TileColumns == (l.Width + 255) / 256
                && l.TileRows == (l.Height + 255) / 256);
            return chain && ends && tiles && levels[0].Width == w && levels[0].Height == h;
        });
    }
}
