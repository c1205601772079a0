namespace Twin.Mechanics.Timing;

/// <summary>
/// Physical parameters of the scanner's camera, stage, focus axis and slide handler, from which
/// scan time and throughput are derived. Every value carries a unit, a default and a source.
/// </summary>
/// <remarks>
/// Call <see cref="Validate"/> once where parameters enter the program (scenario load);
/// <see cref="ScanTimeModel"/> does so in its constructor.
/// </remarks>
public sealed record MechanicsParameters
{
    /// <summary>The defaults below, which reproduce the vendor's published figures.</summary>
    public static MechanicsParameters Default { get; } = new();

    /// <summary>
    /// Line rate of the imaging line-scan camera, Hz (lines/s). Sets the stage speed:
    /// v = line rate × pixel size. Default 35 000 Hz.
    /// </summary>
    // source: estimate, and the one parameter calibrated against the vendor's ~32 s per
    // 15 mm x 15 mm at 40x. 4k colour line cameras of the GT 450's generation run at 20-70 kHz
    // and a 40x brightfield line needs tens of µs of exposure; 35 kHz (28.6 µs/line, 9.1 mm/s
    // at 0.26 µm) is inside that range. All other parameters are independent estimates.
    public double LineRateHz { get; init; } = 35_000;

    /// <summary>
    /// Pixels across the imaging line sensor, used as the stripe width in pixels. Default 4096.
    /// </summary>
    // source: GT 450 SVS descriptions carry "StripeWidth = 4096" (public file dumps, see
    // REFERENCES.md), i.e. 1.065 mm at 0.26 µm/px.
    public int SensorPixels { get; init; } = 4096;

    /// <summary>
    /// Pixels shared by neighbouring stripes for stitching, pixels. Stripe pitch =
    /// (sensor pixels − overlap) × pixel size. Default 0.
    /// </summary>
    // source: estimate. The file's StripeWidth equals the sensor width, so stripes are taken to
    // tile without overlap; raise this to model a stitching margin.
    public int StripeOverlapPixels { get; init; }

    /// <summary>Maximum speed of the XY stage on any axis, mm/s. Default 50 mm/s.</summary>
    // source: estimate. Precision slide stages (linear motor or fine-pitch screw) reach
    // 30-100 mm/s; 50 mm/s keeps the 20x scan speed (~18 mm/s) below the cap.
    public double StageMaxSpeedMmPerS { get; init; } = 50;

    /// <summary>Acceleration and deceleration of the XY stage, mm/s². Default 1000 mm/s².</summary>
    // source: estimate. About 0.1 g, usual for a loaded precision stage; higher values shake
    // the slide, lower ones make 40x ramps (~10 ms) visible in scan time.
    public double StageAccelMmPerS2 { get; init; } = 1000;

    /// <summary>
    /// Distance travelled at scan speed before the first image line of each stripe, µm, so the
    /// real-time focus has a height estimate when imaging starts. Default 500 µm.
    /// </summary>
    // source: estimate. The focusing sensor must have seen the stripe start and the focus loop
    // converged before the imaging line gets there (US 9,841,590 family: height is set ahead
    // of the imaging line); 0.5 mm is ~55 ms at 40x.
    public double ScanLeadInUm { get; init; } = 500;

    /// <summary>
    /// Wait after each stage reversal and index step before the next stripe may be imaged, s:
    /// vibration decay to well under a pixel for stitching. Default 0.25 s.
    /// </summary>
    // source: estimate. Settling a slide stage to a fraction of 0.26 µm after a reversal takes
    // a few hundred ms on benchtop stages; 0.25 s.
    public double StripeSettleS { get; init; } = 0.25;

    /// <summary>
    /// True when alternate stripes are scanned in opposite directions (serpentine); false adds
    /// a return move at full stage speed after each stripe. Default true.
    /// </summary>
    // source: estimate. A line sensor reads the same in either direction, so a throughput
    // scanner has no reason to waste a return move.
    public bool Bidirectional { get; init; } = true;

    /// <summary>
    /// Settling time of the focus (z) axis after a step such as a z-stack layer change, s.
    /// Runs concurrently with the stage reversal. Default 0.1 s.
    /// </summary>
    // source: estimate. A piezo or voice-coil objective drive settles a ≤ 1 µm step to a small
    // fraction of the 0.25 µm minimum layer separation in tens of ms; 0.1 s allows margin.
    public double FocusAxisSettleS { get; init; } = 0.1;

    /// <summary>
    /// Coarse focus at the start of every scan: a z sweep to find the tissue surface before
    /// real-time (or point) focusing takes over, s. Default 1.5 s.
    /// </summary>
    // source: estimate. A sweep of ~±100 µm (slide and tray tolerances) with a contrast
    // measurement every few µm and a parabola fit, plus a move to the first stripe.
    public double InitialFocusS { get; init; } = 1.5;

    /// <summary>
    /// One point-focus measurement (z-stack scans): move to the point, z sweep, peak fit, s.
    /// Default 1.0 s.
    /// </summary>
    // source: estimate. A few-mm stage move (~0.1 s at these speeds) plus a fine z sweep of
    // ~±10 µm in ~0.5 µm steps with a settled frame each, plus computing.
    public double FocusPointS { get; init; } = 1.0;

    /// <summary>
    /// One move of the slide gripper: rack slot to stage, or stage back to its slot, s.
    /// Default 3.5 s.
    /// </summary>
    // source: estimate. Pick, lift, carry ~100-200 mm, place and release with a two-axis
    // gripper at safe speeds for glass; 3-5 s is usual for slide handlers.
    public double SlidePickPlaceS { get; init; } = 3.5;

    /// <summary>
    /// Stage travel between the load/unload position and the scan area, mm (each way).
    /// Default 40 mm.
    /// </summary>
    // source: estimate. About half the 75 mm slide length plus clearance for the gripper.
    public double LoadToScanTravelMm { get; init; } = 40;

    /// <summary>
    /// Imaging the label and the whole slide with the macro camera and decoding the barcode, s.
    /// Default 2.0 s.
    /// </summary>
    // source: estimate. An area-camera exposure or two under switched illumination, barcode
    // decode and image transfer.
    public double LabelMacroImagingS { get; init; } = 2.0;

    /// <summary>
    /// Tissue finding on the macro image and planning the stripes, s. Default 0.5 s.
    /// </summary>
    // source: estimate. Thresholding and morphology on a ~1-megapixel macro image.
    public double TissueFindingS { get; init; } = 0.5;

    /// <summary>
    /// Closing the image file after the last stripe (flushing buffers, writing the pyramid
    /// index and metadata), s. Default 0.5 s.
    /// </summary>
    // source: estimate. Tiles are compressed and streamed during scanning, so only the tail of
    // the pyramid and the directory are left at the end.
    public double FileFinalizeS { get; init; } = 0.5;

    /// <summary>
    /// Sustained throughput of the image link to the converter/storage, bytes/s. Data streams
    /// while scanning; only a backlog beyond the scan time delays the next slide.
    /// Default 1.0e8 B/s. This is the single-slide view of <see cref="ScanTimeModel"/>; rack
    /// runs with a <see cref="Network.NetworkParameters"/> model the links, buffer and
    /// pipelining in full and take plans without file bytes.
    /// </summary>
    // source: estimate. A 1 Gb/s Ethernet link (image data over TCP 2762 with TLS, release
    // notes) carries ~110 MB/s raw; ~100 MB/s after TCP/TLS overhead.
    public double ImageLinkBytesPerS { get; init; } = 1.0e8;

    /// <summary>
    /// Checks every parameter once; throws <see cref="ArgumentOutOfRangeException"/> naming the
    /// parameter, its value, the allowed range and the unit.
    /// </summary>
    public void Validate()
    {
        Guard.Positive(LineRateHz, nameof(LineRateHz), "Hz");
        Guard.Positive(SensorPixels, nameof(SensorPixels), "px");
        Guard.InRange(
            StripeOverlapPixels, 0, SensorPixels - 1, nameof(StripeOverlapPixels), "px");
        Guard.Positive(StageMaxSpeedMmPerS, nameof(StageMaxSpeedMmPerS), "mm/s");
        Guard.Positive(StageAccelMmPerS2, nameof(StageAccelMmPerS2), "mm/s²");
        Guard.NonNegative(ScanLeadInUm, nameof(ScanLeadInUm), "µm");
        Guard.NonNegative(StripeSettleS, nameof(StripeSettleS), "s");
        Guard.NonNegative(FocusAxisSettleS, nameof(FocusAxisSettleS), "s");
        Guard.NonNegative(InitialFocusS, nameof(InitialFocusS), "s");
        Guard.NonNegative(FocusPointS, nameof(FocusPointS), "s");
        Guard.NonNegative(SlidePickPlaceS, nameof(SlidePickPlaceS), "s");
        Guard.NonNegative(LoadToScanTravelMm, nameof(LoadToScanTravelMm), "mm");
        Guard.NonNegative(LabelMacroImagingS, nameof(LabelMacroImagingS), "s");
        Guard.NonNegative(TissueFindingS, nameof(TissueFindingS), "s");
        Guard.NonNegative(FileFinalizeS, nameof(FileFinalizeS), "s");
        Guard.Positive(ImageLinkBytesPerS, nameof(ImageLinkBytesPerS), "B/s");
    }
}
