using System.Runtime.ExceptionServices;
using Twin.Scanner.Session;

namespace Twin.Scanner.Files;

/// <summary>
/// Forwards every tile to several sinks, so one scan writes, for example, both an SVS file and
/// its DICOM files. The composite owns its sinks: it commits and disposes them.
/// </summary>
/// <remarks>
/// <see cref="WriteTile"/> is as thread-safe as the sinks are (the file sinks are). A tile is
/// handed to the sinks in the order given; if one throws, the later ones do not see the tile
/// and the scan cannot be committed.
/// </remarks>
// LIMITATION: commit is not atomic across sinks: if a later sink fails, earlier files remain.
public sealed class CompositeTileSink : ITileSink
{
    private readonly ITileSink[] sinks;

    /// <summary>Creates a sink that forwards to <paramref name="sinks"/> (at least one).</summary>
    /// <exception cref="ArgumentException">No sinks, or a null sink.</exception>
    public CompositeTileSink(params ITileSink[] sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        if (sinks.Length == 0)
        {
            throw new ArgumentException("a composite sink needs at least one sink", nameof(sinks));
        }

        if (Array.IndexOf(sinks, null) is int i and >= 0)
        {
            throw new ArgumentException($"sink {i} is null", nameof(sinks));
        }

        this.sinks = [.. sinks];
    }

    /// <summary>Number of sinks tiles go to.</summary>
    public int Count => sinks.Length;

    /// <inheritdoc/>
    public void WriteTile(int column, int row, ReadOnlySpan<byte> rgb)
    {
        foreach (var sink in sinks)
        {
            sink.WriteTile(column, row, rgb);
        }
    }

    /// <summary>Commits every sink in order; returns the sum of their sizes in bytes.</summary>
    public long Commit()
    {
        long total = 0;
        foreach (var sink in sinks)
        {
            total += sink.Commit();
        }

        return total;
    }

    /// <summary>
    /// Disposes every sink, even when one throws; the first exception is rethrown afterwards.
    /// </summary>
    public void Dispose()
    {
        Exception? first = null;
        foreach (var sink in sinks)
        {
            try
            {
                sink.Dispose();
            }
            catch (Exception e)
            {
                first ??= e;
            }
        }

        if (first is not null)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
