using NUnit.Framework;
using Twin.Mechanics.Timing;

namespace Twin.Tests.Mechanics;

[TestFixture]
public sealed class ScanTimeModelTests
{
    private static readonly MechanicsParameters P = MechanicsParameters.Default;
    private static readonly ScanTimeModel Model = new(P);

    private static SlideScanPlan Plan15mm40x => SlideScanPlan.ForArea(15_000, 15_000, 0.26, P);

    [Test]
    public void Estimate_PlainScan_NoRescanZStackOrBacklog()
    {
        SlideTimeBudget b = Model.Estimate(Plan15mm40x);
        Assert.That(b.RescanS, Is.EqualTo(0));
        Assert.That(b.ZStackS, Is.EqualTo(0));
        Assert.That(b.FinalizeS, Is.EqualTo(P.FileFinalizeS));
        Assert.That(b.FocusS, Is.EqualTo(P.InitialFocusS));
    }

    [Test]
    public void Estimate_LoadUnload_IsTwoGripperMovesAndTwoStageTrips()
    {
        SlideTimeBudget b = Model.Estimate(Plan15mm40x);
        Assert.That(b.LoadUnloadS, Is.EqualTo(2 * 3.5 + 2 * 0.85).Within(1e-12));
    }

    [Test]
    public void Estimate_FivePointFocus_AddsFivePointTimes()
    {
        SlideTimeBudget plain = Model.Estimate(Plan15mm40x);
        SlideTimeBudget focused = Model.Estimate(Plan15mm40x with { FocusPoints = 5 });
        Assert.That(focused.FocusS - plain.FocusS, Is.EqualTo(5 * P.FocusPointS).Within(1e-12));
    }

    [Test]
    public void Estimate_FiveLayerZStack_AddsFourPassesPerStripe()
    {
        SlideScanPlan plan = Plan15mm40x with { ZLayers = 5 };
        SlideTimeBudget b = Model.Estimate(plan);
        double pass = StripeTiming.PassS(15_000, 0.26, P);
        double expected = plan.Stripes * 4 * (pass + P.StripeSettleS);
        Assert.That(b.ZStackS, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Estimate_AnsAbortAtHalfPass_CountsHalfTheFirstPass()
    {
        SlideTimeBudget whole = Model.Estimate(Plan15mm40x);
        SlideTimeBudget half = Model.Estimate(Plan15mm40x with
        {
            AbortedPassFraction = 0.5,
            RescanStripes = 30,
            RescanStripeLengthUm = 15_000,
        });
        Assert.That(half.StripesS, Is.EqualTo(whole.StripesS / 2).Within(1e-9));
        Assert.That(half.RescanS, Is.GreaterThan(whole.StripesS));
    }

    [Test]
    public void Estimate_FileLargerThanLinkCarriesDuringScan_AddsBacklogToFinalize()
    {
        SlideTimeBudget b = Model.Estimate(Plan15mm40x with { FileBytes = 10_000_000_000 });
        double transfer = 10_000_000_000 / P.ImageLinkBytesPerS;
        Assert.That(b.FinalizeS, Is.EqualTo(P.FileFinalizeS + transfer - b.ScanS).Within(1e-9));
    }

    [Test]
    public void Estimate_FileTheLinkCarriesDuringScan_AddsNoBacklog()
    {
        SlideTimeBudget b = Model.Estimate(Plan15mm40x with { FileBytes = 1_000_000_000 });
        Assert.That(b.FinalizeS, Is.EqualTo(P.FileFinalizeS));
    }

    [Test]
    public void Estimate_ZeroPixelSize_ThrowsNamingFieldValueAndUnit()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => Model.Estimate(Plan15mm40x with { PixelSizeUm = 0 }));
        Assert.That(ex!.ParamName, Is.EqualTo("PixelSizeUm"));
        Assert.That(
            ex.Message,
            Does.StartWith("PixelSizeUm = 0 µm is out of range; expected > 0 µm."));
    }

    [Test]
    public void Constructor_NegativeSettle_ThrowsNamingParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => _ = new ScanTimeModel(P with { StripeSettleS = -1 }));
        Assert.That(
            ex!.Message,
            Does.StartWith("StripeSettleS = -1 s is out of range; expected >= 0 s."));
    }

    [Test]
    public void Estimate_AbortedFractionAboveOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Model.Estimate(Plan15mm40x with { AbortedPassFraction = 1.5 }));
    }

    [Test]
    public void Estimate_SamePlanTwice_GivesIdenticalBudgets()
    {
        Assert.That(Model.Estimate(Plan15mm40x), Is.EqualTo(Model.Estimate(Plan15mm40x)));
    }
}
