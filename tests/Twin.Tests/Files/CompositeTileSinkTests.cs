using NUnit.Framework;
using Twin.Scanner.Files;
using Twin.Scanner.Files.Dicom;
using Twin.Scanner.Session;

namespace Twin.Tests.Files;

/// <summary>One scan, several outputs: the composite sink forwards, commits and disposes.</summary>
[TestFixture]
public sealed class CompositeTileSinkTests
{
    [Test]
    public void WriteTile_TwoSinks_BothReceiveEveryTileAndCommitSumsSizes()
    {
        var a = new RecordingSink(100);
        var b = new RecordingSink(23);
        using (var composite = new CompositeTileSink(a, b))
        {
            composite.WriteTile(0, 1, new byte[] { 1, 2, 3 });
            composite.WriteTile(2, 0, new byte[] { 4 });
            Assert.That(composite.Commit(), Is.EqualTo(123));
        }

        foreach (var sink in new[] { a, b })
        {
            Assert.That(sink.Tiles, Is.EqualTo(new[] { (0, 1, 3), (2, 0, 1) }));
            Assert.That(sink.Committed, Is.True);
            Assert.That(sink.Disposed, Is.True);
        }
    }

    [Test]
    public void Dispose_FirstSinkThrows_OthersStillDisposedAndErrorRethrown()
    {
        var a = new RecordingSink(0) { ThrowOnDispose = true };
        var b = new RecordingSink(0);
        var composite = new CompositeTileSink(a, b);
        var e = Assert.Throws<IOException>(() => composite.Dispose());
        Assert.That(e!.Message, Is.EqualTo("dispose failed"));
        Assert.That(b.Disposed, Is.True);
    }

    [Test]
    public void Constructor_NoSinks_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CompositeTileSink());
        Assert.Throws<ArgumentException>(() => new CompositeTileSink(new NullTileSink(), null!));
    }

    [Test]
    public void Commit_SvsAndDicomSinks_WriteBothFormatsOfTheSameScan()
    {
        string folder = Path.Combine(
            TestContext.CurrentContext.WorkDirectory, "Files", nameof(CompositeTileSinkTests));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var image = SyntheticSlide.Create(1100, 700, noise: 4);
        string svs = Path.Combine(folder, "both.svs");
        var dicom = new DicomTileSink(
            folder, "both", 1100, 700, new DicomWsiMetadata { SlideId = "both" });
        long bytes;
        using (var sink = new CompositeTileSink(
            new SvsTileSink(svs, 1100, 700, new SvsMetadata { Filename = "both" }, null, null),
            dicom))
        {
            Parallel.For(0, 5 * 3, i => sink.WriteTile(
                i % 5, i / 5, SyntheticSlide.Tile(image, 256, i % 5, i / 5)));
            bytes = sink.Commit();
        }

        long dicomBytes = dicom.FinalPaths.Sum(p => new FileInfo(p).Length);
        Assert.That(bytes, Is.EqualTo(new FileInfo(svs).Length + dicomBytes));
        var level0 = DicomTestFile.Read(dicom.FinalPaths[0]);
        Assert.That(level0.ULong(0x00480006), Is.EqualTo(1100));
        Assert.That(level0.Frames, Has.Count.EqualTo(15));
        Assert.That(dicom.FinalPaths, Has.Count.EqualTo(2)); // 1100 px → 275 px, as the SVS
    }

    private sealed class RecordingSink(long size) : ITileSink
    {
        public List<(int, int, int)> Tiles { get; } = [];

        public bool Committed { get; private set; }

        public bool Disposed { get; private set; }

        public bool ThrowOnDispose { get; init; }

        public void WriteTile(int column, int row, ReadOnlySpan<byte> rgb) =>
            Tiles.Add((column, row, rgb.Length));

        public long Commit()
        {
            Committed = true;
            return size;
        }

        public void Dispose()
        {
            Disposed = true;
            if (ThrowOnDispose)
            {
                throw new IOException("dispose failed");
            }
        }
    }
}
