using Twin.Scanner.Session;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// A scan pass's tiles written as DICOM whole-slide files (one per pyramid level); the files
/// appear only on <see cref="Commit"/>.
/// </summary>
public sealed class DicomTileSink : ITileSink
{
    private readonly DicomWsiWriter writer;

    /// <summary>
    /// Opens a DICOM writer for a pass of <paramref name="width"/> × <paramref name="height"/>
    /// level-0 pixels whose files go to <paramref name="folder"/> as
    /// <c>{stem}-level{k}.dcm</c>.
    /// </summary>
    public DicomTileSink(
        string folder, string stem, int width, int height, DicomWsiMetadata metadata) =>
        writer = new DicomWsiWriter(folder, stem, width, height, metadata);

    /// <summary>The files the sink writes on commit, level 0 first.</summary>
    public IReadOnlyList<string> FinalPaths => writer.FinalPaths;

    /// <inheritdoc/>
    public void WriteTile(int column, int row, ReadOnlySpan<byte> rgb) =>
        writer.WriteTile(column, row, rgb);

    /// <inheritdoc/>
    public long Commit() => writer.Commit();

    /// <inheritdoc/>
    public void Dispose() => writer.Dispose();
}
