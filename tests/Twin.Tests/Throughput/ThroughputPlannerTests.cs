using NUnit.Framework;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using Twin.Scanner.Settings;
using Twin.Scenarios.Throughput;

namespace Twin.Tests.Throughput;

[TestFixture]
public sealed class ThroughputPlannerTests
{
    private static readonly ThroughputPlanner Planner =
        new(MechanicsParameters.Default, ThroughputSettings.Default);

    [Test]
    public void Plan_NoOverride_ScannerDefault40xPixel()
    {
        var ts = Scenarios.Of([(15, 15)]);
        PlannedSlide p = Planner.Plan(ts.Scenario, Scenarios.Variant()).Single();
        Assert.That(p.Magnification, Is.EqualTo(Magnification.Forty));
        Assert.That(p.Plan.PixelSizeUm, Is.EqualTo(0.26));
        Assert.That(p.Plan.Stripes, Is.EqualTo(15));
    }

    [Test]
    public void Plan_ScannerDefaultsTo20xButRackSays40x_RackOverrideWins()
    {
        var ts = Scenarios.Of([(15, 15)], Magnification.Forty, defaultTo20x: true);
        PlannedSlide p = Planner.Plan(ts.Scenario, Scenarios.Variant()).Single();
        Assert.That(p.Magnification, Is.EqualTo(Magnification.Forty));
    }

    [Test]
    public void Plan_ScannerDefaultsTo20x_TwentyPixelAndHalfTheStripes()
    {
        var ts = Scenarios.Of([(15, 15)], defaultTo20x: true);
        PlannedSlide p = Planner.Plan(ts.Scenario, Scenarios.Variant()).Single();
        Assert.That(p.Plan.PixelSizeUm, Is.EqualTo(0.52));
        Assert.That(p.Plan.Stripes, Is.EqualTo(8));
    }

    [Test]
    public void Plan_WidthAlongScanHeightAcrossStripes_StripesFollowHeight()
    {
        var ts = Scenarios.Of([(20, 3)]);
        PlannedSlide p = Planner.Plan(ts.Scenario, Scenarios.Variant()).Single();
        Assert.That(p.Plan.Stripes, Is.EqualTo(3));
        Assert.That(p.Plan.StripeLengthUm, Is.EqualTo(20_000));
    }

    [Test]
    public void Plan_TwentyFiveLayers_PointFocusOnA5mmGridAndNoRescan()
    {
        var ts = Scenarios.Of([(15, 15), (15, 15)]);
        var slides = Planner.Plan(ts.Scenario, Scenarios.Variant(layers: 25, rescanRate: 1));
        Assert.That(slides.All(s => s.Plan.ZLayers == 25 && s.Plan.FocusPoints == 9));
        Assert.That(slides.Any(s => s.Rescanned), Is.False);
    }

    [Test]
    public void Plan_RescanOfA15mmSlide_QuarterWidthNarrowStripesAfterTwoStripes()
    {
        var ts = Scenarios.Of([(15, 15)]);
        PlannedSlide p = Planner.Plan(ts.Scenario, Scenarios.Variant(rescanRate: 1)).Single();
        Assert.That(p.Rescanned, Is.True);

        // 1024-pixel narrow stripes of 0.26 µm: 15 mm needs 57 of them
        Assert.That(p.Plan.RescanStripes, Is.EqualTo(57));
        Assert.That(p.Plan.AbortedPassFraction, Is.EqualTo(2 / 15.0).Within(1e-12));
        Assert.That(p.Budget.RescanS, Is.GreaterThan(p.Budget.StripesS));
    }

    [TestCase(0.0)]
    [TestCase(0.1)]
    [TestCase(0.25)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    public void Plan_RescanRate_CountWithinTwoOfRateTimesSlides(double rate)
    {
        var ts = Scenarios.Of([.. Enumerable.Repeat((10.0, 5.0), 100)]);
        var slides = Planner.Plan(ts.Scenario, Scenarios.Variant(rescanRate: rate));
        Assert.That(slides.Count(s => s.Rescanned), Is.EqualTo(100 * rate).Within(2));
    }

    [Test]
    public void IsRescanned_HigherRate_RescansEverySlideTheLowerRateDid()
    {
        double[] rates = [0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.0];
        foreach (var (low, high) in rates.Zip(rates.Skip(1)))
        {
            Assert.That(Enumerable.Range(0, 500).All(k =>
                !ThroughputPlanner.IsRescanned(k, low) || ThroughputPlanner.IsRescanned(k, high)));
        }

        Assert.That(Enumerable.Range(0, 500).All(k => ThroughputPlanner.IsRescanned(k, 1)));
        Assert.That(Enumerable.Range(0, 500).Any(k => ThroughputPlanner.IsRescanned(k, 0)),
            Is.False);
    }

    [Test]
    public void Plan_FailedSlide_NoFileAndNeverRescanned()
    {
        var settings = ThroughputSettings.Default with
        {
            Failures = new Dictionary<string, SlideFailure>
            {
                ["s1"] = SlideFailure.BarcodeUnreadable,
            },
        };
        var ts = Scenarios.Of([(15, 15)], settings: settings);
        PlannedSlide p = new ThroughputPlanner(MechanicsParameters.Default, settings)
            .Plan(ts.Scenario, Scenarios.Variant(rescanRate: 1)).Single();
        Assert.That(p.FileBytes, Is.EqualTo(0));
        Assert.That(p.Rescanned, Is.False);
        Assert.That(p.Failure, Is.EqualTo(SlideFailure.BarcodeUnreadable));
    }

    [Test]
    public void Plan_BudgetHasNoSingleSlideLinkBacklog_NetworkCountedOnce()
    {
        // a 25-layer file would back up the single-slide link model; the planner leaves the
        // link to the rack simulation's network
        var ts = Scenarios.Of([(15, 15)]);
        PlannedSlide p = Planner.Plan(ts.Scenario, Scenarios.Variant(layers: 25)).Single();
        Assert.That(p.Plan.FileBytes, Is.EqualTo(0));
        Assert.That(p.Budget.FinalizeS, Is.EqualTo(MechanicsParameters.Default.FileFinalizeS));
        Assert.That(p.FileBytes, Is.GreaterThan(10_000_000_000));
    }

    [Test]
    public void Loads_ScheduleOff_EveryRackAtZero()
    {
        var settings = ThroughputSettings.Default with { LoadIntervalS = 600 };
        var ts = Scenarios.Of([.. Enumerable.Repeat((10.0, 5.0), 45)], settings: settings);
        var planner = new ThroughputPlanner(MechanicsParameters.Default, settings);
        var planned = planner.Plan(ts.Scenario, Scenarios.Variant());
        Assert.That(planner.Loads(ts.Scenario, planned).Select(l => l.LoadedAtS),
            Is.EqualTo(new[] { 0.0, 600.0 }));
        Assert.That(planner.Loads(ts.Scenario, planned, schedule: false)
            .Select(l => l.LoadedAtS), Is.EqualTo(new[] { 0.0, 0.0 }));
    }
}
