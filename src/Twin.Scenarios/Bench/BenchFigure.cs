namespace Twin.Scenarios.Bench;

/// <summary>One measured figure of <c>gt450twin bench</c>, as written to its JSON list.</summary>
/// <param name="Name">Dotted name, for example <c>render.cpu.mpxPerSec</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">Its unit, for example <c>Mpx/s</c> or <c>ratio</c>.</param>
public sealed record BenchFigure(string Name, double Value, string Unit);
