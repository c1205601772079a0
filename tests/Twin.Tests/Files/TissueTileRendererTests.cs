using NUnit.Framework;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>The tissue-volume renderer the file-size predictor can sample.</summary>
[TestFixture]
public sealed class TissueTileRendererTests
{
    private static readonly ProceduralTissueVolume Volume =
        new(TissueKinds.DenseTumour, 400, 400, 4, seed: 11);

    [Test]
    public void Create_FortyAndTwenty_RenderTissueDeterministically()
    {
        var render = TissueTileRenderer.Create(Volume, SensorModel.Default, 0, 0, seed: 3, 64);
        var a = new byte[64 * 64 * 3];
        var b = new byte[64 * 64 * 3];
        var c = new byte[64 * 64 * 3];
        render(40, 150, 150, a);
        render(40, 150, 150, b);
        render(20, 150, 150, c);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c, Is.Not.EqualTo(a));
        Assert.That(a.Select(v => (int)v).Average(), Is.LessThan(230), "tissue, not glass");
        Assert.That(a.Distinct().Count(), Is.GreaterThan(40), "texture, not a flat colour");
    }

    [Test]
    public void Render_UnknownMagnification_Throws()
    {
        var render = TissueTileRenderer.Create(Volume, SensorModel.Default, 0, 0, seed: 3, 64);
        Assert.Throws<ArgumentOutOfRangeException>(() => render(10, 0, 0, new byte[64 * 64 * 3]));
    }
}
