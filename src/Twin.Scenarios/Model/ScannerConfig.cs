namespace Twin.Scenarios.Model;

/// <summary>Scanner-level configuration ("Configure Scan Settings" and service settings).</summary>
public sealed record ScannerConfig
{
    /// <summary>Scanner identity written into files.</summary>
    public string Id { get; init; } = "GT450-TWIN-01";

    /// <summary>"Default to 20x scanning" (off = 40x, the factory default).</summary>
    public bool DefaultTo20x { get; init; }

    /// <summary>Auto Narrow Stripe on or off.</summary>
    public bool AnsEnabled { get; init; }

    /// <summary>ANS index-axis tilt threshold, degrees. Default 0.1° (service setting; estimate).</summary>
    public double AnsThresholdDeg { get; init; } = 0.1;

    /// <summary>Narrow stripe width for ANS rescans, pixels. Default 1024 (a quarter sensor).</summary>
    public int NarrowStripePixels { get; init; } = 1024;

    /// <summary>
    /// True when each slide is also written as DICOM WSI beside its SVS ("output: svs+dicom").
    /// Refused for 20x, z-stack and ANS-enabled configurations (release notes).
    /// </summary>
    public bool Dicom { get; init; }

    /// <summary>
    /// True when each slide's file size at 40x and 20x is predicted before it is scanned, from
    /// sampled, really encoded tiles. Default true.
    /// </summary>
    public bool PredictFileSize { get; init; } = true;

    /// <summary>
    /// The lab admin's z-stack defaults, used by racks that ask for a z-stack without values.
    /// Default 5 layers 0.5 µm apart (the release notes' example).
    /// </summary>
    public Twin.Scanner.Settings.ZStackSettings ZStackDefaults { get; init; } = new(5, 0.5);

    /// <summary>
    /// YCbCr chroma subsampling of tiles: 2 for 4:2:0 (default, as GT 450 files carry), 1 for
    /// 4:4:4.
    /// </summary>
    public int ChromaSubsampling { get; init; } = 2;

    /// <summary>JPEG quality of tiles. Default 91 (GT 450 files carry Q=91).</summary>
    public int JpegQuality { get; init; } = 91;
}
