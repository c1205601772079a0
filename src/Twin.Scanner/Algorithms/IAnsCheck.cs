namespace Twin.Scanner.Algorithms;

/// <summary>
/// Auto Narrow Stripe tilt check: estimates the tissue's tilt along the index axis from the
/// scanner's own focus heights, and decides against the threshold.
/// </summary>
public interface IAnsCheck
{
    /// <summary>Name used to select this check in a scenario.</summary>
    string Name { get; }

    /// <summary>Judges the stripes scanned so far.</summary>
    /// <param name="stripes">Per stripe, the heights the scanner measured (never the truth).</param>
    /// <param name="thresholdDeg">Tilt threshold, degrees.</param>
    AnsVerdict Judge(IReadOnlyList<IReadOnlyList<FocusSample>> stripes, double thresholdDeg);
}
