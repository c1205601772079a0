namespace Twin.Mechanics.Timing;

/// <summary>
/// Time of a point-to-point stage move that starts and ends at rest, with a trapezoidal
/// velocity profile (constant acceleration up to the speed limit, cruise, constant deceleration),
/// or a triangular one when the move is too short to reach the limit.
/// </summary>
// LIMITATION: jerk is unlimited (ideal trapezoid); real S-curve profiles add a few ms per move.
public static class StageMove
{
    /// <summary>
    /// Duration of a rest-to-rest move, s.
    /// </summary>
    /// <param name="distanceMm">Move length, mm (the sign is ignored).</param>
    /// <param name="maxSpeedMmPerS">Speed limit, mm/s (&gt; 0).</param>
    /// <param name="accelMmPerS2">Acceleration and deceleration, mm/s² (&gt; 0).</param>
    public static double TimeS(double distanceMm, double maxSpeedMmPerS, double accelMmPerS2)
    {
        double d = Math.Abs(distanceMm);
        double v = maxSpeedMmPerS;
        double a = accelMmPerS2;
        // accelerating to v and back to rest covers v²/a in total
        if (d >= v * v / a)
        {
            return d / v + v / a;
        }

        // triangular profile: d/2 = a t²/2 on each half
        return 2 * Math.Sqrt(d / a);
    }

    /// <summary>
    /// Duration of a move with the stage's own limits, s.
    /// </summary>
    /// <param name="distanceMm">Move length, mm.</param>
    /// <param name="p">Stage speed (mm/s) and acceleration (mm/s²) come from here.</param>
    public static double TimeS(double distanceMm, MechanicsParameters p) =>
        TimeS(distanceMm, p.StageMaxSpeedMmPerS, p.StageAccelMmPerS2);
}
