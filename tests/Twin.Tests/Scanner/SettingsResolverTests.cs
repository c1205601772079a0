using NUnit.Framework;
using Twin.Scanner.Settings;

namespace Twin.Tests.Scanner;

/// <summary>Scanner default ⊕ rack override, and where each setting came from.</summary>
[TestFixture]
public sealed class SettingsResolverTests
{
    [Test]
    public void Resolve_NoOverrideDefaultOff_Scans40xFromScannerDefault()
    {
        var s = SettingsResolver.Resolve(false, null, true, 0.1, 1024, 91);
        Assert.That(s.Magnification, Is.EqualTo(Magnification.Forty));
        Assert.That(s.Provenance["magnification"].Source, Does.StartWith("scanner default"));
    }

    [Test]
    public void Resolve_DefaultTo20xOn_Scans20x()
    {
        var s = SettingsResolver.Resolve(true, null, false, 0.1, 1024, 91);
        Assert.That(s.Magnification, Is.EqualTo(Magnification.Twenty));
    }

    [TestCase(true, Magnification.Forty)]
    [TestCase(false, Magnification.Twenty)]
    public void Resolve_RackOverride_WinsOverScannerDefault(bool defaultTo20x, Magnification rack)
    {
        var s = SettingsResolver.Resolve(defaultTo20x, rack, false, 0.1, 1024, 91);
        Assert.That(s.Magnification, Is.EqualTo(rack));
        Assert.That(s.Provenance["magnification"].Source, Is.EqualTo("rack override"));
        Assert.That(s.Provenance["magnification"].Value, Is.EqualTo(SettingsResolver.Label(rack)));
    }

    [Test]
    public void Resolve_ZStack_SwitchesAnsOffWithTheRuleAsSource()
    {
        var s = SettingsResolver.Resolve(false, null, true, 0.1, 1024, 91, "svs",
            new ZStackSettings(5, 0.5), "lab admin default");
        Assert.That(s.AnsEnabled, Is.False);
        Assert.That(s.Provenance["ansEnabled"].Source, Is.EqualTo(
            "rule: ANS is off during z-stack scans"));
        Assert.That(s.Provenance["focusing"].Value, Is.EqualTo("point focusing"));
        Assert.That(s.Provenance["zStackLayers"].Source, Is.EqualTo("lab admin default"));
    }

    [Test]
    public void ZStack_FiveLayersHalfMicron_HasTwoAboveAndTwoBelow()
    {
        Assert.That(new ZStackSettings(5, 0.5).OffsetsUm(),
            Is.EqualTo(new[] { -1.0, -0.5, 0.0, 0.5, 1.0 }));
    }

    [TestCase(3, 0.25, true)]
    [TestCase(25, 1.0, true)]
    [TestCase(1, 0.5, false)]
    [TestCase(4, 0.5, false)]
    [TestCase(27, 0.5, false)]
    [TestCase(5, 0.2, false)]
    [TestCase(5, 1.5, false)]
    public void ZStack_Check_FollowsTheReleaseRules(int layers, double separation, bool valid)
    {
        Assert.That(ZStackSettings.Check(layers, separation), valid ? Is.Empty : Is.Not.Empty);
    }
}
