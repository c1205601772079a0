using Twin.Mechanics.Timing;

namespace Twin.Mechanics.Files;

/// <summary>
/// Predicted size of the image file a scan plan writes, bytes: every z layer is a full pyramid
/// of the stripes' area; associated images once.
/// </summary>
public sealed class FileSizeModel
{
    private readonly FileSizeParameters p;
    private readonly MechanicsParameters mechanics;

    /// <summary>Creates the model; the parameters are validated here, once.</summary>
    /// <param name="p">Bytes per pixel, pyramid fraction and associated images.</param>
    /// <param name="mechanics">Sensor width and stripe overlap set the imaged width.</param>
    public FileSizeModel(FileSizeParameters p, MechanicsParameters mechanics)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(mechanics);
        p.Validate();
        mechanics.Validate();
        this.p = p;
        this.mechanics = mechanics;
    }

    /// <summary>Level-0 pixels of one layer of the plan, px: stripes × pitch × length.</summary>
    /// <param name="plan">Stripes, stripe length (µm) and pixel size (µm).</param>
    public double Level0Pixels(SlideScanPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        double widthPx = plan.Stripes * (double)(mechanics.SensorPixels
            - mechanics.StripeOverlapPixels);
        return widthPx * Math.Floor(plan.StripeLengthUm / plan.PixelSizeUm);
    }

    /// <summary>
    /// File size, bytes: layers × level-0 pixels × bytes per pixel × (1 + pyramid fraction)
    /// + associated images; 0 for a plan with no stripes.
    /// </summary>
    /// <param name="plan">The scan plan (an ANS rescan covers the same area: no change).</param>
    public long Bytes(SlideScanPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        double pixels = Level0Pixels(plan);
        if (pixels <= 0)
        {
            return 0;
        }

        double layer = pixels * p.BytesPerPixel(plan.PixelSizeUm) * (1 + p.PyramidFraction);
        return (long)Math.Round(plan.ZLayers * layer) + p.AssociatedBytes;
    }
}
