using NUnit.Framework;
using Twin.Mechanics.Racks;
using Twin.Scenarios.Throughput;

namespace Twin.Tests.Throughput;

[TestFixture]
public sealed class ThroughputStudyTests
{
    private static readonly Lazy<(ThroughputScenario Ts, IReadOnlyList<VariantResult> Results)>
        Day = new(() =>
        {
            var ts = ThroughputScenarioLoader.Load(Repo.Scenario("throughput-day.yaml"));
            return (ts, ThroughputStudy.Default.Run(ts));
        });

    private static IReadOnlyList<VariantResult> Results => Day.Value.Results;

    private static VariantResult Named(string name) =>
        Results.Single(r => r.Variant.Name == name);

    [Test]
    public void Variants_Day_UniqueNamesScenarioFirst()
    {
        var names = ThroughputStudy.Variants(Day.Value.Ts).Select(v => v.Name).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names[0], Is.EqualTo("scenario"));
        Assert.That(names, Does.Contain("z25-100Mbps").And.Contain("z25-nolimit")
            .And.Contain("40x").And.Contain("20x").And.Contain("ans-10%"));
    }

    [Test]
    public void LayerSweep_IsOneAndTheOddCountsThreeToTwentyFive()
    {
        Assert.That(ThroughputStudy.LayerSweep,
            Is.EqualTo(new[] { 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25 }));
    }

    [Test]
    public void Run_Day_EveryVariantAccountsForAll450Slides()
    {
        Assert.That(Results.All(r =>
            r.Run.Slides.Count == 450 && r.Run.ScannedCount + r.Run.FailedCount == 450
            && r.Run.FailedCount == 3));
    }

    [Test]
    public void Run_Day_ScenarioFollowsTheLoadingScheduleComparisonsDoNot()
    {
        VariantResult scenario = Named("scenario");
        SlideRunRecord firstOfRack6 = scenario.Run.Slides.First(s => s.RackId == "rack-06");
        Assert.That(firstOfRack6.RackLoadedAtS, Is.EqualTo(7500));
        Assert.That(Named("40x").Run.Slides.All(s => s.RackLoadedAtS == 0));
    }

    [Test]
    public void Run_Day_20xFasterThan40x()
    {
        Assert.That(Named("20x").SlidesPerHour, Is.GreaterThan(Named("40x").SlidesPerHour));
        Assert.That(Named("20x").MeanScanS, Is.LessThan(Named("40x").MeanScanS));
    }

    [Test]
    public void Run_Day_MoreRescansNeverMoreSlidesPerHour()
    {
        var sweep = Results.Where(r => r.Variant.Group == "ans")
            .OrderBy(r => r.Variant.AnsRescanRate).ToList();
        Assert.That(sweep.Zip(sweep.Skip(1)).All(p =>
            p.Second.SlidesPerHour <= p.First.SlidesPerHour + 1e-9));
        Assert.That(sweep[^1].SlidesPerHour, Is.LessThan(sweep[0].SlidesPerHour));
    }

    [TestCase("nolimit")]
    [TestCase("site")]
    [TestCase("100Mbps")]
    public void Run_Day_MoreLayersNeverMoreSlidesPerHour(string network)
    {
        var sweep = ThroughputStudy.LayerSweep
            .Select(l => Named($"z{l}-{network}").SlidesPerHour).ToList();
        Assert.That(sweep.Zip(sweep.Skip(1)).All(p => p.Second <= p.First + 1e-9));
    }

    [Test]
    public void Run_Day_HundredMegabitLinkLimitsTwentyFiveLayersGigabitDoesNot()
    {
        VariantResult slow = Named("z25-100Mbps");
        VariantResult gigabit = Named("z25-1Gbps");
        VariantResult free = Named("z25-nolimit");
        Assert.That(slow.Run.Bottleneck, Is.EqualTo(Bottleneck.ImageLink));
        Assert.That(slow.Run.BufferStallS, Is.GreaterThan(0));
        Assert.That(slow.SlidesPerHour, Is.LessThan(0.8 * free.SlidesPerHour));
        Assert.That(gigabit.Run.Bottleneck, Is.EqualTo(Bottleneck.Scanner));
        Assert.That(gigabit.SlidesPerHour, Is.GreaterThan(0.99 * free.SlidesPerHour));

        // the line rate needed lies between the two
        Assert.That(free.LinkNeededBitsPerS, Is.InRange(1e8, 1e9));
    }

    [Test]
    public void Run_SameScenarioTwice_IdenticalResults()
    {
        var ts = Day.Value.Ts;
        ThroughputVariant v = ThroughputStudy.Variants(ts)[0];
        VariantResult a = ThroughputStudy.Default.Run(ts, v);
        VariantResult b = ThroughputStudy.Default.Run(ts, v);
        Assert.That(a.Run.Slides, Is.EqualTo(b.Run.Slides));
        Assert.That(a.SlidesPerHour, Is.EqualTo(b.SlidesPerHour));
    }
}
