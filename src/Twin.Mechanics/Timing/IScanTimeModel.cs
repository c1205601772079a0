namespace Twin.Mechanics.Timing;

/// <summary>Predicts how long the scanner spends on one slide.</summary>
public interface IScanTimeModel
{
    /// <summary>
    /// The time budget of one slide, s per phase.
    /// </summary>
    /// <param name="plan">Stripes, focus points, layers, rescan and file size of the slide.</param>
    SlideTimeBudget Estimate(SlideScanPlan plan);
}
