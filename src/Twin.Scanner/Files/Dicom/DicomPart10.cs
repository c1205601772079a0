using System.Buffers;
using System.Buffers.Binary;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// Writes a DICOM Part 10 file (PS3.10 7.1): 128-byte preamble, "DICM", file meta information
/// (group 0002, explicit VR little endian), the data set, then encapsulated pixel data
/// (PS3.5 A.4): one item per frame, preceded by a Basic Offset Table, or by an Extended Offset
/// Table when a level's frames pass 4 GiB.
/// </summary>
internal static class DicomPart10
{
    /// <summary>JPEG Baseline (Process 1) transfer syntax.</summary>
    public const string JpegBaselineTransferSyntax = "1.2.840.10008.1.2.4.50";

    /// <summary>Written as Implementation Version Name.</summary>
    public const string ImplementationVersion = "GT450TWIN_1";

    /// <summary>
    /// Writes the file and returns its size in bytes. When the last frame's offset would pass
    /// <paramref name="basicTableLimit"/> (a 32-bit Basic Offset Table's limit unless a test
    /// lowers it), the offsets go to an Extended Offset Table and the basic one stays empty.
    /// </summary>
    public static long Write(
        string path, DicomDataset dataset, DicomFrameStore frames, string sopClassUid,
        string sopInstanceUid, long basicTableLimit = uint.MaxValue)
    {
        int count = frames.Level.TileCount;
        long itemBytes = (8L * count) + frames.FrameBytes;
        bool extended = itemBytes - 8 - frames.Length(count - 1) > basicTableLimit;
        if (extended)
        {
            AddExtendedOffsetTable(dataset, frames);
        }

        using var file = new FileStream(
            path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        WriteMeta(file, sopClassUid, sopInstanceUid);
        dataset.WriteTo(file);

        Span<byte> header = stackalloc byte[12];
        DicomDataset.WriteTag(header, DicomTags.PixelData);
        header[4] = (byte)'O';
        header[5] = (byte)'B';
        header[6] = 0;
        header[7] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], uint.MaxValue); // undefined length
        file.Write(header);

        // Basic Offset Table: the offset of each frame's item from the first frame's item
        int tableBytes = extended ? 0 : 4 * count;
        WriteItemHeader(file, DicomTags.Item, (uint)tableBytes);
        var table = new byte[tableBytes];
        long offset = 0;
        for (int i = 0; i < count && !extended; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(4 * i), (uint)offset);
            offset += 8 + frames.Length(i);
        }

        file.Write(table);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (int i = 0; i < count; i++)
            {
                int length = frames.Length(i);
                if (buffer.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                frames.Read(i, buffer);
                WriteItemHeader(file, DicomTags.Item, (uint)length);
                file.Write(buffer, 0, length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        WriteItemHeader(file, DicomTags.SequenceDelimitationItem, 0);
        file.Flush(flushToDisk: true);
        return file.Length;
    }

    private static void WriteMeta(Stream stream, string sopClassUid, string sopInstanceUid)
    {
        var meta = new DicomDataset()
            .Binary(DicomTags.FileMetaInformationVersion, "OB", [0, 1])
            .Text(DicomTags.MediaStorageSopClassUid, "UI", sopClassUid)
            .Text(DicomTags.MediaStorageSopInstanceUid, "UI", sopInstanceUid)
            .Text(DicomTags.TransferSyntaxUid, "UI", JpegBaselineTransferSyntax)
            .Text(DicomTags.ImplementationClassUid, "UI", DicomUid.ImplementationClass)
            .Text(DicomTags.ImplementationVersionName, "SH", ImplementationVersion)
            .ToArray();
        new DicomDataset()
            .ULong(DicomTags.FileMetaInformationGroupLength, (uint)meta.Length)
            .WriteTo(stream);
        stream.Write(meta);
    }

    // PS3.5 A.4: for pixel data over 4 GiB the offsets are 64-bit, in (7FE0,0001/0002)
    private static void AddExtendedOffsetTable(DicomDataset dataset, DicomFrameStore frames)
    {
        int count = frames.Level.TileCount;
        var offsets = new byte[8 * count];
        var lengths = new byte[8 * count];
        long offset = 0;
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(offsets.AsSpan(8 * i), (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(
                lengths.AsSpan(8 * i), (ulong)frames.Length(i));
            offset += 8 + frames.Length(i);
        }

        dataset.Binary(DicomTags.ExtendedOffsetTable, "OV", offsets);
        dataset.Binary(DicomTags.ExtendedOffsetTableLengths, "OV", lengths);
    }

    private static void WriteItemHeader(Stream stream, uint tag, uint length)
    {
        Span<byte> header = stackalloc byte[8];
        DicomDataset.WriteTag(header, tag);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
        stream.Write(header);
    }
}
