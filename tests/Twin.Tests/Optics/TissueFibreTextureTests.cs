using NUnit.Framework;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>
/// Stroma fibres keep their designed spacing (bundles about 13.8 µm apart) everywhere on the
/// slide: far from the tissue frame's origin they must not grow finer than the pixel and alias
/// into moiré fringes.
/// </summary>
[TestFixture]
public sealed class TissueFibreTextureTests
{
    [TestCase(30_000.0, 30_000.0)]
    [TestCase(40_000.0, 30_000.0)]
    [TestCase(25_000.0, 40_000.0)]
    public void Stroma_AnywhereOnTheSlide_FibreSpacingStaysMicrometres(double x0, double y0)
    {
        // stroma alone: no nuclei, holes or folds to add peaks of their own
        var kind = TissueKinds.LooseStroma with
        {
            NucleusProbability = 0, HoleFraction = 0, FoldProbability = 0,
        };
        var volume = new ProceduralTissueVolume(kind, 60_000, 60_000, 4, 5);
        const int n = 2000;
        const double pitch = 0.26;
        foreach (bool alongY in new[] { false, true })
        {
            var od = new float[volume.Slices * 3 * n];
            volume.SampleRegion(x0, y0, pitch, alongY ? 1 : n, alongY ? n : 1, od);
            // green OD of the first slice: eosin's strongest channel
            var green = od.AsSpan(n, n).ToArray();
            Assert.That(green.Max() - green.Min(), Is.GreaterThan(0.01f), "fibre texture seen");
            int peaks = 0;
            for (int i = 1; i < n - 1; i++)
            {
                if (green[i] > green[i - 1] && green[i] >= green[i + 1])
                {
                    peaks++;
                }
            }

            // 520 µm of line: bundles ≥ 6.9 µm apart along any line (13.8 µm / 2 allows for
            // waviness and blending) give at most ~75 peaks; aliased fringes give hundreds
            Assert.That(peaks, Is.LessThan(80), $"along {(alongY ? "y" : "x")}");
        }
    }
}
