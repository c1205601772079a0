using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Mechanics.Geometry;
using Twin.Scanner.Session;
using Twin.Scanner.Settings;
using Twin.Scenarios.Running;
using Twin.Scenarios.Sweeps;
using Twin.Tests.Sweeps;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Properties;

/// <summary>Z-stack scans never use ANS, whatever the scan settings say (release notes).</summary>
public sealed class ZStackPropertyTests
{
    private static readonly Gen<int> ZStackLayers = Gen.Choose(1, 12).Select(k => (2 * k) + 1);

    [Property(MaxTest = 300)]
    public Property Resolve_AnyZStack_SwitchesAnsOffAndSaysWhy() =>
        Prop.ForAll(
            (from twenty in Gen.Elements(true, false)
             from ans in Gen.Elements(true, false)
             from threshold in Gen.Choose(1, 5000)
             from layers in ZStackLayers
             from sep in Gen.Choose(25, 100)
             select (twenty, ans, threshold / 1000.0, layers, sep / 100.0)).ToArbitrary(),
            c =>
            {
                var z = SettingsResolver.Resolve(c.twenty, null, c.ans, c.Item3, 1024, 91, "svs",
                    new ZStackSettings(c.layers, c.Item5));
                return !z.AnsEnabled && z.Provenance["ansEnabled"].Source.Contains("z-stack")
                    && z.ZStack!.Layers == c.layers
                    && z.Provenance["zStackLayers"].Value == c.layers.ToString();
            });

    [Property(MaxTest = 200)]
    public Property Check_LayersOutsideTheRules_AreRefused() =>
        Prop.ForAll(
            Gen.Choose(-5, 60).Where(n => n < 3 || n > 25 || n % 2 == 0).ToArbitrary(),
            layers => ZStackSettings.Check(layers, 0.5).Count > 0);

    [TestCase(0.2)]
    [TestCase(1.5)]
    public void Check_SeparationOutsideTheRules_IsRefused(double separationUm)
    {
        Assert.That(ZStackSettings.Check(5, separationUm), Is.Not.Empty);
    }

    [Test]
    public void Resolve_NoZStack_LeavesAnsAsConfigured()
    {
        var s = SettingsResolver.Resolve(false, null, true, 0.1, 1024, 91);
        Assert.That(s.AnsEnabled, Is.True);
        Assert.That(s.ZStack, Is.Null);
    }

    [Test]
    public void Scan_ZStackOnATiltedSlide_NeverRescansWhereANormalScanWould()
    {
        // 0.2° across the stripes trips a 0.05° threshold at once (the control); with five
        // layers the same settings must not
        // wide enough along the scan for the focusing sensor to measure several heights a stripe
        var spec = TinySweep.Spec(new SlidePose { TrayIndexTiltDeg = 0.2 }, widthMm: 0.6);
        var slide = SlideFactory.Create(SlidePopulation.Entry(spec, 0), spec.Seed, out _)!;
        var session = new ScanSession(TinySweep.Options(spec));
        var settings = SettingsResolver.Resolve(false, null, true, 0.05, 1024, 91);
        var plain = session.Scan(slide, settings, (_, _, _) => new NullTileSink());
        var zSettings = SettingsResolver.Resolve(false, null, true, 0.05, 1024, 91, "svs",
            new ZStackSettings(5, 0.5));
        var zStack = session.Scan(slide, zSettings, (_, _, _) => new NullTileSink());
        Assert.That(plain.AnsRescanned, Is.True, "control: the slide is tilted past 0.05°");
        Assert.That(zStack.AnsRescanned, Is.False);
    }
}
