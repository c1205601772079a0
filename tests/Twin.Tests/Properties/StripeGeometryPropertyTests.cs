using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Mechanics.Geometry;
using Twin.Scenarios.Sweeps;
using Twin.Tests.Sweeps;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Properties;

/// <summary>
/// Narrow stripes never leave more edge defocus than normal ones: on a planar pose the edge of
/// a stripe focused on its centre line sits half the width × tan(index tilt) from focus, so the
/// defocus shrinks with the width. Checked on the geometry over the whole pose range, and on a
/// small scanned slide.
/// </summary>
public sealed class StripeGeometryPropertyTests
{
    private static readonly Gen<SlidePose> PlanarPose =
        from trayIndex in Gen.Choose(-1000, 1000)
        from wedgeIndex in Gen.Choose(-500, 500)
        from trayScan in Gen.Choose(-1000, 1000)
        from offset in Gen.Choose(-250, 250)
        select new SlidePose
        {
            TrayIndexTiltDeg = trayIndex / 1000.0,
            WedgeIndexDeg = wedgeIndex / 1000.0,
            TrayScanTiltDeg = trayScan / 1000.0,
            OffsetUm = offset / 10.0,
        };

    /// <summary>A band of tissue across the slide: start and extent, µm.</summary>
    private static readonly Gen<(double Y0, double Extent)> Band =
        from y0 in Gen.Choose(1_000, 15_000)
        from extent in Gen.Choose(100, 10_000)
        select ((double)y0, (double)extent);

    /// <summary>Normal stripes at 40x or 20x; narrow ones whole tiles narrower.</summary>
    private static readonly Gen<(double Normal, double Narrow)> Widths =
        from px in Gen.Elements(0.26, 0.52)
        from tiles in Gen.Choose(1, 15)
        select (4096 * px, tiles * 256 * px);

    [Property(MaxTest = 500)]
    public Property EdgeDefocus_PlanarPose_NarrowNeverLargerThanNormal() =>
        Prop.ForAll(
            (from pose in PlanarPose from band in Band from w in Widths
             select (pose, band, w)).ToArbitrary(),
            c =>
            {
                double y1 = c.band.Y0 + c.band.Extent;
                double normal = StripeGeometry.EdgeDefocusUm(c.pose, c.band.Y0, y1, c.w.Normal);
                double narrow = StripeGeometry.EdgeDefocusUm(c.pose, c.band.Y0, y1, c.w.Narrow);
                return narrow <= normal + 1e-9;
            });

    [Property(MaxTest = 500)]
    public Property EdgeDefocus_PlanarPose_IsHalfWidthTimesTanIndexTilt() =>
        Prop.ForAll(
            (from pose in PlanarPose from band in Band from w in Widths
             select (pose, band, w.Normal)).ToArbitrary(),
            c =>
            {
                double edge = StripeGeometry.EdgeDefocusUm(c.pose, c.band.Y0,
                    c.band.Y0 + c.band.Extent, c.Normal);
                double expected = StripeGeometry.PlanarEdgeDefocusUm(c.Normal,
                    c.pose.IndexTiltDeg);
                return Math.Abs(edge - expected) <= 1e-9 * Math.Max(1, expected);
            });

    [Test]
    public void Scan_IndexTiltedSlide_NarrowStripesLeaveNoMoreEdgeDefocus()
    {
        // 0.2° leaves 1.86 µm at a 4096-px stripe's edge by geometry (0.46 µm at 1024 px),
        // well above the few tenths of a µm the focus loop adds
        var o = TinySweep.Scan(TinySweep.Spec(new SlidePose { TrayIndexTiltDeg = 0.2 }));
        Assert.That(o.NarrowEdgeGeometricUm, Is.LessThanOrEqualTo(o.NormalEdgeGeometricUm));
        Assert.That(o.NormalEdgeGeometricUm, Is.EqualTo(
            StripeGeometry.PlanarEdgeDefocusUm(4096 * 0.26, 0.2)).Within(1e-9));
        Assert.That(o.Narrow!.EdgeDefocusMaxUm, Is.LessThanOrEqualTo(o.Normal!.EdgeDefocusMaxUm));
    }
}
