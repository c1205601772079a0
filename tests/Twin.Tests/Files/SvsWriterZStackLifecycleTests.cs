using NUnit.Framework;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// Focal planes in <see cref="SvsWriter"/>: plane arguments, missing and repeated tiles,
/// determinism over plane and tile order and threads, and the checks on
/// <see cref="SvsMetadata.FocalPlanesUm"/>; judged by the files left (no reader programs).
/// </summary>
[TestFixture]
public sealed class SvsWriterZStackLifecycleTests
{
    private static readonly SvsMetadata ThreePlanes = new()
    {
        AcquiredAt = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        Filename = "zstack",
        FocalPlanesUm = [-1, 0, 1],
    };

    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files",
            nameof(SvsWriterZStackLifecycleTests), TestContext.CurrentContext.Test.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    [Test]
    public void Commit_TileOfOuterPlaneMissing_ThrowsNamingPlaneColumnAndRow()
    {
        var planes = SyntheticZStack.Create(600, 500, 3);
        using (var writer = new SvsWriter(Path.Combine(folder, "z.svs"), 600, 500, ThreePlanes))
        {
            foreach (var (p, c, r) in SyntheticZStack.ShuffledTiles(writer, 3))
            {
                if ((p, c, r) != (2, 1, 0))
                {
                    writer.WriteTile(p, c, r, SyntheticSlide.Tile(planes[p], 256, c, r));
                }
            }

            var e = Assert.Throws<InvalidOperationException>(() => writer.Commit());
            Assert.That(e!.Message, Is.EqualTo(
                "tile (plane 2 at 1 µm, column 1, row 0) was never written; "
                    + "1 of 18 level-0 tiles (3 planes × 6) are missing"));
        }

        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
    }

    [Test]
    public void Commit_OnlyBestPlaneWritten_ThrowsNamingFirstPlane()
    {
        var image = SyntheticSlide.Create(300, 200);
        using var writer = new SvsWriter(Path.Combine(folder, "z.svs"), 300, 200, ThreePlanes);
        writer.WriteTile(0, 0, SyntheticSlide.Tile(image, 256, 0, 0));
        writer.WriteTile(1, 0, SyntheticSlide.Tile(image, 256, 1, 0));
        var e = Assert.Throws<InvalidOperationException>(() => writer.Commit());
        Assert.That(e!.Message, Is.EqualTo(
            "tile (plane 0 at -1 µm, column 0, row 0) was never written; "
                + "4 of 6 level-0 tiles (3 planes × 2) are missing"));
    }

    [Test]
    public void WriteTile_SameTileTwiceOnOnePlane_ThrowsNamingPlane()
    {
        using var writer = new SvsWriter(Path.Combine(folder, "z.svs"), 300, 300, ThreePlanes);
        var tile = new byte[256 * 256 * 3];
        writer.WriteTile(0, 1, 0, tile);
        writer.WriteTile(2, 1, 0, tile);
        var e = Assert.Throws<InvalidOperationException>(() => writer.WriteTile(0, 1, 0, tile));
        Assert.That(e!.Message, Is.EqualTo(
            "tile (plane 0 at -1 µm, column 1, row 0) was already written"));
    }

    [Test]
    public void WriteTile_PlaneOutOfRange_ThrowsNamingRange()
    {
        using var writer = new SvsWriter(Path.Combine(folder, "z.svs"), 300, 300, ThreePlanes);
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => writer.WriteTile(3, 0, 0, new byte[256 * 256 * 3]));
        Assert.That(e!.ParamName, Is.EqualTo("plane"));
        Assert.That(e.Message, Does.StartWith("plane = 3 is out of range; allowed 0..2"));
    }

    [Test]
    public void WriteTile_SinglePlaneSlidePlaneOne_Throws()
    {
        using var writer = new SvsWriter(
            Path.Combine(folder, "z.svs"), 300, 300, ThreePlanes with { FocalPlanesUm = [0] });
        Assert.That(writer.PlaneCount, Is.EqualTo(1));
        Assert.That(writer.BestFocusPlane, Is.Zero);
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => writer.WriteTile(1, 0, 0, new byte[256 * 256 * 3]));
        Assert.That(e!.Message, Does.StartWith("plane = 1 is out of range; allowed 0..0"));
    }

    [Test]
    public void Commit_ShuffledPlanesAndTilesOnFourThreads_SameBytesAsPlaneByPlaneRaster()
    {
        var planes = SyntheticZStack.Create(1300, 1100, 5);
        var metadata = ThreePlanes with { FocalPlanesUm = [-1, -0.5, 0, 0.5, 1] };
        string raster = Path.Combine(folder, "raster.svs");
        string shuffled = Path.Combine(folder, "shuffled.svs");
        SyntheticZStack.Write(raster, planes, metadata, seed: null);
        SyntheticZStack.Write(shuffled, planes, metadata, seed: 11, threads: 4);
        Assert.That(File.ReadAllBytes(shuffled), Is.EqualTo(File.ReadAllBytes(raster)));
    }

    [Test]
    public void Commit_ZStackBigTiffForced_SamePagesAndPixelsAsClassic()
    {
        var planes = SyntheticZStack.Create(1100, 700, 3);
        string classic = Path.Combine(folder, "classic.svs");
        string big = Path.Combine(folder, "big.svs");
        SyntheticZStack.Write(classic, planes, ThreePlanes, seed: 2);
        using (var writer = new SvsWriter(big, 1100, 700, ThreePlanes) { BigTiffAboveBytes = 0 })
        {
            foreach (var (p, c, r) in SyntheticZStack.ShuffledTiles(writer, 2))
            {
                writer.WriteTile(p, c, r, SyntheticSlide.Tile(planes[p], 256, c, r));
            }

            writer.SetLabel(SyntheticSlide.Photo(400, 300, 30));
            writer.SetMacro(SyntheticSlide.Photo(1200, 400, 200));
            writer.Commit();
        }

        Assert.That(File.ReadAllBytes(big)[..4], Is.EqualTo(new byte[] { 73, 73, 43, 0 }));
        var (bigPages, errors) = TiffinfoPages.Read(big);
        Assert.That(errors, Is.Empty);
        Assert.That(bigPages, Is.EqualTo(TiffinfoPages.Read(classic).Pages));
        Assert.That(VipsPage(big, 5), Is.EqualTo(VipsPage(classic, 5)), "last plane's level 1");
    }

    [Test]
    public void WriteTile_ThreeArgumentOverload_WritesBestFocusPlane()
    {
        var planes = SyntheticZStack.Create(600, 500, 3);
        string explicitPlanes = Path.Combine(folder, "explicit.svs");
        string overload = Path.Combine(folder, "overload.svs");
        SyntheticZStack.Write(explicitPlanes, planes, ThreePlanes, seed: null);
        using (var writer = new SvsWriter(overload, 600, 500, ThreePlanes))
        {
            Assert.That(writer.BestFocusPlane, Is.EqualTo(1));
            foreach (var (p, c, r) in SyntheticZStack.ShuffledTiles(writer, 5))
            {
                var tile = SyntheticSlide.Tile(planes[p], 256, c, r);
                if (p == 1)
                {
                    writer.WriteTile(c, r, tile);
                }
                else
                {
                    writer.WriteTile(p, c, r, tile);
                }
            }

            writer.SetLabel(SyntheticSlide.Photo(400, 300, 30));
            writer.SetMacro(SyntheticSlide.Photo(1200, 400, 200));
            writer.Commit();
        }

        Assert.That(File.ReadAllBytes(overload), Is.EqualTo(File.ReadAllBytes(explicitPlanes)));
    }

    [Test]
    public void Commit_ExplicitSinglePlaneAtZero_SameBytesAsDefault()
    {
        var image = SyntheticSlide.Create(700, 400);
        string byDefault = Path.Combine(folder, "default.svs");
        string explicitZero = Path.Combine(folder, "zero.svs");
        var single = ThreePlanes with { FocalPlanesUm = SvsMetadata.Default.FocalPlanesUm };
        SyntheticSlide.Write(byDefault, image, single);
        SyntheticSlide.Write(explicitZero, image, single with { FocalPlanesUm = [0.0] });
        Assert.That(File.ReadAllBytes(explicitZero), Is.EqualTo(File.ReadAllBytes(byDefault)));
    }

    [Test]
    public void Dispose_ZStackWithoutCommit_LeavesNothingBehind()
    {
        var planes = SyntheticZStack.Create(600, 500, 3);
        using (var writer = new SvsWriter(Path.Combine(folder, "z.svs"), 600, 500, ThreePlanes))
        {
            writer.WriteTile(0, 0, 0, SyntheticSlide.Tile(planes[0], 256, 0, 0));
            writer.WriteTile(2, 1, 1, SyntheticSlide.Tile(planes[2], 256, 1, 1));
        }

        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
    }

    [TestCase(null, "FocalPlanesUm must not be null")]
    [TestCase(
        new[] { -1.0, 0 },
        "FocalPlanesUm holds 2 planes; allowed an odd count in 1..31, centred on best focus")]
    [TestCase(
        new double[0],
        "FocalPlanesUm holds 0 planes; allowed an odd count in 1..31, centred on best focus")]
    [TestCase(
        new[] { -1.0, 0.25, 1 },
        "FocalPlanesUm[1] = 0.25 µm is the middle plane; it must be best focus, 0 µm")]
    [TestCase(
        new[] { 1.0, 0, -1 },
        "FocalPlanesUm[1] = 0 µm does not follow FocalPlanesUm[0] = 1 µm; offsets must ascend")]
    [TestCase(
        new[] { -0.0004, 0, 0.5 },
        "FocalPlanesUm[1] = 0 µm does not follow FocalPlanesUm[0] = -0.0004 µm; offsets must")]
    [TestCase(
        new[] { -150.0, 0, 1 },
        "FocalPlanesUm[0] = -150 µm is out of range; allowed -100..100 µm")]
    [TestCase(
        new[] { -1.0, 0, double.NaN },
        "FocalPlanesUm[2] = NaN µm is out of range; allowed -100..100 µm")]
    public void Constructor_BadFocalPlanes_ThrowsSayingWhy(double[]? offsetsUm, string message)
    {
        var e = Assert.Throws(
            Is.InstanceOf<ArgumentException>(),
            () => new SvsWriter(
                Path.Combine(folder, "x.svs"), 100, 100,
                ThreePlanes with { FocalPlanesUm = offsetsUm! }));
        Assert.That(((ArgumentException)e!).ParamName, Is.EqualTo("metadata"));
        Assert.That(e.Message, Does.StartWith(message));
    }

    [Test]
    public void Constructor_ThirtyThreePlanes_ThrowsNamingLimit()
    {
        double[] offsets = [.. Enumerable.Range(-16, 33).Select(i => i * 0.25)];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SvsWriter(
            Path.Combine(folder, "x.svs"), 100, 100, ThreePlanes with { FocalPlanesUm = offsets }));
        Assert.That(e!.Message, Does.StartWith("FocalPlanesUm holds 33 planes; allowed an odd"));
    }

    [TestCase("OffsetZ")]
    [TestCase("TotalDepth")]
    public void Constructor_ExtraFieldNamedLikeDepthField_Throws(string key)
    {
        var metadata = ThreePlanes with { ExtraFields = [new(key, "1")] };
        var e = Assert.Throws<ArgumentException>(
            () => new SvsWriter(Path.Combine(folder, "x.svs"), 100, 100, metadata));
        Assert.That(e!.Message, Does.StartWith(
            $"ExtraFields key '{key}' repeats a standard or earlier field"));
    }

    private static byte[] VipsPage(string path, int page)
    {
        string raw = $"{path}.page{page}.raw";
        var result = ExternalTool.Run(
            "vips", "libvips-tools", "tiffload", path, raw, "--page", $"{page}");
        Assert.That(result.ExitCode, Is.Zero, result.StdErr);
        return File.ReadAllBytes(raw);
    }
}
