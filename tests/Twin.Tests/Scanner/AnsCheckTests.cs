using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Scanner.Algorithms;

namespace Twin.Tests.Scanner;

/// <summary>The built-in ANS tilt check on synthetic focus heights with a known tilt.</summary>
[TestFixture]
public sealed class AnsCheckTests
{
    private const double Pitch = 1064.96;
    private const double Column = 66.56;

    private static List<IReadOnlyList<FocusSample>> Plane(
        int stripes, int columns, double indexDeg, double scanDeg)
    {
        var result = new List<IReadOnlyList<FocusSample>>();
        for (int k = 0; k < stripes; k++)
        {
            var h = new List<FocusSample>();
            for (int i = 0; i < columns; i++)
            {
                // readings peak at varying places across the stripe, as the tilted sensor's do
                double y = (k * Pitch) + (((i * 37) % 11) * 40.0);
                double x = i * Column;
                h.Add(new FocusSample(x, y, 3 + (y * Math.Tan(indexDeg * Math.PI / 180))
                    + (x * Math.Tan(scanDeg * Math.PI / 180))));
            }

            result.Add(h);
        }

        return result;
    }

    [Test]
    public void Judge_PlaneTiltedAlongIndexAxis_EstimatesTheTilt()
    {
        var verdict = new NeighbourStripeAnsCheck().Judge(Plane(3, 12, 0.15, 0.05), 0.1);
        Assert.That(verdict.TiltEstimateDeg, Is.EqualTo(0.15).Within(1e-6));
        Assert.That(verdict.Exceeded, Is.True);
    }

    [Test]
    public void Judge_ScanAxisTiltOnly_EstimatesNoIndexTilt()
    {
        var verdict = new NeighbourStripeAnsCheck().Judge(Plane(2, 12, 0, 0.3), 0.1);
        Assert.That(verdict.TiltEstimateDeg, Is.EqualTo(0).Within(1e-6));
        Assert.That(verdict.Exceeded, Is.False);
    }

    [Test]
    public void Judge_SingleStripe_GivesNoEstimate()
    {
        var verdict = new NeighbourStripeAnsCheck().Judge(Plane(1, 12, 0.5, 0), 0.1);
        Assert.That(verdict.TiltEstimateDeg, Is.Null);
        Assert.That(verdict.Exceeded, Is.False);
    }

    [Test]
    public void Judge_StripeWithoutMeasurements_IsLeftOut()
    {
        var heights = Plane(2, 12, 0.5, 0);
        heights[1] = [];
        var verdict = new NeighbourStripeAnsCheck().Judge(heights, 0.1);
        Assert.That(verdict.TiltEstimateDeg, Is.Null);
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Judge_ZeroIndexTilt_NeverExceeds(byte scanTenthMilliDeg, byte columns)
    {
        double scan = scanTenthMilliDeg / 1000.0;
        int n = 2 + (columns % 20);
        var verdict = new NeighbourStripeAnsCheck().Judge(Plane(3, n, 0, scan), 0.01);
        return (!verdict.Exceeded).ToProperty();
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Judge_Decision_IsMonotoneInTilt(byte a, byte b)
    {
        double low = Math.Min(a, b) / 500.0;
        double high = Math.Max(a, b) / 500.0;
        var check = new NeighbourStripeAnsCheck();
        bool lowTrips = check.Judge(Plane(2, 8, low, 0), 0.2).Exceeded;
        bool highTrips = check.Judge(Plane(2, 8, high, 0), 0.2).Exceeded;
        return (!lowTrips || highTrips).ToProperty();
    }
}
