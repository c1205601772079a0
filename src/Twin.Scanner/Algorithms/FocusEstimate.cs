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
public readonly record struct FocusEstimate(double TargetUm, FocusStatus Status);
