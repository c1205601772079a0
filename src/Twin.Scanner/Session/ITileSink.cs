namespace Twin.Scanner.Session;

/// <summary>Where a scan pass's level-0 tiles go: a slide file, or nowhere (focus-only runs).</summary>
public interface ITileSink : IDisposable
{
    /// <summary>Accepts one RGB tile (TileSize² × 3 bytes) at a tile column and row.</summary>
    void WriteTile(int column, int row, ReadOnlySpan<byte> rgb);

    /// <summary>
    /// Accepts one tile of focal plane <paramref name="plane"/> (index into the z-stack's planes,
    /// ascending height). Sinks that hold one plane accept only plane 0.
    /// </summary>
    void WriteTile(int plane, int column, int row, ReadOnlySpan<byte> rgb)
    {
        if (plane != 0)
        {
            throw new NotSupportedException($"{GetType().Name} holds a single focal plane");
        }

        WriteTile(column, row, rgb);
    }

    /// <summary>Finishes the output and returns its size in bytes.</summary>
    long Commit();
}
