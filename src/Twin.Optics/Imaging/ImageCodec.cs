using System.Runtime.InteropServices;
using SkiaSharp;

namespace Twin.Optics.Imaging;

/// <summary>
/// PNG and JPEG encoding of <see cref="RgbImage"/> through SkiaSharp, and safe decoding of
/// untrusted image files (SkiaSharp's decoders are the hardened ones we trust for user files).
/// </summary>
public static class ImageCodec
{
    /// <summary>Encodes an image as PNG bytes.</summary>
    public static byte[] EncodePng(RgbImage image) => Encode(image, SKEncodedImageFormat.Png, 100);

    /// <summary>Encodes an image as baseline JPEG bytes at the given quality (1–100).</summary>
    public static byte[] EncodeJpeg(RgbImage image, int quality) =>
        Encode(image, SKEncodedImageFormat.Jpeg, quality);

    /// <summary>
    /// Decodes a PNG or JPEG file into RGB. Throws <see cref="InvalidDataException"/> with a
    /// short message when the file is not a readable image or is larger than
    /// <paramref name="maxPixels"/>.
    /// </summary>
    public static RgbImage Decode(string path, long maxPixels = 64L * 1024 * 1024)
    {
        using var stream = File.OpenRead(path);
        using var codec = SKCodec.Create(stream) ?? throw new InvalidDataException(
            "not a readable image (unknown or corrupt format)");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > maxPixels)
        {
            throw new InvalidDataException(
                $"image size {info.Width}x{info.Height} is outside 1..{maxPixels} pixels");
        }

        var target = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888,
            SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result != SKCodecResult.Success && result != SKCodecResult.IncompleteInput)
        {
            throw new InvalidDataException($"image could not be decoded ({result})");
        }

        if (result == SKCodecResult.IncompleteInput)
        {
            throw new InvalidDataException("image data is truncated");
        }

        var image = new RgbImage(info.Width, info.Height);
        ReadOnlySpan<byte> rgba = bitmap.GetPixelSpan();
        for (int p = 0, n = info.Width * info.Height; p < n; p++)
        {
            image.Pixels[p * 3] = rgba[p * 4];
            image.Pixels[(p * 3) + 1] = rgba[(p * 4) + 1];
            image.Pixels[(p * 3) + 2] = rgba[(p * 4) + 2];
        }

        return image;
    }

    private static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888,
            SKAlphaType.Opaque);
        byte[] rgba = new byte[image.Width * image.Height * 4];
        for (int p = 0, n = image.Width * image.Height; p < n; p++)
        {
            rgba[p * 4] = image.Pixels[p * 3];
            rgba[(p * 4) + 1] = image.Pixels[(p * 3) + 1];
            rgba[(p * 4) + 2] = image.Pixels[(p * 3) + 2];
            rgba[(p * 4) + 3] = 255;
        }

        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = pixmap.Encode(format, quality)
                ?? throw new InvalidOperationException($"{format} encoding failed");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}
