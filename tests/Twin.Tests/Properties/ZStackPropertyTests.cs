using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Mechanics.Geometry;
using Twin.Scanner.Session;
using Twin.Scanner.Settings;
using Twin.Scenarios.Sweeps;
using Twin.Tests.Sweeps;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Properties;

/// <summary>Z-stack scans never use ANS, whatever the scan settings say (release notes).</summary>
public sealed class ZStackPropertyTests
{
    private static readonly Gen<ScanSettings> AnySettings =
        from twenty in Gen.Elements(true, false)
        from rack in Gen.Elements<Magnification?>(null, Magnification.Forty,
            Magnification.Twenty)
        from ans in Gen.Elements(true, false)
        from threshold in Gen.Choose(1, 5000)
        from narrow in Gen.Choose(1, 15)
        select SettingsResolver.Resolve(twenty, rack, ans, threshold / 1000.0, narrow * 256, 91);

    private static readonly Gen<int> ZStackLayers = Gen.Choose(1, 12).Select(k => (2 * k) + 1);

    [Property(MaxTest = 300)]
    public Property Apply_AnyZStack_SwitchesAnsOffAndSaysWhy() =>
        Prop.ForAll(
            (from s in AnySettings
             from layers in ZStackLayers
             from sep in Gen.Choose(25, 100)
             select (s, layers, sep / 100.0)).ToArbitrary(),
            c =>
            {
                var z = ZStackRule.Apply(c.s, c.layers, c.Item3);
                bool explained = !c.s.AnsEnabled
                    || z.Provenance["ansEnabled"].Source.Contains("z-stack");
                return !z.AnsEnabled && explained && z.Magnification == c.s.Magnification
                    && z.Provenance["zStackLayers"].Value == c.layers.ToString();
            });

    [Property(MaxTest = 200)]
    public Property Apply_LayersOutsideTheRules_AreRefused() =>
        Prop.ForAll(
            Gen.Choose(-5, 60).Where(n => !ZStackRule.IsValidLayers(n)).ToArbitrary(),
            layers =>
            {
                var s = SettingsResolver.Resolve(false, null, true, 0.1, 1024, 91);
                try
                {
                    ZStackRule.Apply(s, layers, 0.5);
                    return false;
                }
                catch (ArgumentOutOfRangeException)
                {
                    return true;
                }
            });

    [TestCase(0.2)]
    [TestCase(1.5)]
    public void Apply_SeparationOutsideTheRules_IsRefused(double separationUm)
    {
        var s = SettingsResolver.Resolve(false, null, true, 0.1, 1024, 91);
        Assert.Throws<ArgumentOutOfRangeException>(() => ZStackRule.Apply(s, 5, separationUm));
    }

    [Test]
    public void Apply_OneLayer_LeavesTheSettingsAlone()
    {
        var s = SettingsResolver.Resolve(false, null, true, 0.1, 1024, 91);
        Assert.That(ZStackRule.Apply(s, 1, 0), Is.SameAs(s));
    }

    [Test]
    public void Scan_ZStackOnATiltedSlide_NeverRescansWhereANormalScanWould()
    {
        // 0.2° across the stripes trips a 0.05° threshold at once (the control); with five
        // layers the same settings must not
        var spec = TinySweep.Spec(new SlidePose { TrayIndexTiltDeg = 0.2 }, widthMm: 0.2);
        var slide = SlidePopulation.Slide(spec, 0);
        var session = new ScanSession(TinySweep.Options(spec));
        var settings = SettingsResolver.Resolve(false, null, true, 0.05, 1024, 91);
        var plain = session.Scan(slide, settings, (_, _, _) => new NullTileSink());
        var zStack = session.Scan(slide, ZStackRule.Apply(settings, 5, 0.5),
            (_, _, _) => new NullTileSink());
        Assert.That(plain.AnsRescanned, Is.True, "control: the slide is tilted past 0.05°");
        Assert.That(zStack.AnsRescanned, Is.False);
    }
}
