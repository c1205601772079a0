using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Twin.Optics.Rendering;

/// <summary>
/// Packs three planes of 8-bit levels held as floats (whole numbers 0–255) into interleaved RGB
/// bytes: 16 pixels at a time with byte shuffles where the CPU has them, one by one elsewhere.
/// </summary>
public static class RgbPacking
{
    // where each of the 48 output bytes of 16 pixels comes from: byte i of output vector o is
    // channel (16·o + i) mod 3 of pixel (16·o + i) / 3; −1 (0x80, zero) for the other channels
    private static readonly Vector128<byte>[] Masks = BuildMasks();

    /// <summary>rgb[3p + c] = plane c at p, for p below the planes' common length.</summary>
    public static void Interleave(
        ReadOnlySpan<float> red, ReadOnlySpan<float> green, ReadOnlySpan<float> blue,
        Span<byte> rgb)
    {
        int n = red.Length;
        if (green.Length != n || blue.Length != n || rgb.Length < 3 * n)
        {
            throw new ArgumentException("planes and output do not match");
        }

        int p = 0;
        if (Ssse3.IsSupported)
        {
            for (; p <= n - 16; p += 16)
            {
                var r = Bytes(red.Slice(p, 16));
                var g = Bytes(green.Slice(p, 16));
                var b = Bytes(blue.Slice(p, 16));
                Span<byte> o = rgb.Slice(3 * p, 48);
                for (int v = 0; v < 3; v++)
                {
                    var packed = Ssse3.Shuffle(r, Masks[3 * v])
                        | Ssse3.Shuffle(g, Masks[(3 * v) + 1])
                        | Ssse3.Shuffle(b, Masks[(3 * v) + 2]);
                    packed.CopyTo(o.Slice(16 * v, 16));
                }
            }
        }

        for (; p < n; p++)
        {
            rgb[3 * p] = (byte)red[p];
            rgb[(3 * p) + 1] = (byte)green[p];
            rgb[(3 * p) + 2] = (byte)blue[p];
        }
    }

    /// <summary>16 whole-number floats 0–255 as 16 bytes.</summary>
    private static Vector128<byte> Bytes(ReadOnlySpan<float> levels)
    {
        var a = Vector128.ConvertToInt32(Vector128.Create(levels[..4]));
        var b = Vector128.ConvertToInt32(Vector128.Create(levels.Slice(4, 4)));
        var c = Vector128.ConvertToInt32(Vector128.Create(levels.Slice(8, 4)));
        var d = Vector128.ConvertToInt32(Vector128.Create(levels.Slice(12, 4)));
        var lo = Vector128.Narrow(a.AsUInt32(), b.AsUInt32());
        var hi = Vector128.Narrow(c.AsUInt32(), d.AsUInt32());
        return Vector128.Narrow(lo, hi);
    }

    private static Vector128<byte>[] BuildMasks()
    {
        var masks = new Vector128<byte>[9];
        Span<byte> m = stackalloc byte[16];
        for (int v = 0; v < 3; v++)
        {
            for (int channel = 0; channel < 3; channel++)
            {
                for (int i = 0; i < 16; i++)
                {
                    int at = (16 * v) + i;
                    m[i] = at % 3 == channel ? (byte)(at / 3) : (byte)0x80;
                }

                masks[(3 * v) + channel] = Vector128.Create((ReadOnlySpan<byte>)m);
            }
        }

        return masks;
    }
}
