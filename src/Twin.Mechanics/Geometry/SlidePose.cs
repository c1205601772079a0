namespace Twin.Mechanics.Geometry;

/// <summary>
/// How a slide and its tissue sit under the objective: the height of the tissue's bottom face
/// above the nominal focal plane, as a function of position on the slide. Slide coordinates are
/// µm, x along the scan (long, 75 mm) axis, y along the index (short, 25 mm) axis, origin at the
/// slide's corner; heights are µm, positive towards the objective.
/// </summary>
/// <remarks>
/// Height = offset + tray seating tilt (both axes, about the slide centre) + slide wedge (the
/// glass thicker at one end, both axes) + tissue waviness along the index axis (a sinusoid).
/// Slides flex and seat unevenly by more than the ~1 µm depth of field over a stripe (EP 1 610
/// 166), which is why the scanner must focus continuously.
/// </remarks>
public sealed record SlidePose
{
    /// <summary>Slide length along the scan axis, µm (standard 75 mm × 25 mm slide).</summary>
    public const double SlideLengthUm = 75_000;

    /// <summary>Slide width along the index axis, µm.</summary>
    public const double SlideWidthUm = 25_000;

    /// <summary>Height of the tissue's bottom face at the slide centre, µm. Default 0.</summary>
    public double OffsetUm { get; init; }

    /// <summary>
    /// Tray seating tilt about the index axis (height changes along scan), degrees.
    /// </summary>
    public double TrayScanTiltDeg { get; init; }

    /// <summary>
    /// Tray seating tilt about the scan axis (height changes along index), degrees.
    /// </summary>
    public double TrayIndexTiltDeg { get; init; }

    /// <summary>Slide wedge along the scan axis (glass thickness gradient), degrees.</summary>
    public double WedgeScanDeg { get; init; }

    /// <summary>Slide wedge along the index axis, degrees.</summary>
    public double WedgeIndexDeg { get; init; }

    /// <summary>Amplitude of tissue waviness along the index axis, µm (0 = flat).</summary>
    public double WavinessAmplitudeUm { get; init; }

    /// <summary>Period of tissue waviness along the index axis, µm. Default 2000.</summary>
    public double WavinessPeriodUm { get; init; } = 2000;

    /// <summary>Phase of the waviness, radians.</summary>
    public double WavinessPhase { get; init; }

    /// <summary>A level slide with no wedge or waviness.</summary>
    public static SlidePose Level { get; } = new();

    /// <summary>Total tilt along the scan axis, degrees (seating + wedge).</summary>
    public double ScanTiltDeg => TrayScanTiltDeg + WedgeScanDeg;

    /// <summary>Total planar tilt along the index axis, degrees (seating + wedge).</summary>
    public double IndexTiltDeg => TrayIndexTiltDeg + WedgeIndexDeg;

    /// <summary>Height of the tissue's bottom face at slide position (x, y), µm.</summary>
    public double SurfaceUm(double xUm, double yUm)
    {
        double dx = xUm - (SlideLengthUm / 2);
        double dy = yUm - (SlideWidthUm / 2);
        double h = OffsetUm + (dx * Math.Tan(ScanTiltDeg * Math.PI / 180))
            + (dy * Math.Tan(IndexTiltDeg * Math.PI / 180));
        if (WavinessAmplitudeUm != 0)
        {
            h += WavinessAmplitudeUm * Math.Sin((2 * Math.PI * yUm / WavinessPeriodUm)
                + WavinessPhase);
        }

        return h;
    }

    /// <summary>
    /// The effective tilt along the index axis over the band y0..y1 at scan position x, degrees:
    /// the least-squares slope of the true surface, waviness included.
    /// </summary>
    public double IndexSlopeDeg(double xUm, double y0Um, double y1Um, int samples = 33)
    {
        double sy = 0, sh = 0, syy = 0, syh = 0;
        for (int i = 0; i < samples; i++)
        {
            double y = y0Um + ((y1Um - y0Um) * i / (samples - 1));
            double h = SurfaceUm(xUm, y);
            sy += y;
            sh += h;
            syy += y * y;
            syh += y * h;
        }

        double slope = ((samples * syh) - (sy * sh)) / ((samples * syy) - (sy * sy));
        return Math.Atan(slope) * 180 / Math.PI;
    }
}
