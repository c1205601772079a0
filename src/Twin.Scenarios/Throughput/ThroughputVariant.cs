using Twin.Mechanics.Network;
using Twin.Scanner.Settings;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// One configuration a throughput study runs the scenario's racks under: magnification, z
/// layers, ANS rescan rate and network.
/// </summary>
public sealed record ThroughputVariant
{
    /// <summary>Stable name, used as the key in reports (for example "z25-1Gbps").</summary>
    public required string Name { get; init; }

    /// <summary>What the variant compares: scenario, magnification, ans or zstack.</summary>
    public required string Group { get; init; }

    /// <summary>
    /// Magnification forced on every rack, or null for each rack's effective one.
    /// </summary>
    public Magnification? Magnification { get; init; }

    /// <summary>Z layers of every slide, count (1 = no z-stack).</summary>
    public int ZLayers { get; init; } = 1;

    /// <summary>Fraction of slides rescanned by ANS, 1 (0..1; 0 = none).</summary>
    public double AnsRescanRate { get; init; }

    /// <summary>The network files leave over, or null for a network that never limits.</summary>
    public NetworkParameters? Network { get; init; }

    /// <summary>How the network is described in reports ("site", "100 Mb/s", "no limit").</summary>
    public required string NetworkLabel { get; init; }

    /// <summary>
    /// True to offer racks on the scenario's loading schedule; false to load every rack at the
    /// start, so the variant measures the scanner's capacity, not the operator's pace.
    /// </summary>
    public bool FollowsLoadingSchedule { get; init; }
}
