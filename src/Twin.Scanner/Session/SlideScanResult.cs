using Twin.Mechanics.Timing;

namespace Twin.Scanner.Session;

/// <summary>The outcome of scanning one slide: measurements, truth, decisions and cost.</summary>
public sealed record SlideScanResult
{
    /// <summary>Slide identifier.</summary>
    public required string Id { get; init; }

    /// <summary>"scanned", or "skipped: reason".</summary>
    public required string Status { get; init; }

    /// <summary>Image width, pixels (0 when not scanned).</summary>
    public int WidthPx { get; init; }

    /// <summary>Image height, pixels.</summary>
    public int HeightPx { get; init; }

    /// <summary>Stripes in the final pass.</summary>
    public int Stripes { get; init; }

    /// <summary>Width of the final pass's stripes, pixels.</summary>
    public int StripePixels { get; init; }

    /// <summary>True when ANS tripped and the slide was rescanned in narrow stripes.</summary>
    public bool AnsRescanned { get; init; }

    /// <summary>Index-axis tilt estimated by the ANS check, degrees (null: not estimable).</summary>
    public double? IndexTiltEstimateDeg { get; init; }

    /// <summary>True index-axis tilt of the scanned region, degrees (least-squares slope).</summary>
    public double IndexTiltTrueDeg { get; init; }

    /// <summary>RMS of commanded focus minus true section mid-plane over tissue, µm.</summary>
    public double FocusErrorRmsUm { get; init; }

    /// <summary>Largest |focus error| over tissue, µm.</summary>
    public double FocusErrorMaxUm { get; init; }

    /// <summary>Fraction of tissue sample points within half the depth of field of focus.</summary>
    public double InFocusFraction { get; init; }

    /// <summary>Largest |defocus| at a stripe edge over tissue in the final pass, µm.</summary>
    public double EdgeDefocusMaxUm { get; init; }

    /// <summary>Focus read-outs in which the controller held (no texture or outlier).</summary>
    public int HeldReadings { get; init; }

    /// <summary>Focus read-outs in total.</summary>
    public int Readings { get; init; }

    /// <summary>Depth of field of the scan's optics at 550 nm, µm.</summary>
    public double DepthOfFieldUm { get; init; }

    /// <summary>Focal planes acquired (1 without a z-stack).</summary>
    public int ZLayers { get; init; } = 1;

    /// <summary>Point-focus measurements of a z-stack scan's focus map (0 otherwise).</summary>
    public int FocusPoints { get; init; }

    /// <summary>Bytes of the written file (0 for focus-only runs).</summary>
    public long FileBytes { get; init; }

    /// <summary>Time budget of the slide from the mechanics model.</summary>
    public SlideTimeBudget? Time { get; init; }
}
