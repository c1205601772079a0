using NUnit.Framework;
using Twin.Mechanics.Racks;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Throughput;

namespace Twin.Tests.Throughput;

/// <summary>
/// scenarios/throughput-40x-15mm.yaml against the vendor's published figures, within 10 %:
/// ~32 s scan per 15 mm × 15 mm at 40x and ~81 slides/hour (Aperio GT 450 marketing; the
/// 510(k) K232202 summary confirms "a scan speed of 32 ..."). The whole throughput path runs:
/// scenario file, planner, file sizes, network and carousel.
/// </summary>
[TestFixture]
public sealed class CalibrationScenarioTests
{
    private static readonly string File15mm = Repo.Scenario("throughput-40x-15mm.yaml");

    private static VariantResult Scenario()
    {
        ThroughputScenario ts = ThroughputScenarioLoader.Load(File15mm);
        return ThroughputStudy.Default.Run(ts, ThroughputStudy.Variants(ts)[0]);
    }

    [Test]
    public void CalibrationFile_ScenarioReader_AcceptsIt()
    {
        var slides = ScenarioReader.Load(File15mm).Racks.SelectMany(r => r.Slides).ToList();
        Assert.That(slides, Has.Count.EqualTo(30));
        Assert.That(slides.All(s => s.WidthMm == 15 && s.HeightMm == 15), Is.True);
    }

    [Test]
    public void Throughput_CalibrationRack_ScanIs32sPerSlideWithin10Percent()
    {
        VariantResult r = Scenario();
        TestContext.Out.WriteLine($"40x 15x15 mm: scan {r.MeanScanS:F2} s per slide");
        Assert.That(r.Slides.All(s => s.Budget.ScanS > 32 * 0.9 && s.Budget.ScanS < 32 * 1.1));
        Assert.That(r.MeanScanS, Is.InRange(32 * 0.9, 32 * 1.1));
    }

    [Test]
    public void Throughput_CalibrationRack_Is81SlidesPerHourWithin10Percent()
    {
        VariantResult r = Scenario();
        TestContext.Out.WriteLine($"40x rack of 30: {r.SlidesPerHour:F1} slides/h");
        Assert.That(r.Run.ScannedCount, Is.EqualTo(30));
        Assert.That(r.SlidesPerHour, Is.InRange(81 * 0.9, 81 * 1.1));
    }

    [Test]
    public void Throughput_CalibrationRackOnSiteNetwork_ScannerNotNetworkLimits()
    {
        VariantResult r = Scenario();
        Assert.That(r.Run.Bottleneck, Is.EqualTo(Bottleneck.Scanner));
        Assert.That(r.Run.BufferStallS, Is.EqualTo(0));
    }
}
