using System.Buffers.Binary;
using System.Text;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// An ICC version 2.1 display profile for sRGB (IEC 61966-2-1), built from its definition: the
/// colorants of the sRGB primaries adapted to the D50 profile connection space (Bradford), a
/// D65 media white point and the sRGB tone curve sampled at 1024 points. A DICOM colour image
/// carries it in its optical path so viewers know what the RGB values mean.
/// </summary>
internal static class SrgbIccProfile
{
    /// <summary>Number of samples of the tone curve (each a 16-bit value).</summary>
    public const int CurvePoints = 1024;

    private static readonly Lazy<byte[]> Cached = new(Build);

    /// <summary>The profile bytes (a fresh copy each call).</summary>
    public static byte[] Bytes => (byte[])Cached.Value.Clone();

    private static byte[] Build()
    {
        // (signature, tag data); the three tone curves share one block
        var curve = Curve();
        var tags = new (string Sig, byte[] Data)[]
        {
            ("desc", Description("GT450Twin sRGB")),
            ("cprt", Text("No copyright, use freely")),
            ("wtpt", Xyz(0.9505, 1.0, 1.0890)), // D65, the display's white
            ("rXYZ", Xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", Xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", Xyz(0.1430804, 0.0606169, 0.7141733)),
            ("rTRC", curve),
            ("gTRC", curve),
            ("bTRC", curve),
        };

        const int headerBytes = 128;
        int tableBytes = 4 + (12 * tags.Length);
        var offsets = new int[tags.Length];
        int next = headerBytes + tableBytes;
        for (int i = 0; i < tags.Length; i++)
        {
            int shared = Array.FindIndex(tags, 0, i, t => ReferenceEquals(t.Data, tags[i].Data));
            if (shared >= 0)
            {
                offsets[i] = offsets[shared];
                continue;
            }

            offsets[i] = next;
            next = Align4(next + tags[i].Data.Length);
        }

        var icc = new byte[next];
        var s = icc.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(s, (uint)icc.Length);
        BinaryPrimitives.WriteUInt32BigEndian(s[8..], 0x02100000); // version 2.1
        Ascii(s[12..], "mntr"); // display device
        Ascii(s[16..], "RGB ");
        Ascii(s[20..], "XYZ ");
        BinaryPrimitives.WriteUInt16BigEndian(s[24..], 2024); // creation date, fixed: 2024-01-01
        BinaryPrimitives.WriteUInt16BigEndian(s[26..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(s[28..], 1);
        Ascii(s[36..], "acsp");
        Fixed(s[68..], 0.9642); // PCS illuminant D50
        Fixed(s[72..], 1.0);
        Fixed(s[76..], 0.8249);
        BinaryPrimitives.WriteUInt32BigEndian(s[headerBytes..], (uint)tags.Length);
        for (int i = 0; i < tags.Length; i++)
        {
            var entry = s[(headerBytes + 4 + (12 * i))..];
            Ascii(entry, tags[i].Sig);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)offsets[i]);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)tags[i].Data.Length);
            tags[i].Data.CopyTo(s[offsets[i]..]);
        }

        return icc;
    }

    private static int Align4(int n) => (n + 3) & ~3;

    private static void Ascii(Span<byte> target, string text) =>
        Encoding.ASCII.GetBytes(text, target);

    // s15Fixed16Number: signed, 16 fraction bits
    private static void Fixed(Span<byte> target, double value) =>
        BinaryPrimitives.WriteInt32BigEndian(target, (int)Math.Round(value * 65536));

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Ascii(data, "XYZ ");
        Fixed(data.AsSpan(8), x);
        Fixed(data.AsSpan(12), y);
        Fixed(data.AsSpan(16), z);
        return data;
    }

    private static byte[] Curve()
    {
        var data = new byte[12 + (2 * CurvePoints)];
        Ascii(data, "curv");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), CurvePoints);
        for (int i = 0; i < CurvePoints; i++)
        {
            // sRGB decoding: linear below 0.04045, else a 2.4 power with offset
            double v = i / (double)(CurvePoints - 1);
            double linear = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(
                data.AsSpan(12 + (2 * i)), (ushort)Math.Round(linear * 65535));
        }

        return data;
    }

    private static byte[] Text(string text)
    {
        var data = new byte[8 + text.Length + 1];
        Ascii(data, "text");
        Ascii(data.AsSpan(8), text);
        return data;
    }

    // textDescriptionType: ASCII part, then empty Unicode and ScriptCode parts (67 bytes)
    private static byte[] Description(string text)
    {
        int ascii = text.Length + 1;
        var data = new byte[12 + ascii + 8 + 3 + 67];
        Ascii(data, "desc");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), (uint)ascii);
        Ascii(data.AsSpan(12), text);
        return data;
    }
}
