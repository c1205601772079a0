namespace Twin.Scanner.Algorithms;

/// <summary>What a focus controller concluded from one reading.</summary>
public enum FocusStatus
{
    /// <summary>The contrast peak was found inside the sensor's depth range.</summary>
    Measured,

    /// <summary>Too little tissue texture: the last height is held.</summary>
    Held,

    /// <summary>The peak lies above the sensor's range: move up and look again.</summary>
    AboveRange,

    /// <summary>The peak lies below the sensor's range: move down and look again.</summary>
    BelowRange,
}

/// <summary>A controller's target height and how it got it.</summary>
/// <param name="TargetUm">Height to command for this scan position, µm.</param>
/// <param name="Status">How the target was obtained.</param>
/// <param name="MeasuredUm">The reading's own best-focus height before any smoothing, µm
/// (NaN unless measured).</param>
/// <param name="PeakSegment">Focusing segment (fractional index) where contrast peaked, whose
/// place across the stripe the measured height belongs to (NaN unless measured).</param>
public readonly record struct FocusEstimate(
    double TargetUm, FocusStatus Status, double MeasuredUm = double.NaN,
    double PeakSegment = double.NaN);
