using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Twin.Scanner.Files.Dicom;

namespace Twin.Tests.Files;

/// <summary>
/// Commit, dispose, misuse and determinism behaviour of <see cref="DicomWsiWriter"/>, judged by
/// the files it leaves.
/// </summary>
[TestFixture]
public sealed class DicomWsiWriterLifecycleTests
{
    private static readonly DicomWsiMetadata Metadata = new()
    {
        SlideId = "LC-1",
        AcquiredAt = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
    };

    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files", nameof(DicomWsiWriterLifecycleTests),
            TestContext.CurrentContext.Test.Name.Replace('"', '_'));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    [Test]
    public void Dispose_WithoutCommit_LeavesNothingBehind()
    {
        var image = SyntheticSlide.Create(600, 500);
        using (var writer = new DicomWsiWriter(folder, "cancelled", 600, 500, Metadata))
        {
            writer.WriteTile(0, 0, SyntheticSlide.Tile(image, 256, 0, 0));
            writer.WriteTile(2, 1, SyntheticSlide.Tile(image, 256, 2, 1));
        }

        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
    }

    [Test]
    public void Commit_MissingTile_ThrowsNamingTheTile()
    {
        var image = SyntheticSlide.Create(600, 500);
        using var writer = new DicomWsiWriter(folder, "incomplete", 600, 500, Metadata);
        for (int i = 0; i < 6; i++)
        {
            if (i != 4)
            {
                writer.WriteTile(i % 3, i / 3, SyntheticSlide.Tile(image, 256, i % 3, i / 3));
            }
        }

        var e = Assert.Throws<InvalidOperationException>(() => writer.Commit());
        Assert.That(e!.Message, Is.EqualTo(
            "tile (column 1, row 1) was never written; 1 of 6 level-0 tiles are missing"));
    }

    [Test]
    public void WriteTile_SameTileTwice_Throws()
    {
        var tile = new byte[256 * 256 * 3];
        using var writer = new DicomWsiWriter(folder, "twice", 600, 500, Metadata);
        writer.WriteTile(1, 0, tile);
        var e = Assert.Throws<InvalidOperationException>(() => writer.WriteTile(1, 0, tile));
        Assert.That(e!.Message, Is.EqualTo("tile (column 1, row 0) was already written"));
    }

    [TestCase(3, 0)]
    [TestCase(0, 2)]
    [TestCase(-1, 0)]
    public void WriteTile_OutsideTheGrid_ThrowsOutOfRange(int column, int row)
    {
        using var writer = new DicomWsiWriter(folder, "grid", 600, 500, Metadata);
        Assert.Throws<ArgumentOutOfRangeException>(
            () => writer.WriteTile(column, row, new byte[256 * 256 * 3]));
    }

    [Test]
    public void WriteTile_WrongBufferLength_ThrowsNamingTheSize()
    {
        using var writer = new DicomWsiWriter(folder, "short", 600, 500, Metadata);
        var e = Assert.Throws<ArgumentException>(() => writer.WriteTile(0, 0, new byte[100]));
        Assert.That(e!.Message, Does.StartWith("rgb holds 100 bytes; a tile needs exactly 196608"));
    }

    [Test]
    public void Constructor_TwentyX_RefusedWithTheDicomRule()
    {
        var e = Assert.Throws<ArgumentException>(() => new DicomWsiWriter(
            folder, "twenty", 600, 500, Metadata with { AppMag = 20, MicronsPerPixel = 0.52 }));
        Assert.That(e!.Message, Does.StartWith(DicomRules.TwentyX));
        Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
    }

    [TestCase("")]
    [TestCase("a/b")]
    [TestCase(".hidden")]
    public void Constructor_BadStem_ThrowsArgumentException(string stem)
    {
        Assert.Throws<ArgumentException>(
            () => new DicomWsiWriter(folder, stem, 600, 500, Metadata));
    }

    [Test]
    public void Constructor_SlideIdWithBackslash_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => new DicomWsiWriter(
            folder, "bad", 600, 500, Metadata with { SlideId = @"A\B" }));
        Assert.That(e!.Message, Does.StartWith("SlideId 'A\\B' contains U+005C"));
    }

    [Test]
    public void Constructor_LocalTime_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DicomWsiWriter(
            folder, "local", 600, 500,
            Metadata with { AcquiredAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Local) }));
    }

    [Test]
    public void Commit_Twice_ThrowsObjectDisposed()
    {
        var image = SyntheticSlide.Create(300, 200);
        using var writer = new DicomWsiWriter(folder, "once", 300, 200, Metadata);
        DicomSlides.WriteAll(writer, image, seed: 1, parallel: false);
        writer.Commit();
        Assert.Throws<ObjectDisposedException>(() => writer.Commit());
        Assert.Throws<ObjectDisposedException>(
            () => writer.WriteTile(0, 0, new byte[256 * 256 * 3]));
    }

    [Test]
    public void Commit_ExistingFiles_AreReplacedAndNoScratchRemains()
    {
        string path = Path.Combine(folder, "again-level0.dcm");
        File.WriteAllText(path, "old");
        var image = SyntheticSlide.Create(300, 200);
        long bytes;
        using (var writer = new DicomWsiWriter(folder, "again", 300, 200, Metadata))
        {
            DicomSlides.WriteAll(writer, image, seed: 1, parallel: false);
            bytes = writer.Commit();
        }

        Assert.That(new FileInfo(path).Length, Is.EqualTo(bytes));
        Assert.That(
            Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName),
            Is.EqualTo(new[] { "again-level0.dcm" }));
    }

    [Test]
    public void Commit_ReturnsTheTotalSizeOfAllLevels()
    {
        var image = SyntheticSlide.Create(1200, 1100, noise: 4);
        long bytes;
        IReadOnlyList<string> paths;
        using (var writer = new DicomWsiWriter(folder, "total", 1200, 1100, Metadata))
        {
            DicomSlides.WriteAll(writer, image, seed: 2, parallel: true);
            bytes = writer.Commit();
            paths = writer.FinalPaths;
        }

        Assert.That(paths, Has.Count.EqualTo(2));
        Assert.That(bytes, Is.EqualTo(paths.Sum(p => new FileInfo(p).Length)));
    }

    [Test]
    public void Uids_SameSeed_EqualAndWellFormed_OtherSeed_Different()
    {
        var image = SyntheticSlide.Create(300, 200);
        string[] Uids(string stem, DicomWsiMetadata m)
        {
            using var writer = new DicomWsiWriter(folder, stem, 300, 200, m);
            DicomSlides.WriteAll(writer, image, seed: 1, parallel: false);
            writer.Commit();
            var f = DicomTestFile.Read(writer.FinalPaths[0]);
            return [f.Text(0x00080018), f.Text(0x0020000D), f.Text(0x0020000E),
                f.Text(0x00200052)];
        }

        var a = Uids("a", Metadata);
        var b = Uids("b", Metadata);
        var c = Uids("c", Metadata with { UidSeed = "another scan" });
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c.Intersect(a), Is.Empty);
        Assert.That(a.Distinct().Count(), Is.EqualTo(4));
        foreach (string uid in a.Concat(c))
        {
            Assert.That(uid, Does.Match(@"^2\.25\.[1-9][0-9]{0,38}$"));
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 8)]
    public Property Commit_AnyTileOrderAndThreads_SameBytesAsRasterOrder()
    {
        var sizes = Gen.Zip(Gen.Choose(1, 1300), Gen.Choose(1, 1100)).ToArbitrary();
        var seeds = Gen.Choose(0, 1000).ToArbitrary();
        return Prop.ForAll(sizes, seeds, (size, seed) =>
        {
            var (w, h) = size;
            var image = SyntheticSlide.Create(w, h);
            var files = new List<byte[]>[2];
            for (int run = 0; run < 2; run++)
            {
                string stem = $"order{run}-{w}x{h}";
                using var writer = new DicomWsiWriter(folder, stem, w, h, Metadata);
                if (run == 0)
                {
                    for (int r = 0; r < writer.TileRows; r++)
                    {
                        for (int c = 0; c < writer.TileColumns; c++)
                        {
                            writer.WriteTile(c, r, SyntheticSlide.Tile(image, 256, c, r));
                        }
                    }
                }
                else
                {
                    DicomSlides.WriteAll(writer, image, seed, parallel: true);
                }

                writer.Commit();
                files[run] = [.. writer.FinalPaths.Select(File.ReadAllBytes)];
                foreach (string p in writer.FinalPaths)
                {
                    File.Delete(p);
                }
            }

            return files[0].Count == files[1].Count
                && files[0].Zip(files[1]).All(f => f.First.AsSpan().SequenceEqual(f.Second));
        });
    }
}
