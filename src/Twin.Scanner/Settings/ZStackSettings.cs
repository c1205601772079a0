namespace Twin.Scanner.Settings;

/// <summary>
/// A z-stack acquisition: an odd number of focal planes, 3 to 25, spaced 0.25 to 1.0 µm apart,
/// with the best-focus plane in the middle and equal numbers above and below (release notes).
/// </summary>
/// <param name="Layers">Number of focal planes (odd, 3–25).</param>
/// <param name="SeparationUm">Distance between neighbouring planes, µm (0.25–1.0).</param>
public sealed record ZStackSettings(int Layers, double SeparationUm)
{
    /// <summary>Fewest layers of a z-stack.</summary>
    public const int MinLayers = 3;

    /// <summary>Most layers of a z-stack.</summary>
    public const int MaxLayers = 25;

    /// <summary>Smallest layer separation, µm.</summary>
    public const double MinSeparationUm = 0.25;

    /// <summary>Largest layer separation, µm.</summary>
    public const double MaxSeparationUm = 1.0;

    /// <summary>The rules a z-stack breaks, as short stable messages (empty when valid).</summary>
    public static IReadOnlyList<string> Check(int layers, double separationUm)
    {
        var broken = new List<string>();
        if (layers < MinLayers || layers > MaxLayers || layers % 2 == 0)
        {
            broken.Add($"z-stack layers = {layers} must be odd, {MinLayers} to {MaxLayers}");
        }

        if (!(separationUm >= MinSeparationUm && separationUm <= MaxSeparationUm))
        {
            broken.Add($"z-stack separation = {separationUm.ToString(
                System.Globalization.CultureInfo.InvariantCulture)} µm must be "
                + $"{MinSeparationUm} to {MaxSeparationUm} µm");
        }

        return broken;
    }

    /// <summary>Offsets of the planes from best focus, µm, ascending; the middle one is 0.</summary>
    public IReadOnlyList<double> OffsetsUm() =>
        Enumerable.Range(0, Layers).Select(i => (i - ((Layers - 1) / 2)) * SeparationUm).ToList();
}
