using Twin.Mechanics.Timing;

namespace Twin.Scenarios.Reports;

/// <summary>One slide's line in the run report (serialised with camelCase keys).</summary>
public sealed record SlideRecord
{
    /// <summary>Slide id.</summary>
    public required string Id { get; init; }

    /// <summary>Rack id.</summary>
    public required string Rack { get; init; }

    /// <summary>Tissue kind, or "image".</summary>
    public required string Tissue { get; init; }

    /// <summary>"scanned" or "skipped: reason".</summary>
    public required string Status { get; init; }

    /// <summary>"40x" or "20x".</summary>
    public required string Magnification { get; init; }

    /// <summary>Microns per pixel.</summary>
    public double Mpp { get; init; }

    /// <summary>File name of the slide's SVS in the output folder (null when skipped).</summary>
    public string? File { get; init; }

    /// <summary>Bytes of the file.</summary>
    public long FileBytes { get; init; }

    /// <summary>Image size, pixels.</summary>
    public int WidthPx { get; init; }

    /// <summary>Image size, pixels.</summary>
    public int HeightPx { get; init; }

    /// <summary>Stripes of the final pass.</summary>
    public int Stripes { get; init; }

    /// <summary>Stripe width of the final pass, pixels.</summary>
    public int StripePixels { get; init; }

    /// <summary>Scan time (stripes, focus, rescans), s, from the mechanics model.</summary>
    public double ScanSeconds { get; init; }

    /// <summary>Whole slide time including handling, s.</summary>
    public double TotalSeconds { get; init; }

    /// <summary>True when ANS rescanned the slide in narrow stripes.</summary>
    public bool AnsRescanned { get; init; }

    /// <summary>ANS estimate of index-axis tilt, degrees (null: not estimable).</summary>
    public double? IndexTiltEstimateDeg { get; init; }

    /// <summary>True index-axis tilt, degrees.</summary>
    public double IndexTiltTrueDeg { get; init; }

    /// <summary>Focus error RMS over tissue, µm.</summary>
    public double FocusErrorRmsUm { get; init; }

    /// <summary>Largest focus error over tissue, µm.</summary>
    public double FocusErrorMaxUm { get; init; }

    /// <summary>Fraction of tissue within half the depth of field.</summary>
    public double InFocusFraction { get; init; }

    /// <summary>Worst stripe-edge defocus over tissue, µm.</summary>
    public double EdgeDefocusMaxUm { get; init; }

    /// <summary>Depth of field, µm.</summary>
    public double DepthOfFieldUm { get; init; }

    /// <summary>Focal planes in the file (1 without a z-stack).</summary>
    public int ZLayers { get; init; } = 1;

    /// <summary>Point-focus measurements of a z-stack scan's focus map.</summary>
    public int FocusPoints { get; init; }

    /// <summary>Focus read-outs where the controller held, and in total.</summary>
    public int FocusHeld { get; init; }

    /// <summary>Focus read-outs in total.</summary>
    public int FocusReadings { get; init; }

    /// <summary>SVS size predicted before the scan for a 40x scan of the same region, bytes.</summary>
    public long? PredictedBytes40x { get; init; }

    /// <summary>SVS size predicted before the scan for a 20x scan of the same region, bytes.</summary>
    public long? PredictedBytes20x { get; init; }

    /// <summary>DICOM WSI files written beside the SVS (one per pyramid level), or null.</summary>
    public IReadOnlyList<string>? DicomFiles { get; init; }

    /// <summary>Bytes of the DICOM files, or null when none were written.</summary>
    public long? DicomBytes { get; init; }

    /// <summary>Effective settings: name → value and where it came from.</summary>
    public required IReadOnlyDictionary<string, Twin.Scanner.Settings.EffectiveSetting> Settings
    {
        get; init;
    }

    /// <summary>The time budget by phase.</summary>
    public SlideTimeBudget? Time { get; init; }
}
