using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Twin.Scanner.Algorithms;
using Twin.Scenarios.Reports;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// Writes a sweep's outputs: sweep.csv (one row per focus controller × ANS check × threshold),
/// slides.csv (truth and estimates per slide), sweep.json (the parameters that made them) and
/// the plots. Everything is rendered in memory first, then each file goes through a temporary
/// name and a rename, so a cancelled or failed run leaves no half-written file.
/// </summary>
public static class SweepWriter
{
    /// <summary>Columns of sweep.csv, in order.</summary>
    public static IReadOnlyList<string> SweepColumns { get; } =
    [
        "focus", "ans", "thresholdDeg", "slides", "rescanRate", "missedRate",
        "needlessRescanRate", "addedSecondsMean", "scanSecondsMean", "meanFocusErrorRmsUm",
        "meanEdgeDefocusUm", "meanInFocusFraction", "edgeBlurredRate",
    ];

    /// <summary>Columns of slides.csv, in order.</summary>
    public static IReadOnlyList<string> SlideColumns { get; } =
    [
        "id", "focus", "ans", "status", "tissue", "section", "widthMm", "heightMm", "offsetUm",
        "trayIndexTiltDeg", "trayScanTiltDeg", "wedgeIndexDeg", "wedgeScanDeg",
        "wavinessAmplitudeUm", "wavinessPeriodUm", "wavinessPhase", "indexTiltTrueDeg",
        "indexTiltEstimateDeg", "estimatesByStripeDeg", "normalStripes", "narrowStripes",
        "depthOfFieldUm", "normalEdgeGeometricUm", "narrowEdgeGeometricUm", "needsNarrow",
        "normalFocusErrorRmsUm", "normalEdgeDefocusMaxUm", "normalInFocusFraction",
        "narrowFocusErrorRmsUm", "narrowEdgeDefocusMaxUm", "narrowInFocusFraction",
        "normalHeldReadings", "normalReadings", "normalScanSeconds", "rescanAtEndScanSeconds",
    ];

    /// <summary>sweep.csv text.</summary>
    public static string SweepCsv(IReadOnlyList<SweepRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', SweepColumns)).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(string.Join(',', r.Focus, r.Ans, F(r.ThresholdDeg), I(r.Slides),
                F(r.RescanRate), F(r.MissedRate), F(r.NeedlessRescanRate), F(r.AddedSecondsMean),
                F(r.ScanSecondsMean), F(r.MeanFocusErrorRmsUm), F(r.MeanEdgeDefocusUm),
                F(r.MeanInFocusFraction), F(r.EdgeBlurredRate))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>slides.csv text: one row per slide × focus controller × ANS check.</summary>
    public static string SlidesCsv(
        SweepSpec spec, SlideOutcome[][] outcomes, ThresholdEvaluator evaluator)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', SlideColumns)).Append('\n');
        foreach (var perFocus in outcomes)
        {
            foreach (var o in perFocus)
            {
                foreach (string ansName in spec.AnsAlgorithms)
                {
                    sb.Append(string.Join(',', SlideCells(o, ansName, evaluator))).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>sweep.json text: what was swept, with units, and how many slides scanned.</summary>
    public static string SweepJson(SweepSpec spec, SlideOutcome[][] outcomes)
    {
        var json = new
        {
            name = spec.Name,
            source = spec.Source,
            seed = spec.Seed,
            slides = spec.Slides,
            slidesScanned = outcomes.Count(o => o[0].Scanned),
            design = "each slide scanned once per focus controller in normal and once in narrow "
                + "stripes, focus-only, ANS never acting; every ANS check and threshold is "
                + "replayed on the normal pass's measured heights after each stripe",
            missed = "not rescanned although the normal stripes' geometric edge defocus "
                + "(half-width x tan(tilt), waviness included) exceeds half the depth of field",
            magnification = spec.Magnification == Scanner.Settings.Magnification.Forty
                ? "40x" : "20x",
            narrowStripePixels = spec.NarrowStripePixels,
            focusReadoutLines = spec.FocusReadoutLines,
            tissueKinds = spec.TissueKinds,
            tissueSectionsPerKind = spec.TissueSections,
            distributions = new Dictionary<string, string>
            {
                ["widthMm"] = spec.WidthMm.ToString(),
                ["heightMm"] = spec.HeightMm.ToString(),
                ["offsetUm"] = spec.OffsetUm.ToString(),
                ["trayIndexTiltDeg"] = spec.TrayIndexTiltDeg.ToString(),
                ["trayScanTiltDeg"] = spec.TrayScanTiltDeg.ToString(),
                ["wedgeIndexDeg"] = spec.WedgeIndexDeg.ToString(),
                ["wedgeScanDeg"] = spec.WedgeScanDeg.ToString(),
                ["wavinessAmplitudeUm"] = spec.WavinessAmplitudeUm.ToString(),
                ["wavinessPeriodUm"] = spec.WavinessPeriodUm.ToString(),
                ["wavinessPhase"] = spec.WavinessPhase.ToString(),
            },
            thresholdsDeg = spec.ThresholdsDeg,
            algorithms = new
            {
                focus = spec.FocusAlgorithms.Select(n => new
                {
                    name = n, about = AlgorithmRegistry.Describe(n),
                }),
                ans = spec.AnsAlgorithms.Select(n => new
                {
                    name = n, about = AlgorithmRegistry.Describe(n),
                }),
            },
        };
        return JsonSerializer.Serialize(json, new JsonSerializerOptions
        {
            WriteIndented = true,
            // plain apostrophes and µ in the text, not \u escapes
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }

    /// <summary>Names of the files <see cref="WriteAll"/> writes into the output folder.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } =
        ["sweep.csv", "slides.csv", "sweep.json", .. SweepPlots.FileNames];

    /// <summary>
    /// Writes every output into <paramref name="outDir"/>; returns the paths written. Nothing
    /// is written until all of it is rendered.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(
        string outDir, SweepSpec spec, SlideOutcome[][] outcomes, IReadOnlyList<SweepRow> rows,
        ThresholdEvaluator evaluator)
    {
        var files = new List<(string Name, byte[] Bytes)>
        {
            (OutputFiles[0], Utf8(SweepCsv(rows))),
            (OutputFiles[1], Utf8(SlidesCsv(spec, outcomes, evaluator))),
            (OutputFiles[2], Utf8(SweepJson(spec, outcomes))),
        };
        files.AddRange(SweepPlots.Render(rows));
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        foreach (var (name, bytes) in files)
        {
            string path = Path.Combine(outDir, name);
            ReportWriter.WriteAtomic(path, bytes);
            written.Add(path);
        }

        return written;
    }

    private static IEnumerable<string> SlideCells(
        SlideOutcome o, string ansName, ThresholdEvaluator evaluator)
    {
        var e = o.Entry;
        var p = e.Pose;
        string[] head =
        [
            e.Id, o.Focus, ansName, Quote(o.Status), e.Tissue, o.Section, F(e.WidthMm),
            F(e.HeightMm),
            F(p.OffsetUm), F(p.TrayIndexTiltDeg), F(p.TrayScanTiltDeg), F(p.WedgeIndexDeg),
            F(p.WedgeScanDeg), F(p.WavinessAmplitudeUm), F(p.WavinessPeriodUm),
            F(p.WavinessPhase),
        ];
        if (o.Normal is not { } n || o.Narrow is not { } w)
        {
            return head.Concat(Enumerable.Repeat("", SlideColumns.Count - head.Length));
        }

        var ans = AlgorithmRegistry.AnsCheck(ansName)!;
        var prefix = new List<IReadOnlyList<FocusSample>>();
        var estimates = new List<string>();
        double? last = null;
        foreach (var stripe in n.StripeSamples)
        {
            prefix.Add(stripe);
            double? v = ans.Judge(prefix, double.PositiveInfinity).TiltEstimateDeg;
            estimates.Add(v is { } x ? F(x) : "");
            last = v ?? last;
        }

        bool needs = o.NormalEdgeGeometricUm > 0.5 * n.DepthOfFieldUm;
        string[] tail =
        [
            F(n.IndexTiltTrueDeg), last is { } l ? F(l) : "", string.Join(';', estimates),
            I(n.Stripes), I(w.Stripes), F(n.DepthOfFieldUm), F(o.NormalEdgeGeometricUm),
            F(o.NarrowEdgeGeometricUm), needs ? "true" : "false", F(n.FocusErrorRmsUm),
            F(n.EdgeDefocusMaxUm), F(n.InFocusFraction), F(w.FocusErrorRmsUm),
            F(w.EdgeDefocusMaxUm), F(w.InFocusFraction), I(n.HeldReadings), I(n.Readings),
            F(evaluator.ScanSeconds(n, null, n.Stripes)),
            F(evaluator.ScanSeconds(n, w, n.Stripes)),
        ];
        return head.Concat(tail);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    // adding 0.0 turns a negative zero into a plain zero, so files never print "-0"
    private static string F(double v) =>
        (Math.Round(v, 6) + 0.0).ToString("0.######", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string v) =>
        v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
