using Twin.Optics.Tissue;
using Twin.Mechanics.Timing;
using Twin.Scanner.Files;
using Twin.Scanner.Files.Dicom;
using Twin.Scanner.Session;
using Twin.Scanner.Settings;
using Twin.Scanner.Slides;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Model;
using Twin.Scenarios.Reports;

namespace Twin.Scenarios.Running;

/// <summary>
/// Runs a scenario's racks slide by slide: resolves each rack's settings, builds each slide,
/// scans it into an SVS file in the output folder, and collects the run report.
/// </summary>
public sealed class ScanRunner
{
    private const string ReportJson = "report.json";
    private const string ReportCsv = "report.csv";

    private readonly ScanSessionOptions _options;

    /// <summary>Creates a runner with the given session models (defaults when omitted).</summary>
    public ScanRunner(ScanSessionOptions? options = null) =>
        _options = options ?? new ScanSessionOptions();

    /// <summary>Callbacks a front end uses to show progress.</summary>
    public sealed record Hooks
    {
        /// <summary>Called when a slide starts (slide index, count, id).</summary>
        public Action<int, int, string>? SlideStarted { get; init; }

        /// <summary>Called with a slide's fraction done.</summary>
        public Action<int, double>? SlideProgress { get; init; }

        /// <summary>Called when a slide ends, with its record.</summary>
        public Action<int, SlideRecord>? SlideFinished { get; init; }
    }

    /// <summary>
    /// Checks every slide can be built before any scanning starts, so a broken seed image stops
    /// the run with exit code 2 and nothing written.
    /// </summary>
    public static void Preflight(Scenario scenario)
    {
        var errors = new List<ScenarioError>();
        foreach (var slide in scenario.Racks.SelectMany(r => r.Slides))
        {
            try
            {
                SlideFactory.Create(slide, scenario.Seed, out _);
            }
            catch (TissueImageException e)
            {
                errors.Add(new ScenarioError(scenario.Source, slide.Line,
                    $"slide '{slide.Id}': {e.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioException(errors);
        }
    }

    /// <summary>
    /// The files a run writes into its output folder: the reports and one SVS file per slide
    /// (DICOM files, when asked for, besides).
    /// </summary>
    public static IEnumerable<string> OutputFiles(Scenario scenario) =>
        new[] { ReportJson, ReportCsv }.Concat(scenario.Racks.SelectMany(r => r.Slides)
            .SelectMany(slide => scenario.Scanner.Dicom
                ? DicomLevels.Select(k => $"{slide.Id}-level{k}.dcm").Prepend(SvsName(slide))
                : [SvsName(slide)]));

    // every level a DICOM pyramid of one slide can have: each level is a quarter of the one
    // before, so 16 levels would span 4^15 ≈ 10⁹ pixels a side
    private static IEnumerable<int> DicomLevels => Enumerable.Range(0, 16);

    /// <summary>Scans every slide of the scenario into <paramref name="outDir"/>.</summary>
    public RunReport Run(
        Scenario scenario, string outDir, Hooks? hooks = null, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(outDir);
        var records = new List<SlideRecord>();
        var all = scenario.Racks.SelectMany(r => r.Slides.Select(s => (Rack: r, Slide: s)))
            .ToList();
        var session = new ScanSession(_options);
        for (int index = 0; index < all.Count; index++)
        {
            cancel.ThrowIfCancellationRequested();
            var (rack, entry) = all[index];
            hooks?.SlideStarted?.Invoke(index, all.Count, entry.Id);
            var c = scenario.Scanner;
            var settings = SettingsResolver.Resolve(c.DefaultTo20x, rack.Magnification,
                c.AnsEnabled, c.AnsThresholdDeg, c.NarrowStripePixels, c.JpegQuality,
                c.Dicom ? "svs+dicom" : "svs", rack.ZStack, rack.ZStackSource);
            var record = ScanOne(scenario, rack, entry, settings, session, outDir, index,
                hooks, cancel);
            records.Add(record);
            hooks?.SlideFinished?.Invoke(index, record);
        }

        var report = new RunReport
        {
            Scenario = scenario.Name,
            Source = scenario.Source,
            Seed = scenario.Seed,
            Device = _options.Backend?.Name ?? "cpu",
            Slides = records,
        };
        ReportWriter.WriteAtomic(Path.Combine(outDir, ReportJson), ReportWriter.ToJson(report));
        ReportWriter.WriteAtomic(Path.Combine(outDir, ReportCsv), ReportWriter.ToCsv(report));
        return report;
    }

    private static string SvsName(SlideEntry entry) => entry.Id + ".svs";

    private static SlideRecord ScanOne(
        Scenario scenario, RackSpec rack, SlideEntry entry, ScanSettings settings,
        ScanSession session, string outDir, int index, Hooks? hooks, CancellationToken cancel)
    {
        string mag = SettingsResolver.Label(settings.Magnification);
        double mpp = settings.Magnification == Magnification.Forty ? 0.26 : 0.52;
        var slide = SlideFactory.Create(entry, scenario.Seed, out string? skip);
        if (slide is null)
        {
            return new SlideRecord
            {
                Id = entry.Id, Rack = rack.Id, Tissue = entry.Tissue, Status = "skipped: " + skip,
                Magnification = mag, Mpp = mpp, Settings = settings.Provenance,
            };
        }

        string file = SvsName(entry);
        string path = Path.Combine(outDir, file);
        var macro = MacroImager.Capture(slide);
        var label = MacroImager.Label(macro);
        var predictions = scenario.Scanner.PredictFileSize
            ? Predict(session, slide, label, macro, settings) : null;
        var dicomFiles = new List<string>();
        ITileSink Sink(int w, int h, int stripePx)
        {
            var svs = Svs(w, h, stripePx);
            if (!scenario.Scanner.Dicom)
            {
                return svs;
            }

            var dicom = new DicomTileSink(outDir, entry.Id, w, h, new DicomWsiMetadata
            {
                SlideId = entry.Id,
                UidSeed = $"{scenario.Seed}/{entry.Id}",
                AppMag = (int)settings.Magnification,
                MicronsPerPixel = mpp,
                SectionThicknessUm = slide.Tissue.ThicknessUm,
                SerialNumber = scenario.Scanner.Id,
                AcquiredAt = scenario.AcquiredAt,
                JpegQuality = settings.JpegQuality,
            });
            dicomFiles.Clear();
            dicomFiles.AddRange(dicom.FinalPaths.Select(Path.GetFileName)!);
            return new CompositeTileSink(svs, dicom);
        }

        ITileSink Svs(int w, int h, int stripePx) => new SvsTileSink(path, w, h, new SvsMetadata
        {
            AppMag = (int)settings.Magnification,
            MicronsPerPixel = mpp,
            ScannerId = scenario.Scanner.Id,
            AcquiredAt = scenario.AcquiredAt,
            StripeWidthPx = stripePx,
            Filename = entry.Id,
            ImageId = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            JpegQuality = settings.JpegQuality,
            ChromaSubsampling = scenario.Scanner.ChromaSubsampling,
            FocalPlanesUm = settings.ZStack?.OffsetsUm() ?? [0.0],
        }, label, macro);
        var r = session.Scan(slide, settings, Sink, new SyncProgress(
            f => hooks?.SlideProgress?.Invoke(index, f)), cancel);
        return new SlideRecord
        {
            Id = entry.Id,
            Rack = rack.Id,
            Tissue = entry.Tissue,
            Status = r.Status,
            Magnification = mag,
            Mpp = mpp,
            File = r.Status == "scanned" ? file : null,
            // the SVS alone: a scan that also writes DICOM reports those files separately
            FileBytes = r.Status == "scanned" && File.Exists(path) ? new FileInfo(path).Length : 0,
            DicomBytes = scenario.Scanner.Dicom && r.Status == "scanned"
                ? dicomFiles.Sum(f => new FileInfo(Path.Combine(outDir, f)).Length) : null,
            WidthPx = r.WidthPx,
            HeightPx = r.HeightPx,
            Stripes = r.Stripes,
            StripePixels = r.StripePixels,
            ScanSeconds = Round(r.Time?.ScanS ?? 0, 2),
            TotalSeconds = Round(r.Time?.TotalS ?? 0, 2),
            AnsRescanned = r.AnsRescanned,
            IndexTiltEstimateDeg = r.IndexTiltEstimateDeg is { } e ? Round(e, 4) : null,
            IndexTiltTrueDeg = Round(r.IndexTiltTrueDeg, 4),
            FocusErrorRmsUm = Round(r.FocusErrorRmsUm, 3),
            FocusErrorMaxUm = Round(r.FocusErrorMaxUm, 3),
            InFocusFraction = Round(r.InFocusFraction, 4),
            EdgeDefocusMaxUm = Round(r.EdgeDefocusMaxUm, 3),
            DepthOfFieldUm = Round(r.DepthOfFieldUm, 3),
            ZLayers = r.ZLayers,
            FocusPoints = r.FocusPoints,
            FocusHeld = r.HeldReadings,
            FocusReadings = r.Readings,
            PredictedBytes40x = predictions?[0].TotalBytes,
            PredictedBytes20x = predictions?[1].TotalBytes,
            DicomFiles = scenario.Scanner.Dicom && r.Status == "scanned" ? dicomFiles : null,
            Settings = settings.Provenance,
            Time = r.Time is { } t ? t with
            {
                LoadUnloadS = Round(t.LoadUnloadS, 3), LabelMacroS = Round(t.LabelMacroS, 3),
                TissueFindingS = Round(t.TissueFindingS, 3), FocusS = Round(t.FocusS, 3),
                StripesS = Round(t.StripesS, 3), RescanS = Round(t.RescanS, 3),
                ZStackS = Round(t.ZStackS, 3), FinalizeS = Round(t.FinalizeS, 3),
            } : null,
        };
    }

    /// <summary>
    /// Predicts the slide's SVS size at 40x and 20x before scanning, from a sample of tiles of
    /// its own tissue rendered and really JPEG-encoded, over the region tissue finding gives.
    /// </summary>
    private static IReadOnlyList<FileSizePrediction>? Predict(
        ScanSession session, SlideSpec slide, Twin.Optics.Imaging.RgbImage label,
        Twin.Optics.Imaging.RgbImage macro, ScanSettings settings)
    {
        if (session.Locate(slide) is not { } region)
        {
            return null;
        }

        var render = TissueTileRenderer.Create(slide.Tissue, Twin.Optics.Rendering.SensorModel
            .Default, slide.TissueOriginXUm - region.X0Um, slide.TissueOriginYUm - region.Y0Um,
            slide.Seed);
        var options = new FileSizePredictorOptions
        {
            // a dozen tiles keep the prediction to a few seconds a slide; the spread over
            // seeds stays within about ±15 % (measured on the synthetic tissues)
            SampleTiles = 12,
            StripePx = MechanicsParameters.Default.SensorPixels,
            JpegQuality = settings.JpegQuality,
            Seed = slide.Seed,
        };
        return FileSizePredictor.PredictFortyAndTwenty(region.X1Um - region.X0Um,
            region.Y1Um - region.Y0Um, render, options, label, macro);
    }

    // adding 0.0 turns a negative zero into a plain zero, so reports never print "-0"
    private static double Round(double v, int digits) => Math.Round(v, digits) + 0.0;

    /// <summary>An IProgress that reports on the caller's thread (no synchronisation context).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
