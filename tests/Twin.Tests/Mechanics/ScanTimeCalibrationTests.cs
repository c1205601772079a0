using NUnit.Framework;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;

namespace Twin.Tests.Mechanics;

/// <summary>
/// The vendor's published figures are results of the mechanism model, checked here within
/// 10 %: ~32 s scan time per 15 mm × 15 mm at 40x and ~81 slides/hour (Aperio GT 450
/// marketing; the 510(k) K232202 summary confirms "a scan speed of 32 ...").
/// </summary>
[TestFixture]
public sealed class ScanTimeCalibrationTests
{
    private const double AreaUm = 15_000;
    private const double Pixel40xUm = 0.26;
    private const double Pixel20xUm = 0.52;

    private static readonly MechanicsParameters P = MechanicsParameters.Default;

    [Test]
    public void ScanTime_15x15mmAt40x_Is32sWithin10Percent()
    {
        SlideTimeBudget b = Estimate(Pixel40xUm);
        TestContext.Out.WriteLine($"40x 15x15 mm: scan {b.ScanS:F2} s, total {b.TotalS:F2} s");
        Assert.That(b.ScanS, Is.InRange(32 * 0.9, 32 * 1.1));
    }

    [Test]
    public void Throughput_RackOf15x15mmSlidesAt40x_Is81PerHourWithin10Percent()
    {
        RackRunResult result = RunRack(Estimate(Pixel40xUm));
        TestContext.Out.WriteLine($"40x rack: {result.SlidesPerHour:F1} slides/h");
        Assert.That(result.SlidesPerHour, Is.InRange(81 * 0.9, 81 * 1.1));
    }

    [Test]
    public void Throughput_FullCarouselOf450SlidesAt40x_Is81PerHourWithin10Percent()
    {
        SlideTimeBudget b = Estimate(Pixel40xUm);
        var loads = Enumerable.Range(1, 15).Select(r => Rack($"R{r}", 0, b)).ToList();
        RackRunResult result = new RackRunSimulator(CarouselParameters.Default).Run(loads);
        TestContext.Out.WriteLine(
            $"40x 450 slides: {result.SlidesPerHour:F1} slides/h, {result.SpanS / 3600:F2} h");
        Assert.That(result.ScannedCount, Is.EqualTo(450));
        Assert.That(result.SlidesPerHour, Is.InRange(81 * 0.9, 81 * 1.1));
    }

    [Test]
    public void ScanTime_15x15mmAt20x_ComesOutFasterThan40x()
    {
        SlideTimeBudget b20 = Estimate(Pixel20xUm);
        SlideTimeBudget b40 = Estimate(Pixel40xUm);
        double perHour20 = RunRack(b20).SlidesPerHour;
        TestContext.Out.WriteLine(
            $"20x 15x15 mm: scan {b20.ScanS:F2} s, total {b20.TotalS:F2} s, "
            + $"{perHour20:F1} slides/h");

        // twice the pixel: half the stripes and twice the stage speed, so well under 40x
        Assert.That(b20.ScanS, Is.LessThan(0.6 * b40.ScanS));
    }

    private static SlideTimeBudget Estimate(double pixelUm) =>
        new ScanTimeModel(P).Estimate(SlideScanPlan.ForArea(AreaUm, AreaUm, pixelUm, P));

    private static RackRunResult RunRack(SlideTimeBudget b) =>
        new RackRunSimulator(CarouselParameters.Default).Run([Rack("R1", 0, b)]);

    private static RackLoad Rack(string id, double atS, SlideTimeBudget b) => new()
    {
        RackId = id,
        LoadedAtS = atS,
        Slides = Enumerable.Range(1, 30)
            .Select(s => new RackSlide { Slot = s, SlideId = $"{id}-{s}", Budget = b })
            .ToList(),
    };
}
