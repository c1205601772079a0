using Twin.Scanner.Session;

namespace Twin.Scenarios.Sweeps;

/// <summary>What one ANS check at one threshold decided for one slide, and what it cost.</summary>
public sealed record SlideDecision
{
    /// <summary>True when the check tripped and the slide was rescanned narrow.</summary>
    public required bool Rescanned { get; init; }

    /// <summary>Normal stripes scanned when the check tripped, count (null: never).</summary>
    public int? TripAfterStripes { get; init; }

    /// <summary>The check's estimate when it decided (trip, or end of the pass), degrees.</summary>
    public double? EstimateDeg { get; init; }

    /// <summary>The pass whose image the slide is left with (narrow when rescanned).</summary>
    public required FocusPassRecord Final { get; init; }

    /// <summary>Scan time (stripes, focus, rescan) from the mechanics model, s.</summary>
    public required double ScanSeconds { get; init; }

    /// <summary>Scan time the rescan added over the normal pass alone, s (0 if none).</summary>
    public required double AddedSeconds { get; init; }

    /// <summary>
    /// True when the normal stripes' geometric edge defocus exceeds half the depth of field:
    /// the slide needs narrow stripes.
    /// </summary>
    public required bool NeedsNarrow { get; init; }

    /// <summary>Needed narrow stripes but was not rescanned.</summary>
    public bool Missed => NeedsNarrow && !Rescanned;

    /// <summary>Rescanned though the normal stripes were within half the depth of field.</summary>
    public bool Needless => Rescanned && !NeedsNarrow;
}
