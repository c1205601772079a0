using Twin.Mechanics.Timing;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Session;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// Turns a sweep's scanned passes into decisions, one per ANS check and threshold, without
/// scanning again: the check is replayed on the normal pass's measured heights after each
/// stripe, as the scan session runs it; the first stripe after which it trips is where the
/// session would abandon the pass and rescan in narrow stripes. The slide is then left with the
/// narrow pass, and pays for the part of the normal pass already scanned (the time model's
/// aborted-pass fraction) plus the rescan.
/// </summary>
public sealed class ThresholdEvaluator
{
    private readonly ScanTimeModel _time;

    /// <summary>Creates an evaluator on a mechanics model (default: the scan command's).</summary>
    public ThresholdEvaluator(MechanicsParameters? mechanics = null) =>
        _time = new ScanTimeModel(mechanics ?? MechanicsParameters.Default);

    /// <summary>Decides one scanned slide for one check and threshold (degrees).</summary>
    public SlideDecision Decide(SlideOutcome outcome, IAnsCheck ans, double thresholdDeg)
    {
        var normal = outcome.Normal ?? throw new ArgumentException(
            $"slide {outcome.Entry.Id} was not scanned", nameof(outcome));
        var narrow = outcome.Narrow!;
        int? trip = null;
        double? estimate = null;
        var prefix = new List<IReadOnlyList<FocusSample>>();
        foreach (var stripe in normal.StripeSamples)
        {
            prefix.Add(stripe);
            var verdict = ans.Judge(prefix, thresholdDeg);
            estimate = verdict.TiltEstimateDeg ?? estimate;
            if (verdict.Exceeded)
            {
                trip = prefix.Count;
                break;
            }
        }

        double alone = ScanSeconds(normal, null, normal.Stripes);
        double total = trip is { } k ? ScanSeconds(normal, narrow, k) : alone;
        return new SlideDecision
        {
            Rescanned = trip is not null,
            TripAfterStripes = trip,
            EstimateDeg = estimate,
            Final = trip is null ? normal : narrow,
            ScanSeconds = total,
            AddedSeconds = total - alone,
            NeedsNarrow = outcome.NormalEdgeGeometricUm > 0.5 * normal.DepthOfFieldUm,
        };
    }

    // LIMITATION: focus-only passes write no file, so the image-link backlog is never timed

    /// <summary>
    /// Scan time of a normal pass abandoned after <paramref name="stripesDone"/> stripes and
    /// rescanned in the narrow pass (no rescan when <paramref name="narrow"/> is null), s:
    /// the plan the scan session builds for the same events.
    /// </summary>
    public double ScanSeconds(FocusPassRecord normal, FocusPassRecord? narrow, int stripesDone) =>
        _time.Estimate(new SlideScanPlan
        {
            Stripes = normal.Stripes,
            StripeLengthUm = normal.StripeLengthUm,
            PixelSizeUm = normal.PixelSizeUm,
            RescanStripes = narrow?.Stripes ?? 0,
            RescanStripeLengthUm = narrow?.StripeLengthUm ?? 0,
            AbortedPassFraction = narrow is null ? 1 : stripesDone / (double)normal.Stripes,
        }).ScanS;

    /// <summary>
    /// One row per focus controller × ANS check × threshold, in that nesting order, over the
    /// scanned slides; <paramref name="outcomes"/> is indexed [slide][focus controller].
    /// </summary>
    public IReadOnlyList<SweepRow> Evaluate(SweepSpec spec, SlideOutcome[][] outcomes)
    {
        var rows = new List<SweepRow>();
        for (int f = 0; f < spec.FocusAlgorithms.Count; f++)
        {
            var scanned = outcomes.Select(o => o[f]).Where(o => o.Scanned).ToList();
            foreach (string ansName in spec.AnsAlgorithms)
            {
                var ans = AlgorithmRegistry.AnsCheck(ansName)!;
                foreach (double t in spec.ThresholdsDeg)
                {
                    var d = scanned.Select(o => Decide(o, ans, t)).ToList();
                    rows.Add(Row(spec.FocusAlgorithms[f], ansName, t, d));
                }
            }
        }

        return rows;
    }

    private static SweepRow Row(string focus, string ans, double t, List<SlideDecision> d)
    {
        double Mean(Func<SlideDecision, double> v) => d.Count == 0 ? 0 : d.Average(v);
        return new SweepRow
        {
            Focus = focus,
            Ans = ans,
            ThresholdDeg = t,
            Slides = d.Count,
            RescanRate = Mean(x => x.Rescanned ? 1 : 0),
            MissedRate = Mean(x => x.Missed ? 1 : 0),
            NeedlessRescanRate = Mean(x => x.Needless ? 1 : 0),
            AddedSecondsMean = Mean(x => x.AddedSeconds),
            ScanSecondsMean = Mean(x => x.ScanSeconds),
            MeanFocusErrorRmsUm = Mean(x => x.Final.FocusErrorRmsUm),
            MeanEdgeDefocusUm = Mean(x => x.Final.EdgeDefocusMaxUm),
            MeanInFocusFraction = Mean(x => x.Final.InFocusFraction),
            EdgeBlurredRate = Mean(x =>
                x.Final.EdgeDefocusMaxUm > 0.5 * x.Final.DepthOfFieldUm ? 1 : 0),
        };
    }
}
