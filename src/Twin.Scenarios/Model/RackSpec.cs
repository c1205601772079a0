using Twin.Scanner.Settings;

namespace Twin.Scenarios.Model;

/// <summary>One rack: its operator overrides and its slides in slot order.</summary>
public sealed record RackSpec
{
    /// <summary>Rack identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Operator's per-rack magnification override, or null for the scanner default.</summary>
    public Magnification? Magnification { get; init; }

    /// <summary>The rack's z-stack (operator's choice), or null for single-plane scans.</summary>
    public ZStackSettings? ZStack { get; init; }

    /// <summary>Where the z-stack's values came from ("rack override" or "lab admin default").</summary>
    public string ZStackSource { get; init; } = "rack override";

    /// <summary>Line in the scenario file where the rack is described (for messages).</summary>
    public int Line { get; init; }

    /// <summary>The slides.</summary>
    public required IReadOnlyList<SlideEntry> Slides { get; init; }
}
