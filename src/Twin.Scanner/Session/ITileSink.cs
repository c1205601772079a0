namespace Twin.Scanner.Session;

/// <summary>Where a scan pass's level-0 tiles go: a slide file, or nowhere (focus-only runs).</summary>
public interface ITileSink : IDisposable
{
    /// <summary>Accepts one RGB tile (TileSize² × 3 bytes) at a tile column and row.</summary>
    void WriteTile(int column, int row, ReadOnlySpan<byte> rgb);

    /// <summary>Finishes the output and returns its size in bytes.</summary>
    long Commit();
}
