using NUnit.Framework;
using Twin.Optics.Psf;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>
/// Depth of field from simulated through-focus curves, against the textbook
/// d = λ·n/NA² + n·e/(M·NA). Criterion: the full width at half maximum of the Brenner curve
/// (the metric the twin's focusing uses) of a 0.5 µm semithin section, noise-free green channel
/// (540 nm), focal steps of 0.1 µm. A semithin section, because a 4 µm section's own thickness
/// would widen the curve; the formula describes the instrument, not the specimen.
/// </summary>
/// <remarks>
/// Curve widths depend on the specimen's texture: on dense tumour they sit within 10 % of the
/// formula, on loose stroma and skin, whose detail is finer, 35–40 % narrower. What does not
/// depend on the specimen is the difference between 20x and 40x, which isolates the detector
/// term n·e/(M·NA): it matches e = two pixels (Nyquist), not one.
/// </remarks>
[TestFixture]
public sealed class RenderDepthOfFieldTests
{
    private const double Green = 0.54;

    [TestCaseSource(typeof(RenderScenes), nameof(RenderScenes.Objectives))]
    public void BrennerFwhm_SemithinDenseTumour_Within10PercentOfDepthOfField(
        ObjectiveModel objective)
    {
        double width = BrennerWidth(TissueKinds.DenseTumour, objective);
        double formula = objective.DepthOfFieldUm(Green);
        TestContext.Out.WriteLine(
            $"{objective.AppMag}x: Brenner FWHM {width:F3} µm, formula {formula:F3} µm "
            + $"({(width / formula) - 1:P1}); with e = 1 px the formula gives "
            + $"{(objective with { DetectorResolutionPx = 1 }).DepthOfFieldUm(Green):F3} µm");
        Assert.That(width / formula, Is.InRange(0.9, 1.1));
    }

    [TestCase("dense-tumour")]
    [TestCase("loose-stroma")]
    [TestCase("skin")]
    public void BrennerFwhm_20xMinus40x_MatchesTwoPixelDetectorTerm(string kindName)
    {
        var kind = TissueKinds.Find(kindName)!;
        double difference = BrennerWidth(kind, ObjectiveModel.Twenty)
            - BrennerWidth(kind, ObjectiveModel.Forty);
        // n·e/(M·NA) with e/M = 2 px: 2·(0.52 − 0.26)/0.75 = 0.693 µm (1 px would give 0.347)
        double twoPixels = ObjectiveModel.Twenty.DepthOfFieldUm(Green)
            - ObjectiveModel.Forty.DepthOfFieldUm(Green);
        TestContext.Out.WriteLine($"{kindName}: 20x − 40x width {difference:F3} µm, "
            + $"two-pixel term {twoPixels:F3} µm");
        Assert.That(difference / twoPixels, Is.InRange(0.75, 1.25));
    }

    private static double BrennerWidth(TissueKind kind, ObjectiveModel objective) =>
        RenderScenes.SemithinCurve(kind, objective, "Brenner").WidthUm();
}
