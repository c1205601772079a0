namespace Twin.Mechanics.Timing;

/// <summary>
/// Scan time from the mechanism: stage speed from line rate × pixel size, stripe passes with
/// ramps and turnarounds, slide handling, macro imaging, focus, ANS rescan, z-stack passes and
/// file finalisation.
/// </summary>
// LIMITATION: phases run in sequence; overlap (next slide's macro during a scan) is left out.
public sealed class ScanTimeModel : IScanTimeModel
{
    private readonly MechanicsParameters p;

    /// <summary>Creates the model; the parameters are validated here, once.</summary>
    /// <param name="p">Camera, stage, focus and handling parameters.</param>
    public ScanTimeModel(MechanicsParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        this.p = p;
    }

    /// <summary>The parameters this model was built with.</summary>
    public MechanicsParameters Parameters => p;

    /// <inheritdoc/>
    public SlideTimeBudget Estimate(SlideScanPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();

        double pitchUm = StripeTiming.StripePitchUm(plan.PixelSizeUm, p);
        double firstPass = StripeTiming.StripeRunS(
            plan.Stripes, plan.StripeLengthUm, plan.PixelSizeUm, pitchUm, p);

        var partial = new SlideTimeBudget
        {
            LoadUnloadS = 2 * p.SlidePickPlaceS + 2 * StageMove.TimeS(p.LoadToScanTravelMm, p),
            LabelMacroS = p.LabelMacroImagingS,
            TissueFindingS = p.TissueFindingS,
            FocusS = p.InitialFocusS + plan.FocusPoints * p.FocusPointS,
            StripesS = plan.AbortedPassFraction * firstPass,
            RescanS = RescanS(plan, pitchUm),
            ZStackS = ZStackS(plan),
        };

        // image data stream to storage while scanning; what the link could not carry by the
        // end of the scan must drain before the slide is done
        double transferS = plan.FileBytes / p.ImageLinkBytesPerS;
        double backlogS = Math.Max(0, transferS - partial.ScanS);
        return partial with { FinalizeS = p.FileFinalizeS + backlogS };
    }

    private double RescanS(SlideScanPlan plan, double pitchUm)
    {
        if (plan.RescanStripes == 0)
        {
            return 0;
        }

        // narrow stripes cover the width of the first pass, so each is at most a full pitch
        double widthUm = plan.Stripes * pitchUm;
        double narrowPitchUm = Math.Min(pitchUm, widthUm / plan.RescanStripes);

        // back across the part of the first pass already scanned, then settle
        double scannedAcrossUm =
            plan.AbortedPassFraction * Math.Max(0, plan.Stripes - 1) * pitchUm;
        double reposition = StageMove.TimeS(scannedAcrossUm * 1e-3, p) + p.StripeSettleS;

        return reposition + StripeTiming.StripeRunS(
            plan.RescanStripes, plan.RescanStripeLengthUm, plan.PixelSizeUm, narrowPitchUm, p);
    }

    private double ZStackS(SlideScanPlan plan)
    {
        if (plan.ZLayers <= 1 || plan.Stripes == 0)
        {
            return 0;
        }

        // each further layer is one more pass of every stripe at the next height; the focus
        // axis steps while the stage reverses, so the longer of the two settles counts
        double pass = StripeTiming.PassS(plan.StripeLengthUm, plan.PixelSizeUm, p);
        double travel = StripeTiming.PassTravelMm(plan.StripeLengthUm, plan.PixelSizeUm, p);
        double settle = Math.Max(p.StripeSettleS, p.FocusAxisSettleS);
        double layerStep = StripeTiming.TurnaroundS(0, travel, settle, p);
        return plan.Stripes * (plan.ZLayers - 1) * (layerStep + pass);
    }
}
