namespace Twin.Scenarios.Sweeps;

/// <summary>How a sweep parameter varies from slide to slide.</summary>
public enum DistributionKind
{
    /// <summary>The same value on every slide.</summary>
    Fixed,

    /// <summary>Uniform between a low and a high value.</summary>
    Uniform,

    /// <summary>Normal with a mean and standard deviation, cut to the allowed range.</summary>
    Normal,
}
