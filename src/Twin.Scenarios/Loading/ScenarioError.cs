namespace Twin.Scenarios.Loading;

/// <summary>One problem found in a scenario file: where, and which rule it breaks.</summary>
/// <param name="File">The scenario file.</param>
/// <param name="Line">1-based line number (0 when unknown).</param>
/// <param name="Message">The rule, in a short stable sentence.</param>
public sealed record ScenarioError(string File, int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
