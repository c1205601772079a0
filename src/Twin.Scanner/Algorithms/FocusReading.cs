namespace Twin.Scanner.Algorithms;

/// <summary>
/// One read-out of the tilted focusing sensor and the imaging sensor over the same field.
/// Segment i of the focusing sensor is conjugate to a plane <see cref="SegmentOffsetsUm"/>[i]
/// above the imaging plane; contrasts are Brenner gradients of each segment's pixels.
/// </summary>
/// <param name="ObjectiveHeightUm">Height the focus axis stood at during the read-out, µm.</param>
/// <param name="SegmentOffsetsUm">Depth offset of each focusing segment, µm (ascending).</param>
/// <param name="FocusContrast">Contrast seen by each focusing segment.</param>
/// <param name="ImagingContrast">Contrast of the imaging sensor over the same segment.</param>
/// <param name="NoiseFloor">Contrast that sensor noise alone produces (calibration).</param>
public sealed record FocusReading(
    double ObjectiveHeightUm, double[] SegmentOffsetsUm, double[] FocusContrast,
    double[] ImagingContrast, double NoiseFloor);
