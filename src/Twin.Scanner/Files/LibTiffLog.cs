using System.Collections.Concurrent;
using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Twin.Scanner.Files;

/// <summary>
/// Opens LibTiff.NET files whose errors and warnings are collected per file instead of printed,
/// so a failure can be raised as an <see cref="IOException"/> that carries LibTiff's own words.
/// LibTiff.NET has one process-wide handler; files not opened here are passed on to whichever
/// handler was installed before.
/// </summary>
internal static class LibTiffLog
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Messages =
        new(StringComparer.Ordinal);

    private static readonly Lazy<bool> Installed = new(() =>
    {
        var handler = new CapturingHandler();
        handler.Previous = Tiff.SetErrorHandler(handler);
        return true;
    });

    /// <summary>Opens <paramref name="path"/> in LibTiff mode <paramref name="mode"/>.</summary>
    public static Tiff Open(string path, string mode)
    {
        _ = Installed.Value;
        Messages[path] = new ConcurrentQueue<string>();
        var tif = Tiff.Open(path, mode);
        if (tif is null)
        {
            throw Failure(path, $"could not open for mode '{mode}'");
        }

        return tif;
    }

    /// <summary>Throws if LibTiff reported anything about <paramref name="path"/> so far.</summary>
    public static void ThrowIfAny(string path, string doing)
    {
        if (Messages.TryGetValue(path, out var queue) && !queue.IsEmpty)
        {
            throw Failure(path, doing);
        }
    }

    /// <summary>Builds the exception for a failed call, with LibTiff's messages.</summary>
    public static IOException Failure(string path, string doing)
    {
        string said = Messages.TryGetValue(path, out var queue) && !queue.IsEmpty
            ? ": " + string.Join("; ", queue)
            : "";
        return new IOException($"LibTiff failed to {doing} in '{Path.GetFileName(path)}'{said}");
    }

    /// <summary>Closes the file (ignoring failures) and forgets its messages.</summary>
    public static void CloseQuietly(Tiff? tif, string path)
    {
        try
        {
            tif?.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // already failing: the first error is the one reported
        }

        Messages.TryRemove(path, out _);
    }

    /// <summary>Stops collecting for <paramref name="path"/>.</summary>
    public static void Forget(string path) => Messages.TryRemove(path, out _);

    private sealed class CapturingHandler : TiffErrorHandler
    {
        public TiffErrorHandler? Previous { get; set; }

        public override void ErrorHandler(
            Tiff tif, string method, string format, params object[] args)
        {
            if (!Capture(tif, "error", method, format, args))
            {
                Previous?.ErrorHandler(tif, method, format, args);
            }
        }

        public override void ErrorHandlerExt(
            Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (!IsOurs(tif))
            {
                Previous?.ErrorHandlerExt(tif, clientData, method, format, args);
            }
        }

        public override void WarningHandler(
            Tiff tif, string method, string format, params object[] args)
        {
            if (!Capture(tif, "warning", method, format, args))
            {
                Previous?.WarningHandler(tif, method, format, args);
            }
        }

        public override void WarningHandlerExt(
            Tiff tif, object clientData, string method, string format, params object[] args)
        {
            if (!IsOurs(tif))
            {
                Previous?.WarningHandlerExt(tif, clientData, method, format, args);
            }
        }

        private static bool IsOurs(Tiff? tif) =>
            tif?.FileName() is { } name && Messages.ContainsKey(name);

        private static bool Capture(
            Tiff? tif, string kind, string method, string format, object[] args)
        {
            if (tif?.FileName() is not { } name || !Messages.TryGetValue(name, out var queue))
            {
                return false;
            }

            string text;
            try
            {
                text = string.Format(CultureInfo.InvariantCulture, format, args);
            }
            catch (FormatException)
            {
                text = format;
            }

            queue.Enqueue($"{kind} in {method}: {text}");
            return true;
        }
    }
}
