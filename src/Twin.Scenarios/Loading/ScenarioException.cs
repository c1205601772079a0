namespace Twin.Scenarios.Loading;

/// <summary>A scenario that cannot be used; carries every error found.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>The errors, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }
}
