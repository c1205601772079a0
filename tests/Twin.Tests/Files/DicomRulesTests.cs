using NUnit.Framework;
using Twin.Scanner.Files.Dicom;

namespace Twin.Tests.Files;

/// <summary>The release rule: DICOM output is refused for 20x, z-stack and ANS scans.</summary>
[TestFixture]
public sealed class DicomRulesTests
{
    [Test]
    public void Check_FortyXSinglePlaneNoAns_Allowed()
    {
        Assert.That(DicomRules.Check(40, 1, ansEnabled: false), Is.Empty);
    }

    [Test]
    public void Check_TwentyX_BreaksTheTwentyXRuleOnly()
    {
        Assert.That(
            DicomRules.Check(20, 1, ansEnabled: false),
            Is.EqualTo(new[] { "DICOM output is not available for 20x scans" }));
    }

    [TestCase(3)]
    [TestCase(25)]
    public void Check_ZStack_BreaksTheZStackRule(int layers)
    {
        Assert.That(
            DicomRules.Check(40, layers, ansEnabled: false),
            Is.EqualTo(new[] { "DICOM output is not available for z-stack scans" }));
    }

    [Test]
    public void Check_AnsEnabled_BreaksTheAnsRule()
    {
        Assert.That(
            DicomRules.Check(40, 1, ansEnabled: true),
            Is.EqualTo(new[] { "DICOM output is not available with ANS enabled" }));
    }

    [Test]
    public void Check_EverythingWrong_ListsAllThreeInOrder()
    {
        Assert.That(
            DicomRules.Check(20, 5, ansEnabled: true),
            Is.EqualTo(new[] { DicomRules.TwentyX, DicomRules.ZStack, DicomRules.Ans }));
    }

    [TestCase(10, 1)]
    [TestCase(40, 0)]
    public void Check_OutOfRangeArguments_Throw(int appMag, int layers)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => DicomRules.Check(appMag, layers, ansEnabled: false));
    }
}
