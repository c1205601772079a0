using NUnit.Framework;
using Twin.Mechanics.Racks;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Throughput;

namespace Twin.Tests.Throughput;

[TestFixture]
public sealed class ThroughputScenarioLoaderTests
{
    private const string Head = """
        name: t
        racks:
          - id: r1
            slides:
              - { id: A, tissue: skin, widthMm: 10, heightMm: 5 }
              - { id: B, tissue: skin, widthMm: 10, heightMm: 5 }
          - id: r2
            slides:
              - { id: C, tissue: skin, widthMm: 10, heightMm: 5 }

        """;

    [Test]
    public void Load_DayScenario_ReadsLoadingFailuresAndNetwork()
    {
        ThroughputScenario ts = ThroughputScenarioLoader.Load(Repo.Scenario("throughput-day.yaml"));
        ThroughputSettings s = ts.Settings;
        Assert.That(ts.Scenario.Racks.Sum(r => r.Slides.Count), Is.EqualTo(450));
        Assert.That(s.LoadAtS("rack-01", 0), Is.EqualTo(0));
        Assert.That(s.LoadAtS("rack-06", 5), Is.EqualTo(5 * 1500));
        Assert.That(s.Failures["D0417"], Is.EqualTo(SlideFailure.BarcodeUnreadable));
        Assert.That(s.Failures["D0908"], Is.EqualTo(SlideFailure.NoTissueFound));
        Assert.That(s.Network.LocalBufferBytes, Is.EqualTo(16_000_000_000));
        Assert.That(s.LinkSweepBitsPerS, Is.EqualTo(new[] { 1e8, 1e9, 1e10 }));
    }

    [Test]
    public void Load_NoPath_UsesTheEmbeddedDemoWithDefaultSettings()
    {
        ThroughputScenario ts = ThroughputScenarioLoader.Load(null);
        Assert.That(ts.Scenario.Name, Is.EqualTo("demo-rack"));
        Assert.That(ts.Settings, Is.EqualTo(ThroughputSettings.Default));
    }

    [Test]
    public void Parse_NoSection_DefaultSettings()
    {
        ThroughputScenario ts = Parse(Head);
        Assert.That(ts.Settings, Is.EqualTo(ThroughputSettings.Default));
    }

    [Test]
    public void Parse_FullSection_EveryValueRead()
    {
        ThroughputScenario ts = Parse(Head + """
            throughput:
              loading: { intervalS: 600, racks: { r2: 10 } }
              failures: { B: no-tissue }
              ans: { rescanRate: 0.25, abortAfterStripes: 3 }
              zStack: { layers: 5, focusPointSpacingMm: 4 }
              files: { bytesPerPixel40x: 0.2, bytesPerPixel20x: 0.3, pyramidFraction: 0.1 }
              network:
                localBufferGB: 2
                converterMBPerS: 100
                metadataBytes: 1000
                imageLink: { gigabitsPerS: 10, roundTripMs: 2, mtuBytes: 9000, windowKiB: 512 }
                storageLink: { messageBytes: 65536, setupRoundTrips: 5, cipherMBPerS: 300 }
              linkSweepGigabitsPerS: [0.5, 2.5]
            """);
        ThroughputSettings s = ts.Settings;
        Assert.That(s.LoadAtS("r1", 0), Is.EqualTo(0));
        Assert.That(s.LoadAtS("r2", 1), Is.EqualTo(10));
        Assert.That(s.Failures["B"], Is.EqualTo(SlideFailure.NoTissueFound));
        Assert.That((s.AnsRescanRate, s.AnsAbortAfterStripes), Is.EqualTo((0.25, 3)));
        Assert.That((s.ZLayers, s.FocusPointSpacingMm), Is.EqualTo((5, 4.0)));
        Assert.That(s.Files.CoarseBytesPerPixel, Is.EqualTo(0.3));
        Assert.That(s.Network.LocalBufferBytes, Is.EqualTo(2_000_000_000));
        Assert.That(s.Network.ConverterBytesPerS, Is.EqualTo(1e8));
        Assert.That(s.Network.ImageLink.BitsPerS, Is.EqualTo(1e10));
        Assert.That(s.Network.ImageLink.RoundTripS, Is.EqualTo(0.002));
        Assert.That(s.Network.ImageLink.WindowBytes, Is.EqualTo(512 * 1024));
        Assert.That(s.Network.StorageLink.SetupRoundTrips, Is.EqualTo(5));
        Assert.That(s.Network.StorageLink.CipherBytesPerS, Is.EqualTo(3e8));
        Assert.That(s.LinkSweepBitsPerS, Is.EqualTo(new[] { 5e8, 2.5e9 }));
    }

    [Test]
    public void Parse_UnknownKeyInSection_ErrorNamesFileLineAndKnownKeys()
    {
        var ex = Assert.Throws<ScenarioException>(
            () => Parse(Head + "throughput:\n  zstack: { layers: 3 }\n"));
        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "t.yaml:11: unknown key 'zstack' in throughput (known: loading, failures, ans, "
                + "zStack, files, network, linkSweepGigabitsPerS)",
        }));
    }

    [Test]
    public void Parse_EvenLayerCount_ErrorNamesTheRule()
    {
        var ex = Assert.Throws<ScenarioException>(
            () => Parse(Head + "throughput:\n  zStack:\n    layers: 4\n"));
        Assert.That(ex!.Errors.Single().ToString(),
            Is.EqualTo("t.yaml:12: 'layers' = 4 must be 1 or an odd number from 3 to 25"));
    }

    [Test]
    public void Parse_FailureOfUnknownSlide_ErrorNamesTheSlide()
    {
        var ex = Assert.Throws<ScenarioException>(
            () => Parse(Head + "throughput:\n  failures:\n    Z: no-tissue\n"));
        Assert.That(ex!.Errors.Single().ToString(),
            Is.EqualTo("t.yaml:12: 'throughput.failures' names slide 'Z', which is in no rack"));
    }

    [Test]
    public void Parse_UnknownFailureKind_ErrorListsTheKinds()
    {
        var ex = Assert.Throws<ScenarioException>(
            () => Parse(Head + "throughput:\n  failures: { A: smudge }\n"));
        Assert.That(ex!.Errors.Single().Message,
            Is.EqualTo("failure 'smudge' of slide 'A' must be barcode-unreadable or no-tissue"));
    }

    [Test]
    public void Parse_LoadTimeForUnknownRack_ErrorNamesKnownRacks()
    {
        var ex = Assert.Throws<ScenarioException>(
            () => Parse(Head + "throughput:\n  loading: { racks: { r9: 5 } }\n"));
        Assert.That(ex!.Errors.Single().Message,
            Is.EqualTo("unknown key 'r9' in throughput.loading.racks (known: r1, r2)"));
    }

    [Test]
    public void Parse_RescanRateAboveOne_ErrorGivesRange()
    {
        var ex = Assert.Throws<ScenarioException>(
            () => Parse(Head + "throughput:\n  ans: { rescanRate: 1.5 }\n"));
        Assert.That(ex!.Errors.Single().Message,
            Is.EqualTo("'rescanRate' = 1.5 is outside 0..1 (fraction)"));
    }

    [Test]
    public void Parse_ScenarioErrorAfterTheSection_KeepsItsOwnLineNumber()
    {
        string text = "name: t\nthroughput:\n  ans: { rescanRate: 0.2 }\n" + """
            racks:
              - id: r1
                magnification: 60x
                slides:
                  - { id: A, tissue: skin }
            """;
        var ex = Assert.Throws<ScenarioException>(() => Parse(text));
        Assert.That(ex!.Errors.Single().ToString(),
            Is.EqualTo("t.yaml:6: magnification '60x' must be 40x or 20x"));
    }

    [Test]
    public void MaskSection_Section_BlankedAndLineCountKept()
    {
        string text = "name: t\nthroughput:\n  a: 1\n  # note\n  b: 2\nracks: []\n";
        string masked = ThroughputScenarioLoader.MaskSection(text);
        Assert.That(masked, Is.EqualTo("name: t\n\n\n\n\nracks: []\n"));
    }

    private static ThroughputScenario Parse(string text) =>
        ThroughputScenarioLoader.Parse(text, "t.yaml", Repo.Root);
}
