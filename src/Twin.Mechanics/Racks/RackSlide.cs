using Twin.Mechanics.Timing;

namespace Twin.Mechanics.Racks;

/// <summary>
/// One slide in a rack slot with its time budget, already resolved by the caller (for example
/// from the rack's magnification override and the slide's scan plan).
/// </summary>
public sealed record RackSlide
{
    /// <summary>Slot in the rack, 1-based (1 .. slots per rack).</summary>
    public required int Slot { get; init; }

    /// <summary>Identifier used in the report (for example the barcode text).</summary>
    public required string SlideId { get; init; }

    /// <summary>Per-phase time of this slide if scanned, s.</summary>
    public required SlideTimeBudget Budget { get; init; }

    /// <summary>Failure the scanner will meet on this slide. Default none.</summary>
    public SlideFailure Failure { get; init; }

    /// <summary>
    /// Size of the slide's image file, bytes (≥ 0). Default 0. Used only when the run has a
    /// network: give a <see cref="Budget"/> made without file bytes then, or the link is
    /// counted twice (once as the single-slide backlog in the budget's finalise phase).
    /// </summary>
    public long FileBytes { get; init; }
}
