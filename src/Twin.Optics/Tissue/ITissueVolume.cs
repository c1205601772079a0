namespace Twin.Optics.Tissue;

/// <summary>
/// A stained tissue section as a 3-D field of absorbance. Coordinates are µm in the section's own
/// frame: x along the slide's scan (long) axis, y along the index (short) axis, origin at the
/// corner of the tissue area; depth is measured from the section's bottom (the slide side).
/// Generation is lazy: any region can be sampled on its own and always gives the same values.
/// </summary>
public interface ITissueVolume
{
    /// <summary>Section thickness, µm.</summary>
    double ThicknessUm { get; }

    /// <summary>Number of depth slices the section is divided into (each ThicknessUm/Slices).</summary>
    int Slices { get; }

    /// <summary>Extent of the tissue area along the scan axis, µm.</summary>
    double WidthUm { get; }

    /// <summary>Extent of the tissue area along the index axis, µm.</summary>
    double HeightUm { get; }

    /// <summary>
    /// Fills the optical density (base-10 absorbance, dimensionless) that each depth slice adds in
    /// each colour channel, on a grid of w × h points starting at (x0, y0) µm with spacing
    /// <paramref name="pitchUm"/>. Layout of <paramref name="od"/>: [slice][channel R,G,B][row][col],
    /// so it holds Slices × 3 × w × h values.
    /// </summary>
    void SampleRegion(double x0Um, double y0Um, double pitchUm, int w, int h, Span<float> od);

    /// <summary>
    /// The optical density summed over depth and averaged over a neighbourhood of about
    /// <paramref name="footprintUm"/> around (x, y): what a low-resolution macro camera sees.
    /// Returns (red, green, blue) OD.
    /// </summary>
    (float Red, float Green, float Blue) SampleCoarse(double xUm, double yUm, double footprintUm);
}
