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
}
