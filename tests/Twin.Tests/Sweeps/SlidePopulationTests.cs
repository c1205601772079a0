using NUnit.Framework;
using Twin.Mechanics.Geometry;
using Twin.Optics.Rendering;
using Twin.Scenarios.Sweeps;

namespace Twin.Tests.Sweeps;

/// <summary>The seeded slide population and its distributions.</summary>
[TestFixture]
public sealed class SlidePopulationTests
{
    private static SweepSpec Spec(ulong seed = 9, int slides = 10) =>
        TinySweep.Spec(SlidePose.Level, slides: slides, seed: seed) with
        {
            TissueKinds = ["dense-tumour", "skin"],
            TrayIndexTiltDeg = Distribution.Normal(0, 0.1).Within(-1, 1),
            HeightMm = Distribution.Uniform(1.2, 2.0).Within(0.1, 20),
        };

    [Test]
    public void Entry_SameSeedAndIndex_GivesTheSameSlideWhateverThePopulationSize()
    {
        var a = SlidePopulation.Entry(Spec(slides: 10), 7);
        var b = SlidePopulation.Entry(Spec(slides: 500), 7);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(a.Id, Is.EqualTo("S0008"));
    }

    [Test]
    public void Entry_OtherSeed_GivesOtherTilts()
    {
        var a = Enumerable.Range(0, 5).Select(i => SlidePopulation.Entry(Spec(1), i).Pose);
        var b = Enumerable.Range(0, 5).Select(i => SlidePopulation.Entry(Spec(2), i).Pose);
        Assert.That(a.Select(p => p.TrayIndexTiltDeg), Is.Not.EqualTo(b.Select(
            p => p.TrayIndexTiltDeg)));
    }

    [Test]
    public void Entry_ChangingOneDistribution_LeavesTheOtherDrawsAlone()
    {
        var spec = Spec();
        var before = SlidePopulation.Entry(spec, 3);
        var after = SlidePopulation.Entry(spec with
        {
            WavinessAmplitudeUm = Distribution.Uniform(0, 2).Within(0, 10),
        }, 3);
        Assert.That(after.Pose.TrayIndexTiltDeg, Is.EqualTo(before.Pose.TrayIndexTiltDeg));
        Assert.That(after.HeightMm, Is.EqualTo(before.HeightMm));
        Assert.That(after.Pose.WavinessAmplitudeUm, Is.Not.EqualTo(
            before.Pose.WavinessAmplitudeUm));
    }

    [Test]
    public void Entry_FixedDistributions_GiveExactlyTheFixedValues()
    {
        var pose = new SlidePose { TrayIndexTiltDeg = 0.123, OffsetUm = -2, WavinessPhase = 1 };
        var e = SlidePopulation.Entry(TinySweep.Spec(pose), 0);
        Assert.That(e.Pose, Is.EqualTo(pose));
        Assert.That(e.WidthMm, Is.EqualTo(0.3));
    }

    [Test]
    public void Draw_Normal_MatchesItsMeanAndSpread()
    {
        var d = Distribution.Normal(0.05, 0.1).Within(-1, 1);
        var source = new NoiseSource(3);
        var v = Enumerable.Range(0, 20_000).Select(_ => d.Draw(ref source)).ToArray();
        double mean = v.Average();
        double sd = Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Average());
        // standard error of the mean 0.0007, of the sd 0.0005
        Assert.That(mean, Is.EqualTo(0.05).Within(0.003));
        Assert.That(sd, Is.EqualTo(0.1).Within(0.003));
    }

    [Test]
    public void Draw_NormalNearItsLimit_StaysInsideTheAllowedRange()
    {
        var d = Distribution.Normal(0.45, 0.2).Within(-0.5, 0.5);
        var source = new NoiseSource(4);
        var v = Enumerable.Range(0, 5_000).Select(_ => d.Draw(ref source)).ToArray();
        Assert.That(v, Has.All.InRange(-0.5, 0.5));
        Assert.That(v.Count(x => x > 0.45), Is.LessThan(v.Count(x => x < 0.45)),
            "truncation removes the upper tail");
    }

    [Test]
    public void Draw_Uniform_CoversItsRangeAndNoMore()
    {
        var d = Distribution.Uniform(1500, 4000);
        var source = new NoiseSource(5);
        var v = Enumerable.Range(0, 5_000).Select(_ => d.Draw(ref source)).ToArray();
        Assert.That(v, Has.All.InRange(1500, 4000));
        Assert.That(v.Min(), Is.LessThan(1520));
        Assert.That(v.Max(), Is.GreaterThan(3980));
    }

    [Test]
    public void Slide_NoSectionLibrary_IsWhatTheScenarioSlideFactoryMakes()
    {
        var spec = Spec();
        var mine = SlidePopulation.Slide(spec, 4);
        var factory = Twin.Scenarios.Running.SlideFactory.Create(SlidePopulation.Entry(spec, 4),
            spec.Seed, out _)!;
        Assert.That(mine.Seed, Is.EqualTo(factory.Seed));
        Assert.That(mine.TissueOriginYUm, Is.EqualTo(factory.TissueOriginYUm));
        Assert.That(mine.Tissue.SampleCoarse(150, 600, 40),
            Is.EqualTo(factory.Tissue.SampleCoarse(150, 600, 40)));
    }

    [Test]
    public void Slide_SameSectionInALibrary_SharesTissueButNotPoseOrNoise()
    {
        var spec = Spec(slides: 40) with { TissueSections = 2, TissueKinds = ["skin"] };
        var bySection = Enumerable.Range(0, 40).GroupBy(i => SlidePopulation.Section(spec, i))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.That(bySection.Keys.Order(), Is.EqualTo(new[] { "skin-1", "skin-2" }));
        var pair = bySection["skin-1"];
        var a = SlidePopulation.Slide(spec, pair[0]);
        var b = SlidePopulation.Slide(spec, pair[1]);
        Assert.That(b.Tissue.HeightUm, Is.EqualTo(a.Tissue.HeightUm));
        Assert.That(b.Tissue.SampleCoarse(150, 600, 40), Is.EqualTo(a.Tissue.SampleCoarse(150,
            600, 40)));
        Assert.That(b.Seed, Is.Not.EqualTo(a.Seed));
        Assert.That(b.Pose, Is.Not.EqualTo(a.Pose));
    }
}
