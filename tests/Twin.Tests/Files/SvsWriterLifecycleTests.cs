using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Optics.Imaging;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// Commit, dispose, failure and determinism behaviour of <see cref="SvsWriter"/>, judged by
/// the files it leaves (no reader programs needed).
/// </summary>
[TestFixture]
public sealed class SvsWriterLifecycleTests
{
    private static readonly SvsMetadata Metadata = new()
    {
        AcquiredAt = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        Filename = "lifecycle",
    };

    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files", "SvsWriterLifecycleTests",
            TestContext.CurrentContext.Test.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    [Test]
    public void Dispose_WithoutCommit_LeavesNothingBehind()
    {
        string path = Path.Combine(folder, "cancelled.svs");
        var image = SyntheticSlide.Create(600, 500);
        using (var writer = new SvsWriter(path, 600, 500, Metadata))
        {
            writer.WriteTile(0, 0, SyntheticSlide.Tile(image, 256, 0, 0));
            writer.WriteTile(1, 1, SyntheticSlide.Tile(image, 256, 1, 1));
        }

        Assert.That(File.Exists(path), Is.False);
        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
    }

    [Test]
    public void Commit_MissingTile_ThrowsNamingTheTile()
    {
        string path = Path.Combine(folder, "incomplete.svs");
        var image = SyntheticSlide.Create(600, 500);
        using (var writer = new SvsWriter(path, 600, 500, Metadata))
        {
            foreach (var (c, r) in SyntheticSlide.ShuffledTiles(writer, 3))
            {
                if ((c, r) != (1, 0))
                {
                    writer.WriteTile(c, r, SyntheticSlide.Tile(image, 256, c, r));
                }
            }

            var e = Assert.Throws<InvalidOperationException>(() => writer.Commit());
            Assert.That(e!.Message, Is.EqualTo(
                "tile (column 1, row 0) was never written; 1 of 6 level-0 tiles are missing"));
        }

        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
    }

    [Test]
    public void WriteTile_SameTileTwice_Throws()
    {
        using var writer = new SvsWriter(Path.Combine(folder, "twice.svs"), 300, 300, Metadata);
        var tile = new byte[256 * 256 * 3];
        writer.WriteTile(1, 0, tile);
        var e = Assert.Throws<InvalidOperationException>(() => writer.WriteTile(1, 0, tile));
        Assert.That(e!.Message, Is.EqualTo("tile (column 1, row 0) was already written"));
    }

    [Test]
    public void WriteTile_OutsideGrid_ThrowsNamingRange()
    {
        using var writer = new SvsWriter(Path.Combine(folder, "grid.svs"), 600, 500, Metadata);
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => writer.WriteTile(3, 0, new byte[256 * 256 * 3]));
        Assert.That(e!.ParamName, Is.EqualTo("tileColumn"));
        Assert.That(e.Message, Does.StartWith("tileColumn = 3 is out of range; allowed 0..2"));
    }

    [Test]
    public void WriteTile_ShortBuffer_ThrowsNamingSizes()
    {
        using var writer = new SvsWriter(Path.Combine(folder, "short.svs"), 600, 500, Metadata);
        var e = Assert.Throws<ArgumentException>(() => writer.WriteTile(0, 0, new byte[100]));
        Assert.That(e!.ParamName, Is.EqualTo("rgb"));
        Assert.That(e.Message, Does.StartWith(
            "rgb holds 100 bytes; a tile needs exactly 196608 (256² px × 3)"));
    }

    [Test]
    public void Commit_Twice_ThrowsObjectDisposed()
    {
        string path = Path.Combine(folder, "once.svs");
        var image = SyntheticSlide.Create(200, 100);
        using var writer = new SvsWriter(path, 200, 100, Metadata);
        writer.WriteTile(0, 0, SyntheticSlide.Tile(image, 256, 0, 0));
        long size = writer.Commit();
        Assert.That(new FileInfo(path).Length, Is.EqualTo(size));
        Assert.Throws<ObjectDisposedException>(() => writer.Commit());
        Assert.That(Directory.GetFileSystemEntries(folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void Commit_SameInputsTwice_ByteIdentical()
    {
        var image = SyntheticSlide.Create(900, 700);
        string a = Path.Combine(folder, "a.svs");
        string b = Path.Combine(folder, "b.svs");
        SyntheticSlide.Write(a, image, Metadata, seed: 5);
        SyntheticSlide.Write(b, image, Metadata, seed: 5);
        Assert.That(File.ReadAllBytes(b), Is.EqualTo(File.ReadAllBytes(a)));
    }

    [Test]
    public void Commit_TilesFromParallelThreads_SameBytesAsSequential()
    {
        var image = SyntheticSlide.Create(1300, 1200);
        string sequential = Path.Combine(folder, "sequential.svs");
        string parallel = Path.Combine(folder, "parallel.svs");
        SyntheticSlide.Write(sequential, image, Metadata, seed: 0);
        using (var writer = new SvsWriter(parallel, image.Width, image.Height, Metadata))
        {
            Parallel.ForEach(
                SyntheticSlide.ShuffledTiles(writer, 9),
                new ParallelOptions { MaxDegreeOfParallelism = 4 },
                t => writer.WriteTile(t.Column, t.Row, SyntheticSlide.Tile(
                    image, 256, t.Column, t.Row)));
            writer.SetLabel(SyntheticSlide.Photo(400, 300, 30));
            writer.SetMacro(SyntheticSlide.Photo(1200, 400, 200));
            writer.Commit();
        }

        Assert.That(File.ReadAllBytes(parallel), Is.EqualTo(File.ReadAllBytes(sequential)));
    }

    [FsCheck.NUnit.Property(MaxTest = 12)]
    public Property Commit_AnyTileOrderAndSize_SameBytesAsRasterOrder()
    {
        var sizes = Gen.Zip(Gen.Choose(1, 1300), Gen.Choose(1, 700)).ToArbitrary();
        var seeds = Gen.Choose(0, 1000).ToArbitrary();
        return Prop.ForAll(sizes, seeds, (size, seed) =>
        {
            var image = SyntheticSlide.Create(size.Item1, size.Item2);
            string raster = Path.Combine(folder, $"raster-{size.Item1}x{size.Item2}.svs");
            string shuffled = Path.Combine(folder, $"shuffled-{size.Item1}x{size.Item2}.svs");
            WriteInOrder(raster, image, null);
            WriteInOrder(shuffled, image, seed);
            bool same = File.ReadAllBytes(raster).AsSpan().SequenceEqual(
                File.ReadAllBytes(shuffled));
            File.Delete(raster);
            File.Delete(shuffled);
            return same;
        });
    }

    [Test]
    public void Commit_ExistingFinalFile_IsReplaced()
    {
        string path = Path.Combine(folder, "replaced.svs");
        File.WriteAllText(path, "old scan");
        long size = SyntheticSlide.Write(path, SyntheticSlide.Create(300, 200), Metadata);
        Assert.That(new FileInfo(path).Length, Is.EqualTo(size));
        Assert.That(File.ReadAllBytes(path)[..2], Is.EqualTo("II"u8.ToArray()));
    }

    [Test]
    public void Commit_BigTiffForced_OpenSlideReadsSamePixelsAsClassic()
    {
        var image = SyntheticSlide.Create(1100, 700);
        string classic = Path.Combine(folder, "classic.svs");
        string big = Path.Combine(folder, "big.svs");
        SyntheticSlide.Write(classic, image, Metadata);
        using (var writer = new SvsWriter(big, 1100, 700, Metadata) { BigTiffAboveBytes = 0 })
        {
            foreach (var (c, r) in SyntheticSlide.ShuffledTiles(writer, 2))
            {
                writer.WriteTile(c, r, SyntheticSlide.Tile(image, 256, c, r));
            }

            writer.Commit();
        }

        Assert.That(File.ReadAllBytes(classic)[..4], Is.EqualTo(new byte[] { 73, 73, 42, 0 }));
        Assert.That(File.ReadAllBytes(big)[..4], Is.EqualTo(new byte[] { 73, 73, 43, 0 }));
        var classicRead = OpenSlideDump.Read(classic);
        var bigRead = OpenSlideDump.Read(big);
        Assert.That(bigRead.Format, Is.EqualTo("aperio"));
        Assert.That(bigRead.Levels, Is.EqualTo(classicRead.Levels));
        Assert.That(bigRead.LevelPixels(0), Is.EqualTo(classicRead.LevelPixels(0)));
        Assert.That(bigRead.LevelPixels(1), Is.EqualTo(classicRead.LevelPixels(1)));
        var tiffinfo = ExternalTool.Run("tiffinfo", "libtiff-tools", big);
        Assert.That(tiffinfo.StdErr, Is.Empty);
    }

    [TestCase(0, 100, "width")]
    [TestCase(100, -5, "height")]
    [TestCase(2_000_000, 100, "width")]
    public void Constructor_SizeOutOfRange_ThrowsNamingArgument(int w, int h, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => new SvsWriter(Path.Combine(folder, "x.svs"), w, h, Metadata));
        Assert.That(e!.ParamName, Is.EqualTo(name));
        Assert.That(e.Message, Does.Contain("px is out of range; allowed 1..1048576 px"));
    }

    [Test]
    public void Constructor_AppMag30_ThrowsNamingAllowedValues()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SvsWriter(
            Path.Combine(folder, "x.svs"), 100, 100, Metadata with { AppMag = 30 }));
        Assert.That(e!.ParamName, Is.EqualTo("metadata"));
        Assert.That(e.Message, Does.StartWith("AppMag = 30 is out of range; allowed 20 or 40"));
    }

    [TestCase(0, "JpegQuality = 0 is out of range; allowed 1..100")]
    [TestCase(101, "JpegQuality = 101 is out of range; allowed 1..100")]
    public void Constructor_JpegQualityOutOfRange_Throws(int quality, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SvsWriter(
            Path.Combine(folder, "x.svs"), 100, 100, Metadata with { JpegQuality = quality }));
        Assert.That(e!.Message, Does.StartWith(message));
    }

    [Test]
    public void Constructor_TileSizeNotMultipleOf16_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SvsWriter(
            Path.Combine(folder, "x.svs"), 100, 100, Metadata with { TileSize = 250 }));
        Assert.That(e!.Message, Does.StartWith("TileSize = 250 px is not a multiple of 16 px"));
    }

    [Test]
    public void Constructor_NegativeMpp_ThrowsWithUnit()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SvsWriter(
            Path.Combine(folder, "x.svs"), 100, 100, Metadata with { MicronsPerPixel = -1 }));
        Assert.That(e!.Message, Does.StartWith(
            "MicronsPerPixel = -1 µm is out of range; allowed above 0 µm up to 100 µm"));
    }

    [Test]
    public void Constructor_FilenameWithPipe_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new SvsWriter(
            Path.Combine(folder, "x.svs"), 100, 100, Metadata with { Filename = "a|b" }));
        Assert.That(e!.Message, Does.StartWith(
            "Filename 'a|b' contains U+007C; allowed printable ASCII without '|'"));
    }

    [Test]
    public void Constructor_LocalAcquisitionTime_Throws()
    {
        var local = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Local);
        var e = Assert.Throws<ArgumentException>(() => new SvsWriter(
            Path.Combine(folder, "x.svs"), 100, 100, Metadata with { AcquiredAt = local }));
        Assert.That(e!.Message, Does.StartWith("AcquiredAt must be UTC or Unspecified"));
    }

    [Test]
    public void Constructor_ExtraFieldRepeatingStandardKey_Throws()
    {
        var metadata = Metadata with { ExtraFields = [new("MPP", "0.5")] };
        var e = Assert.Throws<ArgumentException>(
            () => new SvsWriter(Path.Combine(folder, "x.svs"), 100, 100, metadata));
        Assert.That(e!.Message, Does.StartWith(
            "ExtraFields key 'MPP' repeats a standard or earlier field"));
    }

    [Test]
    public void Constructor_ExtraFieldKeyWithEquals_Throws()
    {
        var metadata = Metadata with { ExtraFields = [new("a=b", "c")] };
        var e = Assert.Throws<ArgumentException>(
            () => new SvsWriter(Path.Combine(folder, "x.svs"), 100, 100, metadata));
        Assert.That(e!.Message, Does.StartWith("ExtraFields key 'a=b' contains U+003D"));
    }

    [Test]
    public void Constructor_MissingFolder_ThrowsDirectoryNotFound()
    {
        string path = Path.Combine(folder, "no-such-folder", "x.svs");
        Assert.Throws<DirectoryNotFoundException>(
            () => new SvsWriter(path, 100, 100, Metadata));
    }

    private static void WriteInOrder(string path, RgbImage image, int? seed)
    {
        using var writer = new SvsWriter(path, image.Width, image.Height, Metadata);
        var tiles = seed is { } s
            ? SyntheticSlide.ShuffledTiles(writer, s)
            : SyntheticSlide.ShuffledTiles(writer, 0).OrderBy(t => (t.Row, t.Column)).ToArray();
        foreach (var (c, r) in tiles)
        {
            writer.WriteTile(c, r, SyntheticSlide.Tile(image, 256, c, r));
        }

        writer.Commit();
    }
}
