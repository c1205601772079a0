using System.Globalization;
using Twin.Optics.Rendering;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// A slide parameter's distribution over a sweep's population, in the parameter's own unit:
/// fixed, uniform(low, high) or normal(mean, sd). Normal draws outside the parameter's allowed
/// range [<see cref="Min"/>, <see cref="Max"/>] are drawn again (a truncated normal), so no
/// slide gets a value a scenario file would refuse.
/// </summary>
public sealed record Distribution
{
    /// <summary>The kind.</summary>
    public required DistributionKind Kind { get; init; }

    /// <summary>Fixed value, uniform low, or normal mean (parameter unit).</summary>
    public required double A { get; init; }

    /// <summary>Uniform high, or normal standard deviation (parameter unit); 0 if fixed.</summary>
    public double B { get; init; }

    /// <summary>Smallest allowed value (parameter unit).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value (parameter unit).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>A fixed value.</summary>
    public static Distribution Fixed(double value) =>
        new() { Kind = DistributionKind.Fixed, A = value };

    /// <summary>Uniform between low and high.</summary>
    public static Distribution Uniform(double low, double high) =>
        new() { Kind = DistributionKind.Uniform, A = low, B = high };

    /// <summary>Normal with a mean and standard deviation.</summary>
    public static Distribution Normal(double mean, double sd) =>
        new() { Kind = DistributionKind.Normal, A = mean, B = sd };

    /// <summary>The distribution restricted to an allowed range.</summary>
    public Distribution Within(double min, double max) => this with { Min = min, Max = max };

    /// <summary>
    /// Draws one value from a seeded source. A normal draw is repeated up to 64 times until it
    /// falls in the allowed range, then clamped (only reachable with a mean far outside it,
    /// which the sweep reader refuses).
    /// </summary>
    public double Draw(ref NoiseSource source)
    {
        switch (Kind)
        {
            case DistributionKind.Fixed:
                return A;
            case DistributionKind.Uniform:
                return A + ((B - A) * (1 - source.NextUnit()));
            default:
                for (int i = 0; i < 64; i++)
                {
                    double v = A + (B * source.NextGaussian());
                    if (v >= Min && v <= Max)
                    {
                        return v;
                    }
                }

                return Math.Clamp(A, Min, Max);
        }
    }

    /// <summary>Text for reports, for example "normal(mean 0, sd 0.08)".</summary>
    public override string ToString() => Kind switch
    {
        DistributionKind.Fixed => F(A),
        DistributionKind.Uniform => $"uniform({F(A)}, {F(B)})",
        _ => $"normal(mean {F(A)}, sd {F(B)})",
    };

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
