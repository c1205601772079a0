using System.Buffers;
using SkiaSharp;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// Encodes one RGB tile as a self-contained baseline JPEG (SOF0, Huffman, 8-bit, YCbCr 4:2:0,
/// JFIF header), the bitstream of the JPEG Baseline (Process 1) transfer syntax. Skia's
/// libjpeg-turbo does the work; the same pixels always give the same bytes. Thread-safe.
/// </summary>
internal static class JpegFrameEncoder
{
    /// <summary>
    /// Encodes <paramref name="rgb"/>: <paramref name="size"/>² pixels of interleaved RGB bytes.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> rgb, int size, int quality)
    {
        int pixels = size * size;
        var rgba = ArrayPool<byte>.Shared.Rent(pixels * 4);
        try
        {
            for (int p = 0; p < pixels; p++)
            {
                rgba[p * 4] = rgb[p * 3];
                rgba[(p * 4) + 1] = rgb[(p * 3) + 1];
                rgba[(p * 4) + 2] = rgb[(p * 3) + 2];
                rgba[(p * 4) + 3] = 255;
            }

            var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque);
            var options = new SKJpegEncoderOptions(
                quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore);
            unsafe
            {
                fixed (byte* p = rgba)
                {
                    using var pixmap = new SKPixmap(info, (nint)p, info.RowBytes);
                    using var data = pixmap.Encode(options)
                        ?? throw new InvalidOperationException("JPEG encoding of a frame failed");
                    var jpeg = data.ToArray();
                    if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
                    {
                        throw new InvalidOperationException("the JPEG encoder returned no image");
                    }

                    return jpeg;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
    }
}
