namespace Twin.Scenarios.Reports;

/// <summary>The report of one scan run.</summary>
public sealed record RunReport
{
    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Where the scenario came from.</summary>
    public required string Source { get; init; }

    /// <summary>Master seed used.</summary>
    public ulong Seed { get; init; }

    /// <summary>Compute backend used for rendering.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>One record per slide, in rack and slot order.</summary>
    public required IReadOnlyList<SlideRecord> Slides { get; init; }
}
