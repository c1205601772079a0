namespace Twin.Scanner.Algorithms;

/// <summary>The Auto Narrow Stripe check's verdict on a slide.</summary>
/// <param name="TiltEstimateDeg">Estimated index-axis tilt, degrees, or null when the scan gave
/// no pair of neighbouring stripes to estimate it from.</param>
/// <param name="Exceeded">True when |estimate| exceeds the threshold.</param>
public sealed record AnsVerdict(double? TiltEstimateDeg, bool Exceeded);
