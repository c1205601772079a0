using Twin.Optics.Imaging;
using Twin.Scanner.Session;

namespace Twin.Scanner.Files;

/// <summary>A scan pass's tiles written into an SVS file, with the slide's label and macro.</summary>
public sealed class SvsTileSink : ITileSink
{
    private readonly SvsWriter _writer;

    /// <summary>Opens an SVS writer for a pass; the file appears only on <see cref="Commit"/>.</summary>
    public SvsTileSink(
        string path, int width, int height, SvsMetadata metadata, RgbImage? label,
        RgbImage? macro)
    {
        _writer = new SvsWriter(path, width, height, metadata);
        if (label is not null)
        {
            _writer.SetLabel(label);
        }

        if (macro is not null)
        {
            _writer.SetMacro(macro);
        }
    }

    /// <inheritdoc/>
    public void WriteTile(int column, int row, ReadOnlySpan<byte> rgb) =>
        _writer.WriteTile(column, row, rgb);

    /// <inheritdoc/>
    public void WriteTile(int plane, int column, int row, ReadOnlySpan<byte> rgb) =>
        _writer.WriteTile(plane, column, row, rgb);

    /// <inheritdoc/>
    public long Commit() => _writer.Commit();

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();
}
