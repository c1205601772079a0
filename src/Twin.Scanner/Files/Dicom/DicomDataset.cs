using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// A DICOM data set built in memory and encoded as explicit VR little endian (PS3.5 7.1.2):
/// elements in ascending tag order, values padded to even length (UI with NUL, other text with
/// a space), sequences and items with defined lengths. Not thread-safe.
/// </summary>
internal sealed class DicomDataset
{
    // value representations whose header has two reserved bytes and a 32-bit length
    private static readonly HashSet<string> LongHeaderVrs =
        ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT"];

    // largest value length of each text VR in characters (PS3.5 table 6.2-1), per value
    private static readonly Dictionary<string, int> TextLimits = new()
    {
        ["AE"] = 16, ["CS"] = 16, ["DA"] = 8, ["DS"] = 16, ["DT"] = 26, ["IS"] = 12,
        ["LO"] = 64, ["PN"] = 64, ["SH"] = 16, ["ST"] = 1024, ["TM"] = 14, ["UI"] = 64,
    };

    private readonly SortedDictionary<uint, Element> elements = [];

    /// <summary>Number of elements at this level (items of sequences not counted).</summary>
    public int Count => elements.Count;

    /// <summary>
    /// Adds a text element; several values are joined with the DICOM value separator.
    /// </summary>
    public DicomDataset Text(uint tag, string vr, params string[] values)
    {
        if (!TextLimits.TryGetValue(vr, out int limit))
        {
            throw new ArgumentException($"{vr} is not a text VR this writer knows", nameof(vr));
        }

        foreach (string v in values)
        {
            if (v.Length > limit || v.Any(c => c < 0x20 || c > 0x7E || c == '\\'))
            {
                throw new ArgumentException(
                    $"value '{v}' of {Name(tag)} ({vr}) must be printable ASCII without '\\', "
                        + $"at most {limit} characters",
                    nameof(values));
            }
        }

        var bytes = Encoding.ASCII.GetBytes(string.Join('\\', values));
        return Add(tag, vr, Pad(bytes, vr == "UI" ? (byte)0 : (byte)' '));
    }

    /// <summary>Adds an unsigned 16-bit value (US).</summary>
    public DicomDataset UShort(uint tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return Add(tag, "US", bytes);
    }

    /// <summary>Adds an unsigned 32-bit value (UL).</summary>
    public DicomDataset ULong(uint tag, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Add(tag, "UL", bytes);
    }

    /// <summary>Adds a 32-bit float (FL).</summary>
    public DicomDataset Float(uint tag, float value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        return Add(tag, "FL", bytes);
    }

    /// <summary>Adds an attribute tag value (AT): group then element, each 16 bits.</summary>
    public DicomDataset AttributeTag(uint tag, uint pointer)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(pointer >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), (ushort)pointer);
        return Add(tag, "AT", bytes);
    }

    /// <summary>Adds a binary value (OB, OV); odd lengths are padded with a NUL byte.</summary>
    public DicomDataset Binary(uint tag, string vr, byte[] value) =>
        Add(tag, vr, Pad(value, 0));

    /// <summary>Adds a sequence of the given items (none: an empty, type 2 sequence).</summary>
    public DicomDataset Sequence(uint tag, params DicomDataset[] items)
    {
        using var buffer = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        foreach (var item in items)
        {
            var body = item.ToArray();
            WriteTag(header, DicomTags.Item);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)body.Length);
            buffer.Write(header);
            buffer.Write(body);
        }

        return Add(tag, "SQ", buffer.ToArray());
    }

    /// <summary>The encoded elements, in tag order.</summary>
    public byte[] ToArray()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the encoded elements, in tag order, to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        Span<byte> header = stackalloc byte[12];
        foreach (var (tag, e) in elements)
        {
            WriteTag(header, tag);
            header[4] = (byte)e.Vr[0];
            header[5] = (byte)e.Vr[1];
            if (LongHeaderVrs.Contains(e.Vr))
            {
                header[6] = 0;
                header[7] = 0;
                BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)e.Value.Length);
                stream.Write(header);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)e.Value.Length);
                stream.Write(header[..8]);
            }

            stream.Write(e.Value);
        }
    }

    /// <summary>Writes a tag as group then element, both little endian.</summary>
    public static void WriteTag(Span<byte> target, uint tag)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(target[2..], (ushort)tag);
    }

    private static string Name(uint tag) =>
        string.Create(CultureInfo.InvariantCulture, $"({tag >> 16:X4},{tag & 0xFFFF:X4})");

    private static byte[] Pad(byte[] value, byte pad)
    {
        if (value.Length % 2 == 0)
        {
            return value;
        }

        var padded = new byte[value.Length + 1];
        value.CopyTo(padded, 0);
        padded[^1] = pad;
        return padded;
    }

    private DicomDataset Add(uint tag, string vr, byte[] value)
    {
        if (!LongHeaderVrs.Contains(vr) && value.Length > ushort.MaxValue)
        {
            throw new ArgumentException(
                $"{Name(tag)} ({vr}) holds {value.Length} bytes; at most 65535 fit", nameof(value));
        }

        if (!elements.TryAdd(tag, new Element(vr, value)))
        {
            throw new InvalidOperationException($"{Name(tag)} was added twice");
        }

        return this;
    }

    private sealed record Element(string Vr, byte[] Value);
}
