using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using Twin.Scanner.Settings;

namespace Twin.Scenarios.Throughput;

/// <summary>One slide as a throughput variant plans it: its scan plan, time and file.</summary>
public sealed record PlannedSlide
{
    /// <summary>Rack identifier.</summary>
    public required string RackId { get; init; }

    /// <summary>Slot in the rack, 1-based (the slide's position in the scenario's rack).</summary>
    public required int Slot { get; init; }

    /// <summary>Slide identifier.</summary>
    public required string SlideId { get; init; }

    /// <summary>Effective magnification.</summary>
    public required Magnification Magnification { get; init; }

    /// <summary>Tissue area, mm² (scan-axis width × index-axis height).</summary>
    public required double AreaMm2 { get; init; }

    /// <summary>Stripes, focus points, layers and rescan of the slide.</summary>
    public required SlideScanPlan Plan { get; init; }

    /// <summary>True when the slide is rescanned in narrow stripes.</summary>
    public required bool Rescanned { get; init; }

    /// <summary>Failure the scanner meets on the slide (none for most).</summary>
    public required SlideFailure Failure { get; init; }

    /// <summary>Per-phase time, s.</summary>
    public required SlideTimeBudget Budget { get; init; }

    /// <summary>Predicted image file size, bytes (0 for a failed slide).</summary>
    public required long FileBytes { get; init; }
}
