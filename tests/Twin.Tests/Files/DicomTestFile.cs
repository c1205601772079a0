using System.Buffers.Binary;
using System.Text;

namespace Twin.Tests.Files;

/// <summary>
/// A minimal reader of the Part 10 files the DICOM writer makes, written for the tests from
/// PS3.5/PS3.10 (explicit VR little endian, encapsulated pixel data): the top-level elements'
/// raw values, the Basic Offset Table and each frame's bytes. It trusts nothing it reads.
/// </summary>
internal sealed class DicomTestFile
{
    private static readonly HashSet<string> LongVrs =
        ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT"];

    private DicomTestFile()
    {
    }

    /// <summary>Top-level elements of the file meta information and the data set.</summary>
    public Dictionary<uint, (string Vr, byte[] Value)> Elements { get; } = [];

    /// <summary>Tags in the order they appear in the file.</summary>
    public List<uint> Order { get; } = [];

    /// <summary>Basic Offset Table entries (empty if the table is empty).</summary>
    public List<uint> OffsetTable { get; } = [];

    /// <summary>Offsets of each frame's item from the first frame item, as found.</summary>
    public List<long> ItemOffsets { get; } = [];

    /// <summary>Each frame's bytes (padding included).</summary>
    public List<byte[]> Frames { get; } = [];

    /// <summary>Reads and checks a file; throws InvalidDataException when malformed.</summary>
    public static DicomTestFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 132 || Encoding.ASCII.GetString(bytes, 128, 4) != "DICM")
        {
            throw new InvalidDataException("no DICM prefix");
        }

        var file = new DicomTestFile();
        int p = 132;
        while (p < bytes.Length)
        {
            uint tag = ReadTag(bytes, p);
            string vr = Encoding.ASCII.GetString(bytes, p + 4, 2);
            uint length;
            int header;
            if (LongVrs.Contains(vr))
            {
                length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(p + 8));
                header = 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(p + 6));
                header = 8;
            }

            file.Order.Add(tag);
            if (tag == 0x7FE00010 && length == uint.MaxValue)
            {
                file.ReadFrames(bytes, p + header);
                return file;
            }

            if (length == uint.MaxValue || p + header + length > bytes.Length)
            {
                throw new InvalidDataException($"element {tag:X8} has a bad length");
            }

            file.Elements[tag] = (vr, bytes.AsSpan(p + header, (int)length).ToArray());
            p += header + (int)length;
        }

        return file.Elements.ContainsKey(0x7FE00010)
            ? file : throw new InvalidDataException("no pixel data");
    }

    /// <summary>
    /// The value of element <paramref name="tag"/> found inside the (defined-length) sequence
    /// <paramref name="sequence"/>, searched as its encoded header.
    /// </summary>
    public byte[] Nested(uint sequence, uint tag, string vr)
    {
        var value = Elements[sequence].Value;
        for (int p = 0; p + 12 <= value.Length; p++)
        {
            if (ReadTag(value, p) == tag && Encoding.ASCII.GetString(value, p + 4, 2) == vr)
            {
                int header = LongVrs.Contains(vr) ? 12 : 8;
                int length = LongVrs.Contains(vr)
                    ? (int)BinaryPrimitives.ReadUInt32LittleEndian(value.AsSpan(p + 8))
                    : BinaryPrimitives.ReadUInt16LittleEndian(value.AsSpan(p + 6));
                return value.AsSpan(p + header, length).ToArray();
            }
        }

        throw new KeyNotFoundException($"{tag:X8} not found in {sequence:X8}");
    }

    /// <summary>A text element's value without padding.</summary>
    public string Text(uint tag) =>
        Encoding.ASCII.GetString(Elements[tag].Value).TrimEnd('\0', ' ');

    /// <summary>A UL element's value.</summary>
    public uint ULong(uint tag) => BinaryPrimitives.ReadUInt32LittleEndian(Elements[tag].Value);

    private static uint ReadTag(byte[] b, int p) =>
        ((uint)BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(p)) << 16)
            | BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(p + 2));

    private void ReadFrames(byte[] b, int p)
    {
        if (ReadTag(b, p) != 0xFFFEE000)
        {
            throw new InvalidDataException("no offset table item");
        }

        uint tableLength = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p + 4));
        p += 8;
        for (int i = 0; i < tableLength; i += 4)
        {
            OffsetTable.Add(BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p + i)));
        }

        p += (int)tableLength;
        int first = p;
        while (true)
        {
            uint tag = ReadTag(b, p);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p + 4));
            if (tag == 0xFFFEE0DD)
            {
                if (length != 0 || p + 8 != b.Length)
                {
                    throw new InvalidDataException("bad sequence delimiter or trailing bytes");
                }

                return;
            }

            if (tag != 0xFFFEE000 || p + 8 + length > b.Length)
            {
                throw new InvalidDataException($"bad frame item at {p}");
            }

            ItemOffsets.Add(p - first);
            Frames.Add(b.AsSpan(p + 8, (int)length).ToArray());
            p += 8 + (int)length;
        }
    }
}
