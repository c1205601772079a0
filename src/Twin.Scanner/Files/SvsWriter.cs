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
/// <para>
/// A z-stack (<see cref="SvsMetadata.FocalPlanesUm"/> with n &gt; 1 planes) is laid out as
/// Bio-Formats' and tifffile's SVS readers expect: the best-focus (middle) plane's level 0,
/// the thumbnail (of that plane), that plane's reduced levels, then every other plane's full
/// pyramid (level 0, reduced levels) in ascending plane index, then label and macro: n × levels
/// + 1 + label + macro pages. Each plane's level-0 and reduced-level descriptions end their
/// standard fields with <c>TotalDepth = n</c> then <c>OffsetZ</c> (µm); the thumbnail repeats
/// the best plane's level-0 description. A single plane is written exactly as before.
/// </para>
/// <para>
/// Work happens in a hidden folder beside the final path; only <see cref="Commit"/> moves the
/// finished file to its final name, and <see cref="Dispose"/> without a commit removes
/// everything, so an abandoned scan leaves nothing under the final name. The file's bytes depend
/// only on the image, labels and metadata — not on tile order, threads or the clock.
/// The WriteTile overloads may be called from several threads at once; the other members may
/// not overlap with them or with each other. Memory held is the thumbnail plus, per plane, the
/// reduced tiles still waiting for source tiles (about one row of them in raster order).
/// </para>
/// </remarks>
// LIMITATION: no ICC colour profile is embedded (the GT 450 embeds one); readers assume sRGB.
// LIMITATION: OpenSlide refuses z-stacks, as Aperio's: a later plane's level 0 breaks level order.
// LIMITATION: Bio-Formats pairs sorted OffsetZ with page order; best focus first mislabels z.
public sealed class SvsWriter : IDisposable
{
    /// <summary>Largest image side accepted, in pixels.</summary>
    public const int MaxSidePx = 1 << 20;

    /// <summary>Above this estimated size in bytes the file is written as BigTIFF.</summary>
    public const long BigTiffThresholdBytes = 3584L << 20; // 3.5 GiB, well below 4 GiB

    private readonly string workFolder;
    private readonly string tempPath;
    private readonly IReadOnlyList<PyramidLevel> levels;
    private readonly double[] planeOffsetsUm;
    private readonly PlanePyramid[] planes;
    private readonly ThumbnailBuilder thumbnail;
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
        planeOffsetsUm = [.. metadata.FocalPlanesUm];
        BestFocusPlane = SvsFocalPlanes.BestFocus(planeOffsetsUm.Length);
        planes = new PlanePyramid[planeOffsetsUm.Length];
        for (int p = 0; p < planes.Length; p++)
        {
            // scratch files only: the folder layout never reaches the final bytes
            string scratch = planes.Length == 1
                ? workFolder : Path.Combine(workFolder, Invariant($"plane{p}"));
            planes[p] = new PlanePyramid(scratch, levels, metadata.JpegQuality,
                metadata.ChromaSubsampling);
        }

        thumbnail = new ThumbnailBuilder(levels[0]);
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

    /// <summary>Number of tiled pyramid levels of each focal plane, level 0 included.</summary>
    public int LevelCount => levels.Count;

    /// <summary>
    /// Number of focal planes, the length of <see cref="SvsMetadata.FocalPlanesUm"/>; planes
    /// are indexed 0..PlaneCount − 1 in that list's (ascending z) order.
    /// </summary>
    public int PlaneCount => planes.Length;

    /// <summary>
    /// Index of the best-focus plane (offset 0 µm): the middle one, PlaneCount / 2. Its level 0
    /// is the file's first page, so single-plane readers show it.
    /// </summary>
    public int BestFocusPlane { get; }

    /// <summary>Estimated size in bytes above which BigTIFF is used (tests lower it).</summary>
    internal long BigTiffAboveBytes { get; init; } = BigTiffThresholdBytes;

    /// <summary>
    /// Adds level-0 tile (<paramref name="tileColumn"/>, <paramref name="tileRow"/>) of the
    /// best-focus plane (<see cref="BestFocusPlane"/>; the only plane of a single-plane slide):
    /// TileSize × TileSize pixels of interleaved RGB bytes, row-major. Pixels of an edge tile
    /// beyond the image are ignored and stored as white. Each tile must be written exactly
    /// once. The tile is JPEG-encoded before this returns; the span is not kept.
    /// </summary>
    public void WriteTile(int tileColumn, int tileRow, ReadOnlySpan<byte> rgb) =>
        WriteTile(BestFocusPlane, tileColumn, tileRow, rgb);

    /// <summary>
    /// Adds level-0 tile (<paramref name="tileColumn"/>, <paramref name="tileRow"/>) of focal
    /// plane <paramref name="plane"/>, an index 0..PlaneCount − 1 into
    /// <see cref="SvsMetadata.FocalPlanesUm"/> (so <see cref="BestFocusPlane"/> is offset 0 µm).
    /// Otherwise as <see cref="WriteTile(int, int, ReadOnlySpan{byte})"/>: every tile of every
    /// plane exactly once, planes and tiles in any order, from any thread.
    /// </summary>
    public void WriteTile(int plane, int tileColumn, int tileRow, ReadOnlySpan<byte> rgb)
    {
        ThrowIfFinished();
        var level0 = levels[0];
        SvsGuard.InRange(plane, 0, planes.Length - 1, "plane", "", nameof(plane));
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

        var pyramid = planes[plane];
        if (!pyramid.TryClaim(tileRow * level0.TileColumns + tileColumn))
        {
            throw new InvalidOperationException(
                $"tile ({TileName(plane, tileColumn, tileRow)}) was already written");
        }

        var tile = ArrayPool<byte>.Shared.Rent(level0.TileBytes);
        try
        {
            TileOps.CopyPadded(
                rgb, tile, level0.TileSize,
                level0.ValidWidth(tileColumn), level0.ValidHeight(tileRow));
            if (plane == BestFocusPlane)
            {
                thumbnail.Add(tileColumn, tileRow, tile);
            }

            pyramid.Add(tileColumn, tileRow, tile);
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
    /// A tile of some plane is missing (the message names plane, column and row) or an earlier
    /// write failed.
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
            planes.All(p => p.PendingTiles == 0), "every reduced tile completes with level 0");
        try
        {
            foreach (var pyramid in planes)
            {
                pyramid.Seal();
            }

            WriteFile(EstimateBytes() > BigTiffAboveBytes);
            foreach (var pyramid in planes)
            {
                pyramid.Dispose();
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
        foreach (var pyramid in planes)
        {
            pyramid.Dispose();
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

    // "column c, row r" for a single plane, with the plane and its offset for a z-stack
    private string TileName(int plane, int column, int row) => planes.Length == 1
        ? Invariant($"column {column}, row {row}")
        : Invariant($"plane {plane} at {SvsFocalPlanes.Format(planeOffsetsUm[plane])} µm, ")
            + Invariant($"column {column}, row {row}");

    private void ThrowIfTileMissing()
    {
        int perPlane = levels[0].TileCount;
        int total = perPlane * planes.Length;
        int missing = total - planes.Sum(p => p.WrittenCount);
        if (missing == 0)
        {
            return;
        }

        int plane = Array.FindIndex(planes, p => p.WrittenCount < perPlane);
        int first = planes[plane].FirstMissing();
        int columns = levels[0].TileColumns;
        string tiles = planes.Length == 1
            ? "level-0 tiles are missing"
            : Invariant($"level-0 tiles ({planes.Length} planes × {perPlane}) are missing");
        throw new InvalidOperationException(
            $"tile ({TileName(plane, first % columns, first / columns)}) was never written; "
                + Invariant($"{missing} of {total} {tiles}"));
    }

    private long EstimateBytes()
    {
        long total = 64 << 10;
        foreach (var store in planes.SelectMany(p => p.Stores))
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
        var m = Metadata with { FocalPlanesUm = planeOffsetsUm };
        int best = BestFocusPlane;
        string description = SvsDescription.ForLevel0(m, Width, Height, best);
        Tiff? tif = LibTiffLog.Open(tempPath, bigTiff ? "w8" : "w");
        try
        {
            SvsTiffPages.WriteTiledLevel(
                tif, tempPath, planes[best].Stores[0], m.JpegQuality, description);
            SvsTiffPages.WriteStrippedJpeg(
                tif, tempPath, thumbnail.Width, thumbnail.Height, thumbnail.Build(),
                m.JpegQuality, description, 0);
            WriteReducedLevels(tif, m, best);
            for (int p = 0; p < planes.Length; p++)
            {
                if (p != best)
                {
                    SvsTiffPages.WriteTiledLevel(
                        tif, tempPath, planes[p].Stores[0], m.JpegQuality,
                        SvsDescription.ForLevel0(m, Width, Height, p));
                    WriteReducedLevels(tif, m, p);
                }
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

    private void WriteReducedLevels(Tiff tif, SvsMetadata m, int plane)
    {
        foreach (var store in planes[plane].Stores.Skip(1))
        {
            var l = store.Level;
            SvsTiffPages.WriteTiledLevel(
                tif, tempPath, store, m.JpegQuality,
                SvsDescription.ForReducedLevel(m, Width, Height, l.Width, l.Height, plane));
        }
    }

    private void DeleteWorkFolder() => SvsGuard.DeleteScratchFolder(workFolder);

    private void ThrowIfFinished() =>
        ObjectDisposedException.ThrowIf(finished, this);
}
