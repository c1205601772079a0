namespace Twin.Scanner.Session;

/// <summary>A sink that keeps nothing: for focus-only runs that need no image.</summary>
public sealed class NullTileSink : ITileSink
{
    /// <inheritdoc/>
    public void WriteTile(int column, int row, ReadOnlySpan<byte> rgb)
    {
    }

    /// <inheritdoc/>
    public void WriteTile(int plane, int column, int row, ReadOnlySpan<byte> rgb)
    {
    }

    /// <inheritdoc/>
    public long Commit() => 0;

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
