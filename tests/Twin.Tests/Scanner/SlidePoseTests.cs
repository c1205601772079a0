using NUnit.Framework;
using Twin.Mechanics.Geometry;

namespace Twin.Tests.Scanner;

/// <summary>Slide surface geometry.</summary>
[TestFixture]
public sealed class SlidePoseTests
{
    [Test]
    public void IndexSlope_PlanarTilt_EqualsTheTilt()
    {
        var pose = new SlidePose { TrayIndexTiltDeg = 0.2, WedgeIndexDeg = 0.05 };
        Assert.That(pose.IndexSlopeDeg(40_000, 11_000, 14_000), Is.EqualTo(0.25).Within(1e-9));
    }

    [Test]
    public void Surface_ScanTilt_RisesAlongTheScanAxis()
    {
        var pose = new SlidePose { TrayScanTiltDeg = 0.1 };
        double rise = pose.SurfaceUm(41_000, 12_500) - pose.SurfaceUm(40_000, 12_500);
        Assert.That(rise, Is.EqualTo(1000 * Math.Tan(0.1 * Math.PI / 180)).Within(1e-9));
    }
}
