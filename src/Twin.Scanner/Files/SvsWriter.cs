using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Twin.Optics.Imaging;

namespace Twin.Scanner.Files;

/// <summary>
/// Writes a tiled, pyramidal Aperio SVS file from level-0 tiles that arrive in any order, as a
/// line scanner delivers them. Pages, in the order OpenSlide and Aperio expect: level 0 (tiled
/// JPEG YCbCr 4:2:0, full description), thumbnail (stripped JPEG, about 1024 px long side, same
/// description), reduced levels (each floor(previous / 4), tiled like level 0), then the
/// optional label (stripped LZW, NewSubfileType 1) and macro (stripped JPEG, NewSubfileType 9).
/// </summary>
/// <remarks>
/// Work happens in a hidden folder beside the final path; only <see cref="Commit"/> moves the
/// finished file to its final name, and <see cref="Dispose"/> without a commit removes
/// everything, so an abandoned scan leaves nothing under the final name. The file's bytes depend
/// only on the image, labels and metadata — not on tile order, threads or the clock.
/// <see cref="WriteTile"/> may be called from several threads at once; the other members may
/// not overlap with it or with each other.
/// </remarks>
// LIMITATION: no ICC colour profile is embedded (the GT 450 embeds one); readers assume sRGB.
public sealed class SvsWriter : IDisposable
{
    /// <summary>Largest image side accepted, in pixels.</summary>
    public const int MaxSidePx = 1 << 20;

    /// <summary>Above this estimated size in bytes the file is written as BigTIFF.</summary>
    public const long BigTiffThresholdBytes = 3584L << 20; // 3.5 GiB, well below 4 GiB

    private readonly string workFolder;
    private readonly string tempPath;
    private readonly IReadOnlyList<PyramidLevel> levels;
    private readonly JpegTileStore[] stores;
    private readonly ReducedLevelBuilder[] builders;
    private readonly ThumbnailBuilder thumbnail;
    private readonly bool[] written;
    private int writtenCount;
    private RgbImage? label;
    private RgbImage? macro;
    private bool faulted;
    private bool finished;

    /// <summary>
    /// Starts a slide of <paramref name="width"/> × <paramref name="height"/> level-0 pixels
    /// that will be committed to <paramref name="finalPath"/> (whose folder must exist).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A size, path or metadata field is out of range.
    /// </exception>
    public SvsWriter(string finalPath, int width, int height, SvsMetadata metadata)
    {
        if (string.IsNullOrWhiteSpace(finalPath))
        {
            throw new ArgumentException("finalPath must name a file", nameof(finalPath));
        }

        SvsGuard.InRange(width, 1, MaxSidePx, "width", " px", nameof(width));
        SvsGuard.InRange(height, 1, MaxSidePx, "height", " px", nameof(height));
        SvsDescription.Validate(metadata, nameof(metadata));

        FinalPath = Path.GetFullPath(finalPath);
        string name = Path.GetFileName(FinalPath);
        if (name.Length == 0 || Directory.Exists(FinalPath))
        {
            throw new ArgumentException(
                $"finalPath '{finalPath}' is a folder, not a file", nameof(finalPath));
        }

        string folder = Path.GetDirectoryName(FinalPath)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"folder '{folder}' of the slide does not exist");
        }

        Width = width;
        Height = height;
        Metadata = metadata;
        levels = PyramidLevel.Plan(width, height, metadata.TileSize);
        workFolder = Path.Combine(folder, $".{name}.{Path.GetRandomFileName()}.partial");
        Directory.CreateDirectory(workFolder);
        tempPath = Path.Combine(workFolder, "slide.svs");
        stores = [.. levels.Select(l => new JpegTileStore(workFolder, l, metadata.JpegQuality))];
        builders = [.. levels.Skip(1).Select(l => new ReducedLevelBuilder(levels[l.Index - 1], l))];
        thumbnail = new ThumbnailBuilder(levels[0]);
        written = new bool[levels[0].TileCount];
    }

    /// <summary>The path the slide gets on <see cref="Commit"/>, made absolute.</summary>
    public string FinalPath { get; }

    /// <summary>Level-0 width in pixels.</summary>
    public int Width { get; }

    /// <summary>Level-0 height in pixels.</summary>
    public int Height { get; }

    /// <summary>The metadata written into the file.</summary>
    public SvsMetadata Metadata { get; }

    /// <summary>Number of level-0 tile columns, ceil(Width / TileSize).</summary>
    public int TileColumns => levels[0].TileColumns;

    /// <summary>Number of level-0 tile rows, ceil(Height / TileSize).</summary>
    public int TileRows => levels[0].TileRows;

    /// <summary>Number of tiled pyramid levels, level 0 included.</summary>
    public int LevelCount => levels.Count;

    /// <summary>Estimated size in bytes above which BigTIFF is used (tests lower it).</summary>
    internal long BigTiffAboveBytes { get; init; } = BigTiffThresholdBytes;

    /// <summary>
    /// Adds level-0 tile (<paramref name="tileColumn"/>, <paramref name="tileRow"/>):
    /// TileSize × TileSize pixels of interleaved RGB bytes, row-major. Pixels of an edge tile
    /// beyond the image are ignored and stored as white. Each tile must be written exactly
    /// once. The tile is JPEG-encoded before this returns; the span is not kept.
    /// </summary>
    public void WriteTile(int tileColumn, int tileRow, ReadOnlySpan<byte> rgb)
    {
        ThrowIfFinished();
        var level0 = levels[0];
        SvsGuard.InRange(
            tileColumn, 0, level0.TileColumns - 1, "tileColumn", "", nameof(tileColumn));
        SvsGuard.InRange(tileRow, 0, level0.TileRows - 1, "tileRow", "", nameof(tileRow));
        if (rgb.Length != level0.TileBytes)
        {
            throw new ArgumentException(
                Invariant($"rgb holds {rgb.Length} bytes; a tile needs exactly ")
                    + Invariant($"{level0.TileBytes} ({level0.TileSize}² px × 3)"),
                nameof(rgb));
        }

        int index = tileRow * level0.TileColumns + tileColumn;
        lock (written)
        {
            if (written[index])
            {
                throw new InvalidOperationException(
                    Invariant($"tile (column {tileColumn}, row {tileRow}) was already written"));
            }

            written[index] = true;
            writtenCount++;
        }

        var tile = ArrayPool<byte>.Shared.Rent(level0.TileBytes);
        try
        {
            TileOps.CopyPadded(
                rgb, tile, level0.TileSize,
                level0.ValidWidth(tileColumn), level0.ValidHeight(tileRow));
            thumbnail.Add(tileColumn, tileRow, tile);
            Reduce(0, tileColumn, tileRow, tile);
            stores[0].Encode(index, tile);
        }
        catch
        {
            faulted = true;
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tile);
        }
    }

    /// <summary>
    /// Sets the slide-label photograph (any size, in pixels); none is written if unset.
    /// </summary>
    public void SetLabel(RgbImage image)
    {
        ThrowIfFinished();
        label = Copy(image, nameof(image));
    }

    /// <summary>
    /// Sets the macro (whole-slide overview) photograph; none is written if unset.
    /// </summary>
    public void SetMacro(RgbImage image)
    {
        ThrowIfFinished();
        macro = Copy(image, nameof(image));
    }

    /// <summary>
    /// Writes the pyramid, thumbnail, label and macro, then moves the file to
    /// <see cref="FinalPath"/> (replacing any file there). Returns the file size in bytes.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A tile is missing or an earlier write failed.
    /// </exception>
    public long Commit()
    {
        ThrowIfFinished();
        if (faulted)
        {
            throw new InvalidOperationException(
                "an earlier WriteTile failed; the slide cannot be committed");
        }

        ThrowIfTileMissing();
        Debug.Assert(
            builders.All(b => b.PendingTiles == 0), "every reduced tile completes with level 0");
        try
        {
            foreach (var store in stores)
            {
                store.Seal();
            }

            WriteFile(EstimateBytes() > BigTiffAboveBytes);
            foreach (var store in stores)
            {
                store.Dispose();
            }

            FlushToDisk(tempPath);
            File.Move(tempPath, FinalPath, overwrite: true);
            finished = true;
            long size = new FileInfo(FinalPath).Length;
            DeleteWorkFolder();
            return size;
        }
        catch
        {
            faulted = true;
            throw;
        }
    }

    /// <summary>Releases the scratch files; without a commit, nothing is left behind.</summary>
    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        LibTiffLog.Forget(tempPath);
        DeleteWorkFolder();
        finished = true;
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);

    private static RgbImage Copy(RgbImage image, string paramName)
    {
        ArgumentNullException.ThrowIfNull(image, paramName);
        SvsGuard.InRange(image.Width, 1, 65535, "image width", " px", paramName);
        SvsGuard.InRange(image.Height, 1, 65535, "image height", " px", paramName);
        var copy = new RgbImage(image.Width, image.Height);
        image.Pixels.CopyTo(copy.Pixels, 0);
        return copy;
    }

    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    // folds a finished tile of level k into level k+1, recursively, then encodes what completes
    private void Reduce(int k, int column, int row, byte[] tile)
    {
        if (k + 1 >= levels.Count)
        {
            return;
        }

        var reduced = builders[k].Add(column, row, tile);
        if (reduced is null)
        {
            return;
        }

        try
        {
            int c = column / PyramidLevel.Factor;
            int r = row / PyramidLevel.Factor;
            Reduce(k + 1, c, r, reduced);
            stores[k + 1].Encode(r * levels[k + 1].TileColumns + c, reduced);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(reduced);
        }
    }

    private void ThrowIfTileMissing()
    {
        if (writtenCount == written.Length)
        {
            return;
        }

        int first = Array.IndexOf(written, false);
        int columns = levels[0].TileColumns;
        throw new InvalidOperationException(
            Invariant($"tile (column {first % columns}, row {first / columns}) was never ")
                + Invariant($"written; {written.Length - writtenCount} of {written.Length} ")
                + "level-0 tiles are missing");
    }

    private long EstimateBytes()
    {
        long total = 64 << 10;
        foreach (var store in stores)
        {
            // tile data plus two 8-byte entries per tile (offset, byte count) and some tags
            total += store.EncodedBytes + 16L * store.Level.TileCount + 4096;
        }

        total += 3L * thumbnail.Width * thumbnail.Height;
        total += label is null ? 0 : label.Pixels.Length + 4096;
        total += macro is null ? 0 : macro.Pixels.Length + 4096;
        return total;
    }

    private void WriteFile(bool bigTiff)
    {
        var m = Metadata;
        string description = SvsDescription.ForLevel0(m, Width, Height);
        Tiff? tif = LibTiffLog.Open(tempPath, bigTiff ? "w8" : "w");
        try
        {
            SvsTiffPages.WriteTiledLevel(tif, tempPath, stores[0], m.JpegQuality, description);
            SvsTiffPages.WriteStrippedJpeg(
                tif, tempPath, thumbnail.Width, thumbnail.Height, thumbnail.Build(),
                m.JpegQuality, description, 0);
            foreach (var store in stores.Skip(1))
            {
                var l = store.Level;
                SvsTiffPages.WriteTiledLevel(
                    tif, tempPath, store, m.JpegQuality,
                    SvsDescription.ForReducedLevel(m, Width, Height, l.Width, l.Height));
            }

            if (label is not null)
            {
                SvsTiffPages.WriteStrippedLzw(
                    tif, tempPath, label.Width, label.Height, label.Pixels,
                    SvsDescription.ForAssociated("label", label.Width, label.Height),
                    SvsTiffPages.LabelSubfileType);
            }

            if (macro is not null)
            {
                SvsTiffPages.WriteStrippedJpeg(
                    tif, tempPath, macro.Width, macro.Height, macro.Pixels, m.JpegQuality,
                    SvsDescription.ForAssociated("macro", macro.Width, macro.Height),
                    SvsTiffPages.MacroSubfileType);
            }

            var closing = tif;
            tif = null;
            closing.Dispose();
            LibTiffLog.ThrowIfAny(tempPath, "close the slide");
        }
        finally
        {
            LibTiffLog.CloseQuietly(tif, tempPath);
        }
    }

    private void DeleteWorkFolder()
    {
        try
        {
            if (Directory.Exists(workFolder))
            {
                Directory.Delete(workFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // LIMITATION: a scratch folder that cannot be deleted (held open elsewhere) stays.
        }
        catch (UnauthorizedAccessException)
        {
            // same as above: leave it rather than fail a scan that has finished
        }
    }

    private void ThrowIfFinished() =>
        ObjectDisposedException.ThrowIf(finished, this);
}
