using NUnit.Framework;
using Twin.Optics.Imaging;
using Twin.Optics.Stains;

namespace Twin.Tests.Optics;

/// <summary>
/// Small synthetic micrographs for the image-seeded tissue tests: stain patches made by
/// Beer–Lambert from the Ruifrok stain vectors, written as PNG into a folder a person can open
/// (the NUnit work directory's <c>optics-seed</c>).
/// </summary>
internal static class SeedImages
{
    /// <summary>Folder the test images are written to.</summary>
    public static string Folder { get; } =
        Path.Combine(TestContext.CurrentContext.WorkDirectory, "optics-seed");

    /// <summary>
    /// The 8-bit colour of a patch holding amounts h, e, d of haematoxylin, eosin and DAB under
    /// glass level <paramref name="glass"/>: I_c = glass · 10^−(h·H_c + e·E_c + d·D_c).
    /// </summary>
    public static (byte R, byte G, byte B) Colour(double h, double e, double d, double glass = 255)
    {
        Stain hs = Stain.Haematoxylin, es = Stain.Eosin, ds = Stain.Dab;
        return (Level((h * hs.Red) + (e * es.Red) + (d * ds.Red), glass),
            Level((h * hs.Green) + (e * es.Green) + (d * ds.Green), glass),
            Level((h * hs.Blue) + (e * es.Blue) + (d * ds.Blue), glass));
    }

    /// <summary>
    /// A size × size image of glass (255) with a centred square patch of the given stain
    /// amounts, <paramref name="margin"/> pixels of glass on every side.
    /// </summary>
    public static RgbImage Patch(int size, int margin, double h, double e, double d)
    {
        var image = new RgbImage(size, size);
        image.Fill(255, 255, 255);
        var (r, g, b) = Colour(h, e, d);
        for (int y = margin; y < size - margin; y++)
        {
            for (int x = margin; x < size - margin; x++)
            {
                Set(image, x, y, r, g, b);
            }
        }

        return image;
    }

    /// <summary>Sets one pixel.</summary>
    public static void Set(RgbImage image, int x, int y, byte r, byte g, byte b)
    {
        int i = ((y * image.Width) + x) * 3;
        image.Pixels[i] = r;
        image.Pixels[i + 1] = g;
        image.Pixels[i + 2] = b;
    }

    /// <summary>Measured OD of one channel of pixel (x, y) under glass 255.</summary>
    public static double MeasuredOd(RgbImage image, int x, int y, int channel) =>
        -Math.Log10(Math.Max((int)image.Pixels[(((y * image.Width) + x) * 3) + channel], 1)
            / 255.0);

    /// <summary>Writes the image as PNG under <see cref="Folder"/> and returns the path.</summary>
    public static string WritePng(string name, RgbImage image) =>
        WriteBytes(name, ImageCodec.EncodePng(image));

    /// <summary>Writes raw bytes under <see cref="Folder"/> and returns the path.</summary>
    public static string WriteBytes(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Deterministic pseudo-random bytes (xorshift64), the same on every run.</summary>
    public static byte[] NoiseBytes(int count, ulong seed)
    {
        var bytes = new byte[count];
        ulong s = seed | 1;
        for (int i = 0; i < count; i++)
        {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            bytes[i] = (byte)(s >> 56);
        }

        return bytes;
    }

    private static byte Level(double od, double glass) =>
        (byte)Math.Clamp(Math.Round(glass * Math.Pow(10, -od)), 0, 255);
}
