namespace Twin.Mechanics.Racks;

/// <summary>An operator putting a rack of slides into the scanner at a given time.</summary>
public sealed record RackLoad
{
    /// <summary>Identifier of the rack, unique within a run.</summary>
    public required string RackId { get; init; }

    /// <summary>
    /// Time the operator offers the rack, s from the start of the run (≥ 0). If every carousel
    /// position is taken, the rack goes in when one frees.
    /// </summary>
    public required double LoadedAtS { get; init; }

    /// <summary>The slides in the rack; scanned in slot order.</summary>
    public required IReadOnlyList<RackSlide> Slides { get; init; }
}
