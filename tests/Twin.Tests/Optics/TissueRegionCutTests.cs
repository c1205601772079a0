using NUnit.Framework;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>
/// A procedural section is a function of position alone: a region sampled whole and the same
/// points sampled in small pieces (each with its own tables of lattice hashes) agree bit for bit.
/// </summary>
[TestFixture]
public sealed class TissueRegionCutTests
{
    private static IEnumerable<TestCaseData> Kinds() =>
        TissueKinds.All.Select(k => new TestCaseData(k.Name).SetName($"Cut_{k.Name}"));

    [TestCaseSource(nameof(Kinds))]
    public void SampleRegion_WholeOrInPieces_SameDensities(string name)
    {
        var kind = TissueKinds.Find(name)!;
        var volume = new ProceduralTissueVolume(kind, 3000, 2500, kind.ThicknessUm, 11);
        // near the top edge (skin's epidermis), across the outline's left edge, the middle
        bool tissue = false;
        foreach (var (x0, y0) in new[] { (1500.0, 60.0), (150.0, 1250.0), (1500.0, 1250.0) })
        {
            const int w = 96;
            const int h = 64;
            const double pitch = 0.26;
            int planes = volume.Slices * 3;
            var whole = new float[planes * w * h];
            volume.SampleRegion(x0, y0, pitch, w, h, whole);
            tissue |= whole.Any(v => v > 0);
            // pieces of 7 × 5 samples and single points: other table rectangles
            foreach (var (pw, ph) in new[] { (7, 5), (1, 1) })
            {
                for (int py = 0; py + ph <= h; py += ph * 3)
                {
                    for (int px = 0; px + pw <= w; px += pw * 4)
                    {
                        var piece = new float[planes * pw * ph];
                        volume.SampleRegion(x0 + (px * pitch), y0 + (py * pitch), pitch, pw, ph,
                            piece);
                        for (int p = 0; p < planes; p++)
                        {
                            for (int j = 0; j < ph; j++)
                            {
                                for (int i = 0; i < pw; i++)
                                {
                                    float a = whole[(p * w * h) + ((py + j) * w) + px + i];
                                    float b = piece[(p * pw * ph) + (j * pw) + i];
                                    Assert.That(b, Is.EqualTo(a),
                                        $"plane {p} at ({px + i}, {py + j}) of ({x0}, {y0})");
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.That(tissue, "some tissue in the regions compared");
    }
}
