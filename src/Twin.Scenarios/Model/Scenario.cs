namespace Twin.Scenarios.Model;

/// <summary>A validated scenario: the scanner's settings and the racks of slides to scan.</summary>
public sealed record Scenario
{
    /// <summary>Scenario name.</summary>
    public required string Name { get; init; }

    /// <summary>Where it was read from (a path, or "embedded:NAME").</summary>
    public required string Source { get; init; }

    /// <summary>Folder that relative paths in the scenario are resolved against.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Master seed; each slide's seed derives from it and the slide's position.</summary>
    public ulong Seed { get; init; } = 450;

    /// <summary>Acquisition date and time written into files (fixed, so output is repeatable).</summary>
    public DateTime AcquiredAt { get; init; } = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Scanner-level settings set by the lab admin and service.</summary>
    public required ScannerConfig Scanner { get; init; }

    /// <summary>The racks in loading order.</summary>
    public required IReadOnlyList<RackSpec> Racks { get; init; }
}
