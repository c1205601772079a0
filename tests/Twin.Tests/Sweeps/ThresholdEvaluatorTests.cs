using NUnit.Framework;
using Twin.Mechanics.Geometry;
using Twin.Mechanics.Timing;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Session;
using Twin.Scenarios.Model;
using Twin.Scenarios.Sweeps;

namespace Twin.Tests.Sweeps;

/// <summary>
/// Decisions replayed from recorded passes, on synthetic measured heights (no scanning): where
/// the check trips, what the slide is left with, what the rescan costs.
/// </summary>
[TestFixture]
public sealed class ThresholdEvaluatorTests
{
    private const double Pitch = 1064.96;

    /// <summary>
    /// Measured heights along each stripe's centre line; the surface between stripe k−1 and
    /// stripe k rises at tiltDeg[k] (tiltDeg[0] is unused).
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<FocusSample>> Samples(params double[] tiltDeg)
    {
        var stripes = new List<IReadOnlyList<FocusSample>>();
        double h = 0;
        for (int k = 0; k < tiltDeg.Length; k++)
        {
            double slope = Math.Tan(tiltDeg[k] * Math.PI / 180);
            h += k == 0 ? 0 : slope * Pitch;
            var s = new List<FocusSample>();
            for (int i = 0; i < 6; i++)
            {
                s.Add(new FocusSample(40_000 + (i * 66.56), k * Pitch, h));
            }

            stripes.Add(s);
        }

        return stripes;
    }

    internal static SlideOutcome Outcome(
        IReadOnlyList<IReadOnlyList<FocusSample>> samples, double normalEdgeUm = 0.3)
    {
        var region = new TissueRegion(39_800, 11_000, 40_200, 11_000 + (samples.Count * Pitch),
            new bool[1, 1], 40);
        FocusPassRecord Pass(int px, int stripes, double rms, double edge) => new()
        {
            StripePixels = px,
            Stripes = stripes,
            StripeLengthUm = 6 * 66.56,
            PixelSizeUm = 0.26,
            Region = region,
            StripeSamples = samples,
            FocusErrorRmsUm = rms,
            EdgeDefocusMaxUm = edge,
            InFocusFraction = 0.9,
            DepthOfFieldUm = 1.32,
        };

        return new SlideOutcome
        {
            Index = 0,
            Entry = new SlideEntry { Id = "S0001", Tissue = "skin", Pose = SlidePose.Level },
            Section = "S0001",
            Focus = "contrast-ratio",
            Status = "scanned",
            Normal = Pass(4096, samples.Count, 0.5, 1.0),
            Narrow = Pass(1024, 4 * samples.Count, 0.2, 0.3),
            NormalEdgeGeometricUm = normalEdgeUm,
            NarrowEdgeGeometricUm = normalEdgeUm / 4,
        };
    }

    [Test]
    public void Decide_TiltOverThresholdFromSecondStripe_TripsAfterTwoOfThreeStripes()
    {
        var o = Outcome(Samples(0, 0.2, 0.2));
        var d = new ThresholdEvaluator().Decide(o, new NeighbourStripeAnsCheck(), 0.1);
        Assert.That(d.Rescanned, Is.True);
        Assert.That(d.TripAfterStripes, Is.EqualTo(2));
        Assert.That(d.EstimateDeg, Is.EqualTo(0.2).Within(1e-9));
        Assert.That(d.Final, Is.SameAs(o.Narrow));
    }

    [Test]
    public void Decide_TiltUnderThreshold_KeepsTheNormalPassAndAddsNoTime()
    {
        var o = Outcome(Samples(0, 0.05, 0.05));
        var d = new ThresholdEvaluator().Decide(o, new NeighbourStripeAnsCheck(), 0.1);
        Assert.That(d.Rescanned, Is.False);
        Assert.That(d.Final, Is.SameAs(o.Normal));
        Assert.That(d.AddedSeconds, Is.EqualTo(0));
    }

    [Test]
    public void Decide_EarlierTrip_CostsLessThanATripAtTheEnd()
    {
        var evaluator = new ThresholdEvaluator();
        var ans = new NeighbourStripeAnsCheck();
        var early = evaluator.Decide(Outcome(Samples(0, 0.3, 0.3)), ans, 0.1);
        var late = evaluator.Decide(Outcome(Samples(0, 0.0, 0.3)), ans, 0.1);
        Assert.That(early.TripAfterStripes, Is.EqualTo(2));
        Assert.That(late.TripAfterStripes, Is.EqualTo(3));
        Assert.That(early.AddedSeconds, Is.GreaterThan(0));
        Assert.That(early.AddedSeconds, Is.LessThan(late.AddedSeconds));
    }

    [Test]
    public void ScanSeconds_TripAfterTwoOfThree_MatchesTheTimeModelsAbortedPass()
    {
        var o = Outcome(Samples(0, 0.3, 0.3));
        var plan = new SlideScanPlan
        {
            Stripes = 3,
            StripeLengthUm = 6 * 66.56,
            PixelSizeUm = 0.26,
            RescanStripes = 12,
            RescanStripeLengthUm = 6 * 66.56,
            AbortedPassFraction = 2 / 3.0,
        };
        double expected = new ScanTimeModel(MechanicsParameters.Default).Estimate(plan).ScanS;
        Assert.That(new ThresholdEvaluator().ScanSeconds(o.Normal!, o.Narrow, 2),
            Is.EqualTo(expected).Within(1e-12));
    }

    [TestCase(0.3, false, false, false)]
    [TestCase(0.3, true, false, true)]
    [TestCase(1.0, false, true, false)]
    [TestCase(1.0, true, false, false)]
    public void Decide_MissedAndNeedless_FollowTheGeometricEdgeDefocus(
        double edgeUm, bool tilted, bool missed, bool needless)
    {
        // half the 1.32 µm depth of field is the line between needing narrow stripes and not
        var o = Outcome(Samples(0, tilted ? 0.3 : 0.0), edgeUm);
        var d = new ThresholdEvaluator().Decide(o, new NeighbourStripeAnsCheck(), 0.1);
        Assert.That(d.Rescanned, Is.EqualTo(tilted));
        Assert.That(d.Missed, Is.EqualTo(missed));
        Assert.That(d.Needless, Is.EqualTo(needless));
    }

    [Test]
    public void Evaluate_RowsPerFocusAnsAndThreshold_InThatOrder()
    {
        var spec = TinySweep.Spec(SlidePose.Level) with
        {
            AnsAlgorithms = ["neighbour-stripes", "paired-median"],
            ThresholdsDeg = [0.1, 0.2],
        };
        var outcomes = new[] { new[] { Outcome(Samples(0, 0.15)) } };
        var rows = new ThresholdEvaluator().Evaluate(spec, outcomes);
        Assert.That(rows.Select(r => $"{r.Ans}@{r.ThresholdDeg}"), Is.EqualTo(new[]
        {
            "neighbour-stripes@0.1", "neighbour-stripes@0.2", "paired-median@0.1",
            "paired-median@0.2",
        }));
        Assert.That(rows.Select(r => r.RescanRate), Is.EqualTo(new[] { 1.0, 0, 1, 0 }));
    }
}
