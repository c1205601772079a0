namespace Twin.Mechanics.Timing;

/// <summary>
/// Timing of stripes, the unit of line-scan acquisition. A stripe is one constant-velocity pass
/// of the stage along the scan (long) axis while the line sensor images one line per pixel of
/// travel; neighbouring stripes are one stripe pitch apart along the index (short) axis.
/// </summary>
/// <remarks>
/// Stage speed is v = min(line rate × pixel size, stage speed limit). 20x is modelled as an
/// optical change only: the same camera at the same line rate, pixels twice as large
/// (0.52 µm), so the stage runs twice as fast and each stripe is twice as wide
/// (4096 × 0.52 µm ≈ 2.13 mm), unless the stage speed limit caps it, in which case the camera
/// is triggered more slowly (lines follow the stage encoder). Were 20x made by binning a 40x
/// image instead, stripes would stay 1.065 mm wide and only the stage speed would double.
/// </remarks>
// LIMITATION: 20x is taken as an optical change using the whole sensor; binning is not modelled.
public static class StripeTiming
{
    /// <summary>
    /// Stage speed during imaging, mm/s: line rate × pixel size, capped at the stage limit.
    /// </summary>
    /// <param name="pixelSizeUm">Object-side pixel size, µm (0.26 at 40x, 0.52 at 20x).</param>
    /// <param name="p">Camera line rate (Hz) and stage speed limit (mm/s).</param>
    public static double ScanSpeedMmPerS(double pixelSizeUm, MechanicsParameters p) =>
        Math.Min(p.LineRateHz * pixelSizeUm * 1e-3, p.StageMaxSpeedMmPerS);

    /// <summary>
    /// Line rate actually used, Hz: the camera's rate, or lower when the stage speed is capped.
    /// </summary>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="p">Camera and stage parameters.</param>
    public static double EffectiveLineRateHz(double pixelSizeUm, MechanicsParameters p) =>
        ScanSpeedMmPerS(pixelSizeUm, p) * 1e3 / pixelSizeUm;

    /// <summary>
    /// Distance between neighbouring stripe centres along the index axis, µm:
    /// (sensor pixels − overlap pixels) × pixel size.
    /// </summary>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="p">Sensor width and stripe overlap, pixels.</param>
    public static double StripePitchUm(double pixelSizeUm, MechanicsParameters p) =>
        (p.SensorPixels - p.StripeOverlapPixels) * pixelSizeUm;

    /// <summary>
    /// Stripes needed to cover a width along the index axis (whole stripes, rounded up).
    /// </summary>
    /// <param name="areaWidthUm">Width of the scan area across the stripes, µm.</param>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="p">Sensor width and overlap.</param>
    public static int StripeCount(double areaWidthUm, double pixelSizeUm, MechanicsParameters p)
    {
        if (!(areaWidthUm > 0))
        {
            return 0;
        }

        // a width of exactly k pitches is k stripes, not k + 1 after rounding noise
        double stripes = areaWidthUm / StripePitchUm(pixelSizeUm, p);
        return (int)Math.Ceiling(stripes - 1e-9);
    }

    /// <summary>
    /// One imaging pass of a stripe, s: ramp up to scan speed, lead-in for the focus,
    /// constant-velocity imaging of the stripe length, ramp down.
    /// </summary>
    /// <param name="stripeLengthUm">Imaged length along the scan axis, µm.</param>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="p">Camera, stage and lead-in parameters.</param>
    public static double PassS(double stripeLengthUm, double pixelSizeUm, MechanicsParameters p)
    {
        double v = ScanSpeedMmPerS(pixelSizeUm, p);
        double ramp = v / p.StageAccelMmPerS2;
        double cruiseMm = (p.ScanLeadInUm + stripeLengthUm) * 1e-3;
        return ramp + cruiseMm / v + ramp;
    }

    /// <summary>
    /// Stage travel along the scan axis during one pass, mm: ramps plus lead-in plus length.
    /// </summary>
    /// <param name="stripeLengthUm">Imaged length, µm.</param>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="p">Camera, stage and lead-in parameters.</param>
    public static double PassTravelMm(
        double stripeLengthUm, double pixelSizeUm, MechanicsParameters p)
    {
        double v = ScanSpeedMmPerS(pixelSizeUm, p);
        return v * v / p.StageAccelMmPerS2 + (p.ScanLeadInUm + stripeLengthUm) * 1e-3;
    }

    /// <summary>
    /// Time between the end of one pass and the start of the next, s: the index step across
    /// to the next stripe, the return move when scanning one way only, and the settle.
    /// </summary>
    /// <param name="indexStepUm">
    /// Index-axis step, µm (0 for another pass of the same stripe).
    /// </param>
    /// <param name="passTravelMm">Scan-axis travel of the pass just made, mm.</param>
    /// <param name="settleS">Settle before imaging resumes, s.</param>
    /// <param name="p">Stage parameters and scan direction mode.</param>
    public static double TurnaroundS(
        double indexStepUm, double passTravelMm, double settleS, MechanicsParameters p)
    {
        double t = StageMove.TimeS(indexStepUm * 1e-3, p) + settleS;
        if (!p.Bidirectional)
        {
            t += StageMove.TimeS(passTravelMm, p);
        }

        return t;
    }

    /// <summary>
    /// Time for one stripe in a run of stripes, s: one pass plus the turnaround to the next
    /// stripe one pitch over.
    /// </summary>
    /// <param name="stripeLengthUm">Imaged length along the scan axis, µm.</param>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="p">Camera, stage and settle parameters.</param>
    public static double StripeS(double stripeLengthUm, double pixelSizeUm, MechanicsParameters p)
    {
        double travel = PassTravelMm(stripeLengthUm, pixelSizeUm, p);
        double pitch = StripePitchUm(pixelSizeUm, p);
        return PassS(stripeLengthUm, pixelSizeUm, p)
            + TurnaroundS(pitch, travel, p.StripeSettleS, p);
    }

    /// <summary>
    /// Time for a run of stripes side by side, s: every pass, and a turnaround between
    /// consecutive stripes (none after the last).
    /// </summary>
    /// <param name="stripes">Number of stripes (0 gives 0 s).</param>
    /// <param name="stripeLengthUm">Imaged length of each stripe, µm.</param>
    /// <param name="pixelSizeUm">Object-side pixel size, µm.</param>
    /// <param name="indexStepUm">Index-axis distance between stripes, µm.</param>
    /// <param name="p">Camera, stage and settle parameters.</param>
    public static double StripeRunS(
        int stripes,
        double stripeLengthUm,
        double pixelSizeUm,
        double indexStepUm,
        MechanicsParameters p)
    {
        if (stripes <= 0)
        {
            return 0;
        }

        double pass = PassS(stripeLengthUm, pixelSizeUm, p);
        double travel = PassTravelMm(stripeLengthUm, pixelSizeUm, p);
        double turn = TurnaroundS(indexStepUm, travel, p.StripeSettleS, p);
        return stripes * pass + (stripes - 1) * turn;
    }
}
