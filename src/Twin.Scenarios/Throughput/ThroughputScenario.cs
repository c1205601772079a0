using Twin.Scenarios.Model;

namespace Twin.Scenarios.Throughput;

/// <summary>A validated scenario with its throughput settings.</summary>
/// <param name="Scenario">Racks, slides and scanner settings.</param>
/// <param name="Settings">Loading, failures, rescans, layers, files and network.</param>
public sealed record ThroughputScenario(Scenario Scenario, ThroughputSettings Settings);
