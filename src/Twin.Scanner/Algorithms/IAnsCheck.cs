namespace Twin.Scanner.Algorithms;

/// <summary>
/// Auto Narrow Stripe tilt check: estimates the tissue's tilt along the index axis from the
/// scanner's own focus heights, and decides against the threshold.
/// </summary>
public interface IAnsCheck
{
    /// <summary>Name used to select this check in a scenario.</summary>
    string Name { get; }

    /// <summary>
    /// Judges the stripes scanned so far.
    /// </summary>
    /// <param name="stripeHeights">Per stripe, per scan position: the measured focus height, µm,
    /// or NaN where the controller held (no measurement).</param>
    /// <param name="stripePitchUm">Distance between neighbouring stripe centres, µm.</param>
    /// <param name="thresholdDeg">Tilt threshold, degrees.</param>
    AnsVerdict Judge(IReadOnlyList<double[]> stripeHeights, double stripePitchUm, double thresholdDeg);
}
