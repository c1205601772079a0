using System.Security.Cryptography;
using NUnit.Framework;
using Twin.Mechanics.Geometry;
using Twin.Optics.Tissue;
using Twin.Scanner.Session;
using Twin.Scanner.Settings;
using Twin.Scanner.Slides;

namespace Twin.Tests.Scanner;

/// <summary>
/// The scan session on small slides: focusing scored against the true surface, the ANS decision,
/// and repeatability. Focus-only runs (no image) keep these fast.
/// </summary>
[TestFixture]
public sealed class ScanSessionTests
{
    private static SlideSpec Slide(SlidePose pose, double widthUm = 800, double heightUm = 1600) =>
        new()
        {
            Id = "t",
            Tissue = new ProceduralTissueVolume(TissueKinds.DenseTumour, widthUm, heightUm, 4,
                11),
            TissueName = "dense-tumour",
            TissueOriginXUm = 40_000 - (widthUm / 2),
            TissueOriginYUm = 12_500 - (heightUm / 2),
            Pose = pose,
            Seed = 5,
        };

    private static SlideScanResult FocusOnly(SlidePose pose, bool ans = true) =>
        new ScanSession(new ScanSessionOptions { RenderImage = false }).Scan(Slide(pose),
            SettingsResolver.Resolve(false, null, ans, 0.1, 1024, 91),
            (_, _, _) => new NullTileSink());

    [Test]
    public void Scan_LevelSlide_KeepsFocusWithinTheDepthOfField()
    {
        var r = FocusOnly(SlidePose.Level);
        Assert.That(r.FocusErrorRmsUm, Is.LessThan(0.5 * r.DepthOfFieldUm));
        Assert.That(r.InFocusFraction, Is.GreaterThan(0.8));
        Assert.That(r.AnsRescanned, Is.False);
    }

    [Test]
    public void Scan_ScanAxisTiltTheAxisCanFollow_KeepsFocusWithinTheDepthOfField()
    {
        // 0.05° along the scan axis climbs 0.06 µm per tile: well inside the axis's bandwidth
        var r = FocusOnly(new SlidePose { TrayScanTiltDeg = 0.05, OffsetUm = 4 });
        Assert.That(r.FocusErrorRmsUm, Is.LessThan(0.5 * r.DepthOfFieldUm));
        Assert.That(r.AnsRescanned, Is.False);
    }

    [Test]
    public void Scan_IndexTiltPastThreshold_RescansInNarrowStripesWithLessEdgeDefocus()
    {
        var pose = new SlidePose { TrayIndexTiltDeg = 0.25 };
        var withAns = FocusOnly(pose, ans: true);
        var without = FocusOnly(pose, ans: false);
        Assert.That(withAns.AnsRescanned, Is.True);
        Assert.That(withAns.StripePixels, Is.EqualTo(1024));
        Assert.That(without.AnsRescanned, Is.False);
        Assert.That(withAns.EdgeDefocusMaxUm, Is.LessThan(without.EdgeDefocusMaxUm));
        Assert.That(withAns.Time!.RescanS, Is.GreaterThan(0));
        Assert.That(withAns.Time.TotalS, Is.GreaterThan(without.Time!.TotalS));
    }

    [Test]
    public void Scan_SameSlideAndSeed_GivesIdenticalTiles()
    {
        var slide = Slide(new SlidePose { TrayIndexTiltDeg = 0.02 }, 300, 600);
        string Hash()
        {
            using var sink = new HashingSink();
            var settings = SettingsResolver.Resolve(false, Magnification.Twenty, false, 0.1,
                1024, 91);
            new ScanSession(new ScanSessionOptions()).Scan(slide, settings, (_, _, _) => sink);
            return sink.Digest();
        }

        Assert.That(Hash(), Is.EqualTo(Hash()));
    }

    private sealed class HashingSink : ITileSink
    {
        private readonly SortedDictionary<(int, int), string> _tiles = [];

        public void WriteTile(int column, int row, ReadOnlySpan<byte> rgb)
        {
            lock (_tiles)
            {
                _tiles[(column, row)] = Convert.ToHexString(SHA256.HashData(rgb));
            }
        }

        public long Commit() => _tiles.Count;

        public string Digest() => string.Join(",", _tiles.Select(t => t.Value));

        public void Dispose()
        {
        }
    }
}
