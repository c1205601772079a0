using Microsoft.Win32.SafeHandles;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// Holds the encoded JPEG frames of one pyramid level in a scratch file while tiles arrive in
/// any order, and hands them back in frame order. Each frame is padded to an even length with
/// a NUL after its EOI marker, as DICOM items require. <see cref="Add"/> is thread-safe
/// (positional writes at reserved offsets); the rest is not.
/// </summary>
internal sealed class DicomFrameStore : IDisposable
{
    private readonly SafeFileHandle handle;
    private readonly long[] offsets;
    private readonly int[] lengths;
    private long end;

    public DicomFrameStore(string path, PyramidLevel level)
    {
        Level = level;
        Path = path;
        handle = File.OpenHandle(
            path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.None);
        offsets = new long[level.TileCount];
        lengths = new int[level.TileCount];
    }

    /// <summary>The level whose frames are stored.</summary>
    public PyramidLevel Level { get; }

    /// <summary>The scratch file.</summary>
    public string Path { get; }

    /// <summary>Bytes of all frames stored so far, padding included.</summary>
    public long FrameBytes => Interlocked.Read(ref end);

    /// <summary>Stores frame <paramref name="index"/> (row-major tile order).</summary>
    public void Add(int index, byte[] jpeg)
    {
        int padded = jpeg.Length + (jpeg.Length & 1);
        long at = Interlocked.Add(ref end, padded) - padded;
        RandomAccess.Write(handle, jpeg, at);
        if (padded != jpeg.Length)
        {
            RandomAccess.Write(handle, new byte[1], at + jpeg.Length);
        }

        offsets[index] = at;
        Volatile.Write(ref lengths[index], padded);
    }

    /// <summary>Padded length in bytes of frame <paramref name="index"/> (0: not stored).</summary>
    public int Length(int index) => lengths[index];

    /// <summary>Index of the first frame not stored, or −1 when all are.</summary>
    public int FirstMissing() => Array.IndexOf(lengths, 0);

    /// <summary>
    /// Reads frame <paramref name="index"/> into the start of <paramref name="buffer"/>.
    /// </summary>
    public void Read(int index, Span<byte> buffer)
    {
        var target = buffer[..lengths[index]];
        int read = 0;
        while (read < target.Length)
        {
            int n = RandomAccess.Read(handle, target[read..], offsets[index] + read);
            if (n == 0)
            {
                throw new IOException($"scratch file '{Path}' ended inside frame {index}");
            }

            read += n;
        }
    }

    /// <summary>Closes the scratch file; the caller deletes it.</summary>
    public void Dispose() => handle.Dispose();
}
