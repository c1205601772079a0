namespace Twin.Scanner.Algorithms;

/// <summary>
/// One height the scanner measured itself: where (slide µm) and how high the tissue was found
/// to be (µm). Real-time readings are placed at the focusing segment where contrast peaked;
/// focus points at the patch they were taken on.
/// </summary>
/// <param name="XUm">Scan-axis position, µm.</param>
/// <param name="YUm">Index-axis position, µm.</param>
/// <param name="HeightUm">Measured best-focus height, µm.</param>
public readonly record struct FocusSample(double XUm, double YUm, double HeightUm);
