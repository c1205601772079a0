using System.Buffers;
using System.Diagnostics;
using System.Globalization;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// Writes a slide as DICOM VL Whole Slide Microscopy Image files (Supplement 145), one
/// instance per pyramid level, from level-0 tiles that arrive in any order. Each file is
/// Part 10, JPEG Baseline transfer syntax (explicit VR little endian data set), TILED_FULL,
/// one JPEG frame per tile with a Basic Offset Table. The levels have the SVS writer's sizes
/// (each floor(previous / 4) until the long side is at most 1024 px) and its tile contract.
/// </summary>
/// <remarks>
/// Files are named <c>{stem}-level{k}.dcm</c> in the folder; they appear only on
/// <see cref="Commit"/>, and <see cref="Dispose"/> without a commit leaves nothing behind. The
/// bytes depend only on the image and the metadata (UIDs are derived from
/// <see cref="DicomWsiMetadata.UidSeed"/>), not on tile order, threads or the clock.
/// <see cref="WriteTile"/> may be called from several threads at once; the other members may
/// not overlap with it or with each other.
/// </remarks>
// LIMITATION: no label, overview or thumbnail instances are written, only the VOLUME pyramid.
public sealed class DicomWsiWriter : IDisposable
{
    /// <summary>Largest image side accepted, in pixels.</summary>
    public const int MaxSidePx = 1 << 20;

    private readonly string workFolder;
    private readonly IReadOnlyList<PyramidLevel> levels;
    private readonly DicomFrameStore[] stores;
    private readonly ReducedLevelBuilder[] builders;
    private readonly bool[] written;
    private int writtenCount;
    private bool faulted;
    private bool finished;

    /// <summary>
    /// Starts a slide of <paramref name="width"/> × <paramref name="height"/> level-0 pixels
    /// whose files will be committed into <paramref name="folder"/> (which must exist) as
    /// <c>{stem}-level{k}.dcm</c>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A size, name or metadata field is out of range, or the metadata asks for a scan DICOM
    /// output does not support (<see cref="DicomRules"/>).
    /// </exception>
    public DicomWsiWriter(
        string folder, string stem, int width, int height, DicomWsiMetadata metadata)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ArgumentException("folder must name a folder", nameof(folder));
        }

        if (string.IsNullOrWhiteSpace(stem) || stem != stem.Trim()
            || stem.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || stem.Contains(Path.DirectorySeparatorChar) || stem.StartsWith('.'))
        {
            throw new ArgumentException(
                $"stem '{stem}' must be a plain file name without folders or a leading dot",
                nameof(stem));
        }

        SvsGuard.InRange(width, 1, MaxSidePx, "width", " px", nameof(width));
        SvsGuard.InRange(height, 1, MaxSidePx, "height", " px", nameof(height));
        DicomWsiGuard.Validate(metadata, nameof(metadata));

        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"folder '{Folder}' of the slide does not exist");
        }

        Width = width;
        Height = height;
        Metadata = metadata;
        levels = PyramidLevel.Plan(width, height, metadata.TileSize);
        FinalPaths =
            [.. levels.Select(l => Path.Combine(Folder, Invariant($"{stem}-level{l.Index}.dcm")))];
        workFolder = Path.Combine(Folder, $".{stem}.{Path.GetRandomFileName()}.partial");
        Directory.CreateDirectory(workFolder);
        var opened = new List<DicomFrameStore>(levels.Count);
        try
        {
            foreach (var l in levels)
            {
                opened.Add(new DicomFrameStore(
                    Path.Combine(workFolder, Invariant($"level{l.Index}.frames")), l));
            }
        }
        catch
        {
            opened.ForEach(s => s.Dispose());
            DeleteWorkFolder();
            throw;
        }

        stores = [.. opened];

        builders = [.. levels.Skip(1).Select(l => new ReducedLevelBuilder(levels[l.Index - 1], l))];
        written = new bool[levels[0].TileCount];
    }

    /// <summary>The folder the files are committed to, made absolute.</summary>
    public string Folder { get; }

    /// <summary>The path each level's file gets on <see cref="Commit"/>, level 0 first.</summary>
    public IReadOnlyList<string> FinalPaths { get; }

    /// <summary>Level-0 width in pixels.</summary>
    public int Width { get; }

    /// <summary>Level-0 height in pixels.</summary>
    public int Height { get; }

    /// <summary>The metadata written into the files.</summary>
    public DicomWsiMetadata Metadata { get; }

    /// <summary>Number of level-0 tile columns, ceil(Width / TileSize).</summary>
    public int TileColumns => levels[0].TileColumns;

    /// <summary>Number of level-0 tile rows, ceil(Height / TileSize).</summary>
    public int TileRows => levels[0].TileRows;

    /// <summary>Number of pyramid levels (files), level 0 included.</summary>
    public int LevelCount => levels.Count;

    /// <summary>
    /// Largest frame offset in bytes a Basic Offset Table holds before the writer switches to
    /// an Extended Offset Table (tests lower it).
    /// </summary>
    internal long BasicOffsetTableLimit { get; init; } = uint.MaxValue;

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
            Reduce(0, tileColumn, tileRow, tile);
            Encode(0, index, tile);
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
    /// Writes one file per level and moves them all to <see cref="FinalPaths"/> (replacing
    /// files there). Returns the total size of the files in bytes.
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
        Debug.Assert(stores.All(s => s.FirstMissing() < 0), "every frame is encoded");
        try
        {
            var uids = new WsiDataset.Uids(
                Metadata.UidSeed.Length > 0 ? Metadata.UidSeed : Metadata.SlideId);
            var temps = new string[levels.Count];
            long total = 0;
            for (int k = 0; k < levels.Count; k++)
            {
                var dataset = WsiDataset.Build(Metadata, uids, levels[k], stores[k].FrameBytes);
                temps[k] = Path.Combine(workFolder, Invariant($"level{k}.dcm"));
                total += DicomPart10.Write(
                    temps[k], dataset, stores[k], WsiDataset.SopClassUid, uids.Instance(k),
                    BasicOffsetTableLimit);
            }

            foreach (var store in stores)
            {
                store.Dispose();
            }

            Publish(temps);
            finished = true;
            DeleteWorkFolder();
            return total;
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

        DeleteWorkFolder();
        finished = true;
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);

    // moves every level into place; if one move fails, the ones already moved are removed
    // LIMITATION: files of deeper levels left by an earlier, larger slide of the same stem stay.
    private void Publish(string[] temps)
    {
        int moved = 0;
        try
        {
            for (; moved < temps.Length; moved++)
            {
                File.Move(temps[moved], FinalPaths[moved], overwrite: true);
            }
        }
        catch
        {
            for (int k = 0; k < moved; k++)
            {
                File.Delete(FinalPaths[k]);
            }

            throw;
        }
    }

    private void Encode(int level, int index, byte[] tile)
    {
        var jpeg = JpegFrameEncoder.Encode(
            tile.AsSpan(0, levels[level].TileBytes), levels[level].TileSize,
            Metadata.JpegQuality);
        stores[level].Add(index, jpeg);
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
            Encode(k + 1, r * levels[k + 1].TileColumns + c, reduced);
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

    private void DeleteWorkFolder() => SvsGuard.DeleteScratchFolder(workFolder);

    private void ThrowIfFinished() =>
        ObjectDisposedException.ThrowIf(finished, this);
}
