namespace Twin.Mechanics.Timing;

/// <summary>
/// Where the time of one slide goes, s, phase by phase. Phases run one after another on the
/// scanner, so <see cref="TotalS"/> is their sum.
/// </summary>
public sealed record SlideTimeBudget
{
    /// <summary>Gripper moves rack→stage and stage→rack plus stage travel to and from the
    /// scan area, s.</summary>
    public double LoadUnloadS { get; init; }

    /// <summary>Label and macro imaging with barcode decoding, s.</summary>
    public double LabelMacroS { get; init; }

    /// <summary>Tissue finding on the macro image, s.</summary>
    public double TissueFindingS { get; init; }

    /// <summary>Coarse focus plus point-focus measurements, s.</summary>
    public double FocusS { get; init; }

    /// <summary>First pass of stripes (the completed part when ANS aborted it), s.</summary>
    public double StripesS { get; init; }

    /// <summary>ANS narrow-stripe rescan including the move back to its start, s.</summary>
    public double RescanS { get; init; }

    /// <summary>Extra passes for z-stack layers beyond the first, s.</summary>
    public double ZStackS { get; init; }

    /// <summary>File close plus any image-link backlog left when scanning ends, s.</summary>
    public double FinalizeS { get; init; }

    /// <summary>
    /// The "scan time" a vendor quotes, s: stripes + focus + rescan + z-stack.
    /// </summary>
    public double ScanS => StripesS + FocusS + RescanS + ZStackS;

    /// <summary>Time the scanner is occupied by this slide, s: every phase.</summary>
    public double TotalS => LoadUnloadS + LabelMacroS + TissueFindingS + ScanS + FinalizeS;
}
