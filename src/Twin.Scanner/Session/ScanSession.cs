using Twin.Mechanics.Timing;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Settings;
using Twin.Scanner.Slides;

namespace Twin.Scanner.Session;

/// <summary>
/// Scans one slide the way the scanner does: macro image, tissue finding, a focus point, stripes
/// with real-time focusing from the tilted focusing sensor, the ANS check after each stripe and,
/// when it trips, a rescan in narrow stripes. Tiles go to a sink; the result is scored against
/// the slide's true surface, which the algorithms never see.
/// </summary>
public sealed class ScanSession
{
    /// <summary>Tile edge, pixels (GT 450 files use 256).</summary>
    public const int TileSize = 256;

    private readonly ScanSessionOptions _options;

    /// <summary>Creates a session with the given models and algorithms.</summary>
    public ScanSession(ScanSessionOptions options) => _options = options;

    /// <summary>
    /// Takes the slide's macro image and finds its tissue, as the scan itself will: the region
    /// a scan would cover, in slide µm, or null when there is no tissue.
    /// </summary>
    public TissueRegion? Locate(SlideSpec slide) => _options.TissueFinder.Find(
        MacroImager.Capture(slide, _options.Sensor.GlassLevel), MacroImager.PixelUm,
        MacroImager.LabelLengthUm);

    /// <summary>
    /// Focus-only passes for sweeps: macro image and tissue finding once, then one complete pass
    /// per entry of <paramref name="stripePixels"/> with the ANS check never acting, each scored
    /// against the truth. Every pass is the one <see cref="Scan"/> would run with those stripes
    /// (same noise seeds), so an ANS decision replayed on a pass's samples equals the session's.
    /// Returns null when tissue finding finds no tissue. No image is kept.
    /// </summary>
    /// <param name="slide">The slide.</param>
    /// <param name="magnification">Scan magnification.</param>
    /// <param name="stripePixels">Stripe widths of the passes, pixels (multiples of 256).</param>
    /// <param name="cancel">Cancels between focus read-outs.</param>
    public IReadOnlyList<FocusPassRecord>? ScanPasses(
        SlideSpec slide, Magnification magnification, IReadOnlyList<int> stripePixels,
        CancellationToken cancel = default)
    {
        var objective = magnification == Magnification.Forty
            ? ObjectiveModel.Forty : ObjectiveModel.Twenty;
        var macro = MacroImager.Capture(slide, _options.Sensor.GlassLevel);
        var region = _options.TissueFinder.Find(macro, MacroImager.PixelUm,
            MacroImager.LabelLengthUm);
        if (region is null)
        {
            return null;
        }

        var pass = new StripePass(slide, objective, region, macro, _options, cancel);
        var records = new List<FocusPassRecord>();
        foreach (int px in stripePixels)
        {
            var r = pass.Run(px, null, (_, _, _) => new NullTileSink(), null);
            var o = r.Outcome;
            records.Add(new FocusPassRecord
            {
                StripePixels = o.StripePixels,
                Stripes = o.Stripes,
                StripeLengthUm = pass.WidthPx * objective.PixelSizeUm,
                PixelSizeUm = objective.PixelSizeUm,
                Region = region,
                StripeSamples = r.StripeSamples,
                IndexTiltTrueDeg = pass.TrueIndexTiltDeg(),
                FocusErrorRmsUm = o.FocusErrorRmsUm,
                FocusErrorMaxUm = o.FocusErrorMaxUm,
                InFocusFraction = o.InFocusFraction,
                EdgeDefocusMaxUm = o.EdgeDefocusMaxUm,
                HeldReadings = o.HeldReadings,
                Readings = o.Readings,
                DepthOfFieldUm = objective.DepthOfFieldUm(),
            });
        }

        return records;
    }

    /// <summary>
    /// Scans a slide. <paramref name="sinkFactory"/> is called once per pass with the image size
    /// (width, height, stripe pixels) and returns where tiles go; a pass replaced by an ANS rescan
    /// has its sink disposed without commit.
    /// </summary>
    public SlideScanResult Scan(
        SlideSpec slide, ScanSettings settings, Func<int, int, int, ITileSink> sinkFactory,
        IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        var objective = settings.Magnification == Magnification.Forty
            ? ObjectiveModel.Forty : ObjectiveModel.Twenty;
        var macro = MacroImager.Capture(slide, _options.Sensor.GlassLevel);
        var region = _options.TissueFinder.Find(macro, MacroImager.PixelUm,
            MacroImager.LabelLengthUm);
        if (region is null)
        {
            return new SlideScanResult { Id = slide.Id, Status = "skipped: no tissue found" };
        }

        var pass = new StripePass(slide, objective, region, macro, _options, cancel);
        if (settings.ZStack is { } zStack)
        {
            return ScanZStack(slide, objective, pass, zStack, sinkFactory, progress);
        }

        int wide = _options.Mechanics.SensorPixels;
        var first = pass.Run(wide, settings.AnsEnabled ? settings.AnsThresholdDeg : null,
            sinkFactory, progress);
        PassResult final = first;
        bool rescanned = false;
        if (first.Outcome.Tripped)
        {
            rescanned = true;
            final = pass.Run(settings.NarrowStripePixels, null, sinkFactory, progress);
        }

        double stripeLengthUm = pass.WidthPx * objective.PixelSizeUm;
        var plan = new SlideScanPlan
        {
            Stripes = first.Outcome.Stripes,
            StripeLengthUm = stripeLengthUm,
            PixelSizeUm = objective.PixelSizeUm,
            RescanStripes = rescanned ? final.Outcome.Stripes : 0,
            RescanStripeLengthUm = rescanned ? stripeLengthUm : 0,
            AbortedPassFraction = rescanned
                ? first.Outcome.StripesDone / (double)first.Outcome.Stripes : 1,
            FileBytes = final.Bytes,
        };
        var time = new ScanTimeModel(_options.Mechanics).Estimate(plan);
        return Result(slide, objective, pass, first, final, rescanned, time);
    }

    private SlideScanResult ScanZStack(
        SlideSpec slide, ObjectiveModel objective, StripePass pass, ZStackSettings zStack,
        Func<int, int, int, ITileSink> sinkFactory, IProgress<double>? progress)
    {
        var result = pass.RunZStack(zStack, sinkFactory, progress, out int focusPoints);
        var plan = new SlideScanPlan
        {
            Stripes = result.Outcome.Stripes,
            StripeLengthUm = pass.WidthPx * objective.PixelSizeUm,
            PixelSizeUm = objective.PixelSizeUm,
            ZLayers = zStack.Layers,
            FocusPoints = focusPoints,
            FileBytes = result.Bytes,
        };
        var time = new ScanTimeModel(_options.Mechanics).Estimate(plan);
        return Result(slide, objective, pass, result, result, false, time) with
        {
            ZLayers = zStack.Layers,
            FocusPoints = focusPoints,
        };
    }

    private static SlideScanResult Result(
        SlideSpec slide, ObjectiveModel objective, StripePass pass, PassResult first,
        PassResult final, bool rescanned, SlideTimeBudget time)
    {
        var o = final.Outcome;
        return new SlideScanResult
        {
            Id = slide.Id,
            Status = "scanned",
            WidthPx = pass.WidthPx,
            HeightPx = o.Stripes * o.StripePixels,
            Stripes = o.Stripes,
            StripePixels = o.StripePixels,
            AnsRescanned = rescanned,
            IndexTiltEstimateDeg = first.Outcome.TiltEstimateDeg,
            IndexTiltTrueDeg = pass.TrueIndexTiltDeg(),
            FocusErrorRmsUm = o.FocusErrorRmsUm,
            FocusErrorMaxUm = o.FocusErrorMaxUm,
            InFocusFraction = o.InFocusFraction,
            EdgeDefocusMaxUm = o.EdgeDefocusMaxUm,
            HeldReadings = o.HeldReadings,
            Readings = o.Readings,
            DepthOfFieldUm = objective.DepthOfFieldUm(),
            FileBytes = final.Bytes,
            Time = time,
        };
    }
}
