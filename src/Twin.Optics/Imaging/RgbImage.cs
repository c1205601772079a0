namespace Twin.Optics.Imaging;

/// <summary>
/// An 8-bit RGB raster, row-major, three interleaved bytes per pixel (R, G, B), no padding.
/// </summary>
public sealed class RgbImage
{
    /// <summary>Creates a black image of the given size in pixels.</summary>
    public RgbImage(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width), $"image size {width}x{height} px must be positive");
        }

        Width = width;
        Height = height;
        Pixels = new byte[checked(width * height * 3)];
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved R, G, B bytes, <c>Width * Height * 3</c> of them.</summary>
    public byte[] Pixels { get; }

    /// <summary>Fills every pixel with one colour.</summary>
    public void Fill(byte r, byte g, byte b)
    {
        for (int i = 0; i < Pixels.Length; i += 3)
        {
            Pixels[i] = r;
            Pixels[i + 1] = g;
            Pixels[i + 2] = b;
        }
    }
}
