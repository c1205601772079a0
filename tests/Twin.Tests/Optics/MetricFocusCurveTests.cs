using NUnit.Framework;
using Twin.Optics.Psf;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>
/// The four focus metrics on synthesised tissue: each peaks at the true focus of a semithin
/// section, each curve of a 4 µm section is centred on mid-section, and each curve is wider at
/// 20x than at 40x, as the depth of field is.
/// </summary>
[TestFixture]
public sealed class MetricFocusCurveTests
{
    private static IEnumerable<TestCaseData> MetricsAndObjectives() =>
        from name in RenderScenes.Metrics.Keys
        from objective in RenderScenes.Objectives()
        select new TestCaseData(name, objective)
            .SetArgDisplayNames(name, $"{objective.AppMag}x");

    [TestCaseSource(nameof(MetricsAndObjectives))]
    public void Metric_SemithinSection_PeaksAtTheSectionWithin5PercentOfDepthOfField(
        string metric, ObjectiveModel objective)
    {
        // a 0.5 µm section is in focus when the focal plane sits at its middle, 0.25 µm
        // heights offset by 0.03 µm so the truth falls between samples
        var curve = RenderScenes.Curves(TissueKinds.DenseTumour, 0.5, objective,
            RenderScenes.Heights(0.28, 1.0, 0.2))[metric];
        double error = curve.PeakFocusUm() - 0.25;
        TestContext.Out.WriteLine($"{metric} {objective.AppMag}x: peak error {error:F3} µm");
        Assert.That(Math.Abs(error), Is.LessThan(0.05 * objective.DepthOfFieldUm()));
    }

    [TestCaseSource(nameof(MetricsAndObjectives))]
    public void Metric_FourMicronSection_CurveCentredOnMidSectionWithinAQuarterDepthOfField(
        string metric, ObjectiveModel objective)
    {
        // nuclei centres are spread evenly through depth (and beyond both faces), so a thick
        // section's curve is centred on mid-section, the scanner's truth; its top is flat across
        // the section (with ripples from 1 µm slices), so the centre of the half-maximum interval
        // is the reading, not the largest sample
        var curve = RenderScenes.Curves(TissueKinds.DenseTumour, 4.0, objective,
            RenderScenes.Heights(2.0, 6.0, 0.5))[metric];
        double error = curve.CentreUm() - 2.0;
        TestContext.Out.WriteLine($"{metric} {objective.AppMag}x: centre error {error:F3} µm, "
            + $"largest sample at {curve.FocusUm[curve.PeakIndex]:F2} µm");
        Assert.That(Math.Abs(error), Is.LessThan(0.25 * objective.DepthOfFieldUm()));
    }

    [TestCaseSource(typeof(RenderScenes), nameof(RenderScenes.Metrics) + "Names")]
    public void Metric_20xCurve_WiderThan40xCurve(string metric)
    {
        double w40 = RenderScenes.SemithinCurve(TissueKinds.DenseTumour, ObjectiveModel.Forty,
            metric).WidthUm();
        double w20 = RenderScenes.SemithinCurve(TissueKinds.DenseTumour, ObjectiveModel.Twenty,
            metric).WidthUm();
        TestContext.Out.WriteLine($"{metric}: FWHM 40x {w40:F3} µm, 20x {w20:F3} µm");
        Assert.That(w20, Is.GreaterThan(w40));
    }
}
