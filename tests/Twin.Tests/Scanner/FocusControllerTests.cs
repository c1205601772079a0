using NUnit.Framework;
using Twin.Scanner.Algorithms;

namespace Twin.Tests.Scanner;

/// <summary>The built-in contrast-ratio focus controller on synthetic sensor read-outs.</summary>
[TestFixture]
public sealed class FocusControllerTests
{
    private const int Segments = 32;
    private const double Floor = 1e-4;

    private static double[] Offsets() =>
        Enumerable.Range(0, Segments).Select(i => ((i / 31.0) - 0.5) * 12).ToArray();

    /// <summary>A reading whose focusing contrast peaks where offset = truth − objective.</summary>
    private static FocusReading Reading(
        double objective, double truth, double[]? texture = null, double width = 1.2)
    {
        var offsets = Offsets();
        var focus = new double[Segments];
        var imaging = new double[Segments];
        for (int i = 0; i < Segments; i++)
        {
            double t = texture?[i] ?? 0.01 * (1 + (0.5 * Math.Sin(i * 1.7)));
            double Curve(double d) => Math.Exp(-(d * d) / (2 * width * width));
            focus[i] = Floor + (t * Curve(objective + offsets[i] - truth));
            imaging[i] = Floor + (t * Curve(objective - truth));
        }

        return new FocusReading(objective, offsets, focus, imaging, Floor);
    }

    [TestCase(0.0, 0.0, 0.01)]
    [TestCase(0.0, 1.7, 0.01)]
    [TestCase(2.0, -0.6, 0.01)]
    [TestCase(-1.0, 2.5, 0.03)]
    public void Update_GaussianContrast_FindsTheTrueHeight(
        double objective, double truth, double texture)
    {
        // 3.5 µm out, the imaging contrast falls to 1.4 % of the texture: the last case's
        // texture keeps it clear of the noise (4.3× the floor)
        var controller = new ContrastRatioFocusController();
        controller.BeginStripe(objective);
        double[] t = [.. Enumerable.Range(0, Segments)
            .Select(i => texture * (1 + (0.5 * Math.Sin(i * 1.7))))];
        var reading = Reading(objective, truth, t);
        var estimate = controller.Update(reading, limitStep: false);
        Assert.That(estimate.Status, Is.EqualTo(FocusStatus.Measured));
        Assert.That(estimate.TargetUm, Is.EqualTo(truth).Within(0.15));
    }

    [Test]
    public void Update_ImagingContrastUnderThreeNoiseFloors_Holds()
    {
        // the same 3.5 µm with faint texture: every segment's imaging contrast is 2.4× the
        // floor, too little for its ratio to mean anything
        var controller = new ContrastRatioFocusController();
        controller.BeginStripe(-1.0);
        var estimate = controller.Update(Reading(-1.0, 2.5), limitStep: false);
        Assert.That(estimate.Status, Is.EqualTo(FocusStatus.Held));
    }

    [Test]
    public void Update_BlankGlass_HoldsTheLastHeight()
    {
        var controller = new ContrastRatioFocusController();
        controller.BeginStripe(4.2);
        var estimate = controller.Update(Reading(4.2, 1.0, new double[Segments]));
        Assert.That(estimate.Status, Is.EqualTo(FocusStatus.Held));
        Assert.That(estimate.TargetUm, Is.EqualTo(4.2));
    }

    [Test]
    public void Update_TissueOnOneEndOnly_HoldsRatherThanFollowTheEdge()
    {
        var texture = Enumerable.Range(0, Segments).Select(i => i < 8 ? 0.01 : 0.0).ToArray();
        var controller = new ContrastRatioFocusController();
        controller.BeginStripe(0);
        var estimate = controller.Update(Reading(0, 0.3, texture));
        Assert.That(estimate.Status, Is.EqualTo(FocusStatus.Held));
    }

    [Test]
    public void Update_TissueFarAbove_ReportsAboveRange()
    {
        var controller = new ContrastRatioFocusController();
        controller.BeginStripe(0);
        // the imaging sensor still sees some texture 6.8 µm out with a broad contrast curve
        var estimate = controller.Update(Reading(0, 6.8, width: 2.5), limitStep: false);
        Assert.That(estimate.Status, Is.EqualTo(FocusStatus.AboveRange));
    }

    [Test]
    public void Update_OneOutlierJump_IsRejectedThenARealStepIsFollowed()
    {
        var controller = new ContrastRatioFocusController();
        controller.BeginStripe(0);
        Assert.That(controller.Update(Reading(0, 0)).Status, Is.EqualTo(FocusStatus.Measured));
        // a jump of 3.5 µm (more than MaxStepUm) is held twice, then followed
        var jump = Reading(0, 3.5, width: 2.0);
        Assert.That(controller.Update(jump).Status, Is.EqualTo(FocusStatus.Held));
        Assert.That(controller.Update(jump).Status, Is.EqualTo(FocusStatus.Held));
        var third = controller.Update(jump);
        Assert.That(third.Status, Is.EqualTo(FocusStatus.Measured));
        Assert.That(third.TargetUm, Is.EqualTo(3.5).Within(0.2));
    }
}
