using NUnit.Framework;
using Twin.Mechanics.Timing;

namespace Twin.Tests.Mechanics;

[TestFixture]
public sealed class StripeTimingTests
{
    private static readonly MechanicsParameters P = MechanicsParameters.Default;

    [Test]
    public void ScanSpeed_At40x_IsLineRateTimesPixelSize()
    {
        // 35 000 lines/s × 0.26 µm = 9.1 mm/s
        Assert.That(StripeTiming.ScanSpeedMmPerS(0.26, P), Is.EqualTo(9.1).Within(1e-9));
    }

    [Test]
    public void ScanSpeed_At20x_IsTwiceThe40xSpeed()
    {
        Assert.That(
            StripeTiming.ScanSpeedMmPerS(0.52, P),
            Is.EqualTo(2 * StripeTiming.ScanSpeedMmPerS(0.26, P)).Within(1e-9));
    }

    [Test]
    public void ScanSpeed_AboveStageLimit_IsCappedAndLineRateDrops()
    {
        var fast = P with { LineRateHz = 200_000 };
        Assert.That(StripeTiming.ScanSpeedMmPerS(0.52, fast), Is.EqualTo(50));
        Assert.That(
            StripeTiming.EffectiveLineRateHz(0.52, fast),
            Is.EqualTo(50e3 / 0.52).Within(1e-6));
    }

    [Test]
    public void StripePitch_At40x_IsSensorWidthTimesPixel()
    {
        Assert.That(StripeTiming.StripePitchUm(0.26, P), Is.EqualTo(1064.96).Within(1e-9));
    }

    [TestCase(15_000, 0.26, 15)]
    [TestCase(15_000, 0.52, 8)]
    [TestCase(1064.96 * 3, 0.26, 3)]
    [TestCase(1064.96 * 3 + 1, 0.26, 4)]
    [TestCase(0, 0.26, 0)]
    public void StripeCount_Width_CoversWidthWithWholeStripes(
        double widthUm, double pixelUm, int expected)
    {
        Assert.That(StripeTiming.StripeCount(widthUm, pixelUm, P), Is.EqualTo(expected));
    }

    [Test]
    public void StripeCount_WithOverlap_NeedsMoreStripes()
    {
        var overlapped = P with { StripeOverlapPixels = 400 };
        Assert.That(StripeTiming.StripeCount(1064.96 * 10, 0.26, overlapped), Is.EqualTo(12));
    }

    [Test]
    public void StageMove_LongMove_IsTrapezoid()
    {
        // 40 mm at 50 mm/s with 1000 mm/s²: 0.8 s cruise-equivalent + 0.05 s of ramps
        Assert.That(StageMove.TimeS(40, P), Is.EqualTo(0.85).Within(1e-12));
    }

    [Test]
    public void StageMove_ShortMove_IsTriangle()
    {
        // 1 mm never reaches 50 mm/s: t = 2·sqrt(d/a)
        Assert.That(StageMove.TimeS(1, P), Is.EqualTo(2 * Math.Sqrt(0.001)).Within(1e-12));
    }

    [Test]
    public void StageMove_AtProfileBoundary_IsContinuous()
    {
        double boundaryMm = 50.0 * 50.0 / 1000.0;
        double below = StageMove.TimeS(boundaryMm * (1 - 1e-9), P);
        double above = StageMove.TimeS(boundaryMm * (1 + 1e-9), P);
        Assert.That(above - below, Is.LessThan(1e-6).And.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void PassTime_15mmAt40x_IsRampsLeadInAndCruise()
    {
        double v = 9.1;
        double expected = 2 * v / 1000 + (0.5 + 15) / v;
        Assert.That(StripeTiming.PassS(15_000, 0.26, P), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void StripeRun_OneWayScanning_IsSlowerThanSerpentine()
    {
        var oneWay = P with { Bidirectional = false };
        double pitch = StripeTiming.StripePitchUm(0.26, P);
        double serpentine = StripeTiming.StripeRunS(10, 15_000, 0.26, pitch, P);
        double oneWayS = StripeTiming.StripeRunS(10, 15_000, 0.26, pitch, oneWay);
        Assert.That(oneWayS, Is.GreaterThan(serpentine + 9 * 0.3));
    }

    [Test]
    public void StripeRun_NoStripes_TakesNoTime()
    {
        Assert.That(StripeTiming.StripeRunS(0, 15_000, 0.26, 1000, P), Is.EqualTo(0));
    }
}
