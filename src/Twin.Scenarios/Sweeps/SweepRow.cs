namespace Twin.Scenarios.Sweeps;

/// <summary>
/// One line of sweep.csv: one focus controller, one ANS check, one threshold, over every
/// scanned slide of the population. Rates are fractions of the scanned slides (0..1).
/// </summary>
public sealed record SweepRow
{
    /// <summary>Focus controller (registry name).</summary>
    public required string Focus { get; init; }

    /// <summary>ANS check (registry name).</summary>
    public required string Ans { get; init; }

    /// <summary>ANS threshold, degrees.</summary>
    public required double ThresholdDeg { get; init; }

    /// <summary>Slides scanned (tissue found), count.</summary>
    public required int Slides { get; init; }

    /// <summary>Fraction rescanned in narrow stripes.</summary>
    public double RescanRate { get; init; }

    /// <summary>
    /// Fraction missed: not rescanned although the normal stripes' geometric edge defocus
    /// exceeds half the depth of field.
    /// </summary>
    public double MissedRate { get; init; }

    /// <summary>Fraction rescanned although the normal stripes were within half the DoF.</summary>
    public double NeedlessRescanRate { get; init; }

    /// <summary>Mean scan time the rescans added per slide (all slides), s.</summary>
    public double AddedSecondsMean { get; init; }

    /// <summary>Mean scan time per slide (stripes, focus, rescan), s.</summary>
    public double ScanSecondsMean { get; init; }

    /// <summary>Mean RMS focus error of the image each slide is left with, µm.</summary>
    public double MeanFocusErrorRmsUm { get; init; }

    /// <summary>Mean of each slide's worst measured stripe-edge defocus, final image, µm.</summary>
    public double MeanEdgeDefocusUm { get; init; }

    /// <summary>Mean fraction of tissue within half the depth of field, final image.</summary>
    public double MeanInFocusFraction { get; init; }

    /// <summary>Fraction whose final image has measured edge defocus beyond half the DoF.</summary>
    public double EdgeBlurredRate { get; init; }
}
