using System.Runtime.InteropServices;

namespace Twin.Scenarios.Reports;

/// <summary>
/// What kind of thing a path names on Linux (after symbolic links): a regular file may be
/// replaced by renaming a new one over it; a device or a pipe (/dev/null, /dev/stdout, a FIFO)
/// must be written into, never replaced. The runtime does not tell them apart, so this asks
/// the C library's statx, whose layout is the same on every architecture.
/// </summary>
public static partial class FileKind
{
    // statx(2): AT_FDCWD, follow links, ask for the type; stx_mode is a u16 at byte 28
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Folder = 0x4000;

    /// <summary>
    /// True when <paramref name="path"/> exists and is neither a regular file nor a folder
    /// (a device, a pipe or a socket). False where it does not exist or the kind is unknown.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, ref buffer[0]) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }

        int type = BitConverter.ToUInt16(buffer.Slice(ModeOffset, 2)) & TypeMask;
        return type != Regular && type != Folder;
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx",
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(
        int dirfd, string path, int flags, uint mask, ref byte buffer);
}
