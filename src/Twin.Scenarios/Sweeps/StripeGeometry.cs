using Twin.Mechanics.Geometry;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// The defocus a stripe's edges must suffer from geometry alone: the focus axis sets one height
/// per scan line, so with focus held exactly on a stripe's centre line, an edge sits
/// |surface(edge) − surface(centre)| away from focus; on a plane that is half the stripe width ×
/// tan(index-axis tilt), which is why narrower stripes cut it in proportion.
/// </summary>
// LIMITATION: "needs narrow" assumes focus on the stripe centre line; the loop may sit off it
public static class StripeGeometry
{
    /// <summary>Half-width × tan(|tilt|): edge defocus on a planar tilt, µm.</summary>
    /// <param name="stripeWidthUm">Stripe width along the index axis, µm.</param>
    /// <param name="indexTiltDeg">Index-axis tilt, degrees.</param>
    public static double PlanarEdgeDefocusUm(double stripeWidthUm, double indexTiltDeg) =>
        0.5 * stripeWidthUm * Math.Tan(Math.Abs(indexTiltDeg) * Math.PI / 180);

    /// <summary>
    /// Worst edge defocus over the stripes that cover the index-axis band y0..y1 (stripe k from
    /// y0 + k·width), each focused exactly on its centre line, µm. An edge beyond y1 is cut back
    /// to y1, where the tissue ends. Height changes along the scan axis cancel (both points sit
    /// on the same scan line), so the scan position does not matter on this pose model.
    /// </summary>
    /// <param name="pose">The true slide pose.</param>
    /// <param name="y0Um">Start of the band (first stripe's top), slide µm.</param>
    /// <param name="y1Um">End of the band, slide µm.</param>
    /// <param name="stripeWidthUm">Stripe width, µm.</param>
    public static double EdgeDefocusUm(
        SlidePose pose, double y0Um, double y1Um, double stripeWidthUm)
    {
        const double x = SlidePose.SlideLengthUm / 2;
        int stripes = Math.Max(1, (int)Math.Ceiling((y1Um - y0Um) / stripeWidthUm));
        double worst = 0;
        for (int k = 0; k < stripes; k++)
        {
            double top = y0Um + (k * stripeWidthUm);
            double centre = pose.SurfaceUm(x, top + (0.5 * stripeWidthUm));
            double bottom = Math.Min(top + stripeWidthUm, Math.Max(y1Um, top));
            worst = Math.Max(worst, Math.Abs(pose.SurfaceUm(x, top) - centre));
            worst = Math.Max(worst, Math.Abs(pose.SurfaceUm(x, bottom) - centre));
        }

        return worst;
    }
}
