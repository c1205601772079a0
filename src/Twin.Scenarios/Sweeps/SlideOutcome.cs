using Twin.Scanner.Session;
using Twin.Scenarios.Model;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// One slide of a sweep scanned with one focus controller: the normal-stripe pass and the
/// narrow-stripe pass (both complete, ANS never acting) and the geometric truth. Every ANS
/// decision for any check and threshold follows from these two passes.
/// </summary>
public sealed record SlideOutcome
{
    /// <summary>Slide index in the population (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The slide as drawn: id, tissue kind, extent, pose.</summary>
    public required SlideEntry Entry { get; init; }

    /// <summary>The slide's tissue section (<see cref="SlidePopulation.Section"/>).</summary>
    public required string Section { get; init; }

    /// <summary>Focus controller the passes ran with (registry name).</summary>
    public required string Focus { get; init; }

    /// <summary>"scanned", or "skipped: reason".</summary>
    public required string Status { get; init; }

    /// <summary>The pass in normal (sensor-wide) stripes; null when skipped.</summary>
    public FocusPassRecord? Normal { get; init; }

    /// <summary>The pass in narrow stripes; null when skipped.</summary>
    public FocusPassRecord? Narrow { get; init; }

    /// <summary>
    /// Edge defocus the normal stripes leave from geometry alone (true surface, focus exactly on
    /// each stripe's centre line), µm.
    /// </summary>
    public double NormalEdgeGeometricUm { get; init; }

    /// <summary>The same for the narrow stripes, µm.</summary>
    public double NarrowEdgeGeometricUm { get; init; }

    /// <summary>True when both passes ran.</summary>
    public bool Scanned => Normal is not null && Narrow is not null;
}
