using System.Buffers.Binary;
using NUnit.Framework;
using SkiaSharp;
using Twin.Optics.Imaging;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Tests.Optics;

/// <summary>
/// Hostile, broken and missing seed files each end in a <see cref="TissueImageException"/> that
/// names the file, never in another exception; and a real IHC micrograph separates into
/// haematoxylin and DAB.
/// </summary>
[TestFixture]
public sealed class ImageSeededTissueFileTests
{
    private const string NotAnImage = "not a readable image (unknown or corrupt format)";

    // scikit-image's IHC sample (haematoxylin + DAB), as Debian's python3-skimage ships it
    private const string IhcRelative = "usr/lib/python3/dist-packages/skimage/data/ihc.png";

    [Test]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        string path = Path.Combine(SeedImages.Folder, "does-not-exist.png");
        AssertRefused(path, "file not found");
    }

    [Test]
    public void Load_Directory_ThrowsFileNotFound()
    {
        Directory.CreateDirectory(SeedImages.Folder);
        AssertRefused(SeedImages.Folder, "file not found");
    }

    [Test]
    public void Load_ZeroLengthFile_ThrowsEmpty()
    {
        string path = SeedImages.WriteBytes("empty.png", []);
        AssertRefused(path, "file is empty (0 bytes)");
    }

    [Test]
    public void Load_RandomBytes_ThrowsNotAnImage()
    {
        string path = SeedImages.WriteBytes("random.png", SeedImages.NoiseBytes(4096, 11));
        AssertRefused(path, NotAnImage);
    }

    [Test]
    public void Load_RandomBytesBehindPngSignature_ThrowsNotAnImage()
    {
        byte[] bytes = SeedImages.NoiseBytes(4096, 12);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        string path = SeedImages.WriteBytes("random-signed.png", bytes);
        AssertRefused(path, NotAnImage);
    }

    [Test]
    public void Load_TruncatedPng_ThrowsTruncated()
    {
        byte[] png = ImageCodec.EncodePng(NoisyImage(256, 256));
        string path = SeedImages.WriteBytes("truncated.png", png[..(png.Length / 2)]);
        AssertRefused(path, "image data is truncated");
    }

    [Test]
    public void Load_TruncatedJpeg_ThrowsTruncated()
    {
        byte[] jpeg = ImageCodec.EncodeJpeg(NoisyImage(256, 256), 90);
        string path = SeedImages.WriteBytes("truncated.jpg", jpeg[..(jpeg.Length / 2)]);
        AssertRefused(path, "image data is truncated");
    }

    [Test]
    public void Load_PngHeaderClaimingTenGigapixels_ThrowsSizeBeforeDecoding()
    {
        // a valid signature and IHDR for 100 000 × 100 000 px RGB and no pixel data: the size
        // is refused from the header alone, before any pixel memory is asked for
        string path = SeedImages.WriteBytes("bomb.png", PngHeaderOnly(100_000, 100_000));
        AssertRefused(path, "image size 100000x100000 is outside 1..67108864 pixels");
    }

    [Test]
    public void Load_ValidWebp_ThrowsNotAnImage()
    {
        // SkiaSharp could decode it, but only PNG and JPEG reach the decoder
        var info = new SKImageInfo(8, 8, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        bitmap.Erase(SKColors.Brown);
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 90);
        Assume.That(data, Is.Not.Null, "this SkiaSharp build has no WebP encoder");
        string path = SeedImages.WriteBytes("valid.webp", data.ToArray());
        AssertRefused(path, NotAnImage);
    }

    [TestCase("png")]
    [TestCase("jpg")]
    public void Load_CorruptedBytes_LoadsOrThrowsTissueImageExceptionOnly(string format)
    {
        // 300 copies of a valid file, each with a few bytes overwritten at seeded places: every
        // one either loads or is refused with the domain exception, nothing else escapes
        var image = SeedImages.Patch(48, 6, 0.5, 0.1, 0.3);
        byte[] valid = format == "png" ? ImageCodec.EncodePng(image)
            : ImageCodec.EncodeJpeg(image, 85);
        int refused = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            byte[] bytes = (byte[])valid.Clone();
            byte[] noise = SeedImages.NoiseBytes(12, (ulong)(trial + 100));
            for (int k = 0; k < 4; k++)
            {
                int at = (int)(BinaryPrimitives.ReadUInt16LittleEndian(noise.AsSpan(k * 3))
                    % bytes.Length);
                bytes[at] = noise[(k * 3) + 2];
            }

            string path = SeedImages.WriteBytes($"corrupt.{format}", bytes);
            try
            {
                var v = ImageSeededTissueVolume.Load(path, 24, 24, 4);
                Assert.That(v.SourceWidthPx * v.SourceHeightPx, Is.GreaterThan(0));
            }
            catch (TissueImageException ex)
            {
                Assert.That(ex.Message, Does.StartWith($"{path}: "));
                refused++;
            }
        }

        TestContext.Out.WriteLine($"{format}: {refused} of 300 corrupted files refused");
    }

    [Test]
    public void Load_ValidJpeg_Loads()
    {
        byte[] jpeg = ImageCodec.EncodeJpeg(SeedImages.Patch(64, 8, 0.5, 0, 0.3), 95);
        string path = SeedImages.WriteBytes("patch.jpg", jpeg);
        var v = ImageSeededTissueVolume.Load(path, 32, 32, 4);
        Assert.That(v.SourceWidthPx, Is.EqualTo(64));
        Assert.That(v.AmountsAt(16, 16).Haematoxylin, Is.EqualTo(0.5).Within(0.05));
        Assert.That(v.AmountsAt(16, 16).Dab, Is.EqualTo(0.3).Within(0.05));
    }

    [Test]
    public void Load_SkimageIhcSample_SeparatesIntoHaematoxylinAndDab()
    {
        string? path = FindIhc();
        if (path is null)
        {
            Assert.Ignore("ihc.png not found: run scripts/fetch-ihc.sh (it extracts the file from "
                + "Debian's python3-skimage package into .cache/), or set TWIN_IHC_PNG to its "
                + "path.");
        }

        var v = ImageSeededTissueVolume.Load(path, 256, 256, 4);
        Assert.That((v.SourceWidthPx, v.SourceHeightPx), Is.EqualTo((512, 512)));
        Assert.That(v.MeanAmounts.Dab, Is.GreaterThan(0.02));
        Assert.That(v.MeanAmounts.Haematoxylin, Is.GreaterThan(0.02));
        // an in-focus sample of the whole image carries OD
        var coarse = v.SampleCoarse(128, 128, 256);
        Assert.That(coarse.Blue, Is.GreaterThan(0.05));
        TestContext.Out.WriteLine($"ihc.png: glass {v.GlassLevel}, mean amounts {v.MeanAmounts}");
    }

    [Test]
    public void RenderInFocus_SkimageIhcSample_MeanColourCloseToSource()
    {
        string? path = FindIhc();
        if (path is null)
        {
            Assert.Ignore("ihc.png not found; "
                + "see Load_SkimageIhcSample_SeparatesIntoHaematoxylinAndDab for how to get it.");
        }

        // at 20x (0.52 µm/px, close to the assumed 0.5 µm/px of the source), focused mid-section,
        // the mean colour comes back within a few levels once both glass levels are matched
        var v = ImageSeededTissueVolume.Load(path, 256, 256, 4);
        var sensor = SensorModel.Default;
        var former = new ImageFormer(v, ObjectiveModel.Twenty, sensor, 0.26);
        const int n = 480;
        var rgb = new byte[n * n * 3];
        former.RenderTile(3, 3, n, n, 2.0, 1, rgb);
        RgbImage source = ImageCodec.Decode(path);
        float[] glass = [v.GlassLevel.Red, v.GlassLevel.Green, v.GlassLevel.Blue];
        for (int c = 0; c < 3; c++)
        {
            double rendered = Mean(rgb, c) / sensor.GlassLevel;
            double original = Math.Min(Mean(source.Pixels, c) / glass[c], 1.0);
            TestContext.Out.WriteLine($"channel {c}: rendered {rendered:F3}, source {original:F3}");
            Assert.That(rendered, Is.EqualTo(original).Within(0.02), $"channel {c}");
        }
    }

    private static void AssertRefused(string path, string reason)
    {
        var ex = Assert.Throws<TissueImageException>(() =>
            ImageSeededTissueVolume.Load(path, 100, 100, 4));
        Assert.That(ex!.Message, Is.EqualTo($"{path}: {reason}"));
        Assert.That(ex.Path, Is.EqualTo(path));
        Assert.That(ex.Reason, Is.EqualTo(reason));
    }

    private static double Mean(byte[] rgb, int channel)
    {
        double sum = 0;
        for (int i = channel; i < rgb.Length; i += 3)
        {
            sum += rgb[i];
        }

        return sum / (rgb.Length / 3);
    }

    private static RgbImage NoisyImage(int w, int h)
    {
        var image = new RgbImage(w, h);
        SeedImages.NoiseBytes(image.Pixels.Length, 5).CopyTo(image.Pixels, 0);
        return image;
    }

    private static byte[] PngHeaderOnly(int width, int height)
    {
        // signature, IHDR, then the start of an IDAT whose compressed data never comes
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type RGB
        WriteChunk(png, "IHDR"u8, ihdr);
        WriteChunk(png, "IDAT"u8, [0x78, 0x9C]);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. type, .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        // the PNG chunk CRC (ISO 3309), bit by bit: slow, but only headers are summed
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static string? FindIhc()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("TWIN_IHC_PNG");
        string[] candidates =
        [
            fromEnv ?? string.Empty,
            Path.Combine("/", IhcRelative),
            Path.Combine(RepoPaths.Root, ".cache", "ihc.png"),
        ];
        return candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(c));
    }
}
