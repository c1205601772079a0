using NUnit.Framework;
using Twin.Mechanics.Geometry;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Session;
using Twin.Scanner.Settings;
using Twin.Scenarios.Sweeps;

namespace Twin.Tests.Sweeps;

/// <summary>
/// The sweep's design rests on one claim: a threshold only changes the decision, so replaying
/// the ANS check on a complete normal pass and taking the narrow pass when it trips gives what
/// a scan session with ANS on at that threshold gives. Checked here on a small slide of three
/// normal stripes, against the session scanning the slide itself (no lattice cache).
/// </summary>
[TestFixture]
public sealed class SweepEquivalenceTests
{
    [Test]
    public void Replay_EachThreshold_MatchesTheScanSessionWithAnsOn()
    {
        var spec = TinySweep.Spec(new SlidePose { TrayIndexTiltDeg = 0.25, OffsetUm = 1 },
            widthMm: 0.2, heightMm: 2.3);
        var outcome = TinySweep.Scan(spec);
        Assert.That(outcome.Normal!.Stripes, Is.EqualTo(3), "the slide must span 3 stripes");
        var evaluator = new ThresholdEvaluator();
        var slide = SlidePopulation.Slide(spec, 0);
        var session = new ScanSession(TinySweep.Options(spec));
        // 0.1°: trips after the first pair of stripes, two of three; 1°: never trips
        foreach (double threshold in new[] { 0.1, 1.0 })
        {
            var d = evaluator.Decide(outcome, new NeighbourStripeAnsCheck(), threshold);
            var settings = SettingsResolver.Resolve(false, null, true, threshold,
                spec.NarrowStripePixels, 91);
            var r = session.Scan(slide, settings, (_, _, _) => new NullTileSink());
            Assert.Multiple(() =>
            {
                Assert.That(d.Rescanned, Is.EqualTo(threshold < 0.5));
                Assert.That(r.AnsRescanned, Is.EqualTo(d.Rescanned));
                Assert.That(r.IndexTiltEstimateDeg, Is.EqualTo(d.EstimateDeg).Within(1e-9));
                Assert.That(r.FocusErrorRmsUm, Is.EqualTo(d.Final.FocusErrorRmsUm).Within(1e-9));
                Assert.That(r.EdgeDefocusMaxUm, Is.EqualTo(d.Final.EdgeDefocusMaxUm)
                    .Within(1e-9));
                Assert.That(r.InFocusFraction, Is.EqualTo(d.Final.InFocusFraction).Within(1e-9));
                Assert.That(r.Time!.ScanS, Is.EqualTo(d.ScanSeconds).Within(1e-9));
            });
        }

        Assert.That(evaluator.Decide(outcome, new NeighbourStripeAnsCheck(), 0.1)
            .TripAfterStripes, Is.EqualTo(2));
    }
}
