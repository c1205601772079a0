using BitMiracle.LibTiff.Classic;
using NUnit.Framework;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>LibTiff's complaints about our files become exceptions, not console output.</summary>
[TestFixture]
public sealed class LibTiffLogTests
{
    [Test]
    public void ThrowIfAny_LibTiffComplained_ThrowsWithLibTiffsWords()
    {
        string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "Files");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "complaint.tif");
        var tif = LibTiffLog.Open(path, "w");
        try
        {
            // a JPEG pseudo-tag without JPEG compression is unknown to LibTiff
            tif.SetField(TiffTag.JPEGQUALITY, 91);
            var e = Assert.Throws<IOException>(() => LibTiffLog.ThrowIfAny(path, "set a tag"));
            Assert.That(
                e!.Message, Does.StartWith("LibTiff failed to set a tag in 'complaint.tif': "));
            Assert.That(e.Message, Does.Contain("error in "));
        }
        finally
        {
            LibTiffLog.CloseQuietly(tif, path);
            File.Delete(path);
        }
    }
}
