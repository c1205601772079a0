using NUnit.Framework;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>Chroma subsampling is a parameter: 4:2:0 by default, 4:4:4 on request.</summary>
[TestFixture]
public sealed class SvsChromaSubsamplingTests
{
    private static (long Bytes, string Info) Write(string path, int subsampling)
    {
        const int size = 768;
        using var writer = new SvsWriter(path, size, size, new SvsMetadata
        {
            ChromaSubsampling = subsampling,
        });
        var tile = new byte[256 * 256 * 3];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                for (int i = 0; i < tile.Length; i++)
                {
                    // fine colour detail, which 4:2:0 halves and 4:4:4 keeps
                    tile[i] = (byte)((i % 3 == 0) ^ ((i / 3) % 2 == 0) ? 220 : 40);
                }

                writer.WriteTile(c, r, tile);
            }
        }

        long bytes = writer.Commit();
        return (bytes, ExternalTool.Run("tiffinfo", "libtiff-tools", path).StdOut);
    }

    [Test]
    public void Write_444_KeepsFullChromaAndStaysReadable()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gt450twin-chroma-" + Guid.NewGuid());
        Directory.CreateDirectory(dir);
        try
        {
            var dflt = Write(Path.Combine(dir, "a.svs"), 2);
            var full = Write(Path.Combine(dir, "b.svs"), 1);
            Assert.That(dflt.Info, Does.Contain("YCbCr Subsampling: 2, 2"));
            Assert.That(full.Info, Does.Contain("YCbCr Subsampling: 1, 1"));
            Assert.That(full.Bytes, Is.GreaterThan(dflt.Bytes));
            var props = ExternalTool.Run("openslide-show-properties", "openslide-tools",
                Path.Combine(dir, "b.svs"));
            Assert.That(props.StdOut, Does.Contain("openslide.vendor: 'aperio'"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Write_SubsamplingOutOfRange_IsRefused()
    {
        string path = Path.Combine(Path.GetTempPath(), "gt450twin-chroma-bad.svs");
        Assert.Catch<ArgumentException>(() => _ = new SvsWriter(path, 512, 512, new SvsMetadata
        {
            ChromaSubsampling = 4,
        }));
        Assert.That(File.Exists(path), Is.False);
    }
}
