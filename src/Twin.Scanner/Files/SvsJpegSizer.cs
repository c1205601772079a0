using BitMiracle.LibTiff.Classic;
using Twin.Optics.Imaging;

namespace Twin.Scanner.Files;

/// <summary>
/// Measures what pages and tiles cost in an SVS file by really encoding them the way
/// <see cref="SvsWriter"/> does (same LibTiff JPEG settings, same page writers), into memory.
/// Not thread-safe; one instance per thread.
/// </summary>
internal sealed class SvsJpegSizer : IDisposable
{
    private readonly int tileSize;
    private readonly int quality;
    private readonly MemoryStream tileStream = new();
    private readonly Tiff tiles;
    private readonly int capacity;
    private int next;

    /// <summary>Prepares to encode up to <paramref name="capacity"/> tiles.</summary>
    public SvsJpegSizer(int tileSize, int quality, int capacity)
    {
        this.tileSize = tileSize;
        this.quality = quality;
        this.capacity = Math.Max(1, capacity);
        tiles = Tiff.ClientOpen("sizer", "w", tileStream, new TiffStream())
            ?? throw new InvalidOperationException("LibTiff could not open a memory stream");
        SvsTiffPages.SetJpegTags(tiles, tileSize * this.capacity, tileSize, tileSize, quality);
    }

    /// <summary>
    /// Bytes one level tile (a full tileSize² RGB buffer) takes as SvsWriter stores it: the
    /// abbreviated JPEG stream, tables shared in the level's JPEGTables tag.
    /// </summary>
    public long TileBytes(byte[] rgbTile)
    {
        if (next >= capacity)
        {
            throw new InvalidOperationException("the sizer's tile capacity is used up");
        }

        int index = next++;
        if (tiles.WriteEncodedTile(index, rgbTile, 3 * tileSize * tileSize) < 0)
        {
            throw new InvalidOperationException($"LibTiff could not encode sample tile {index}");
        }

        return tiles.RawTileSize(index);
    }

    /// <summary>
    /// Bytes of the JPEGTables tag a tiled level carries (quantisation and Huffman tables);
    /// known after the first <see cref="TileBytes"/>.
    /// </summary>
    public int JpegTablesBytes =>
        tiles.GetField(TiffTag.JPEGTABLES)?[1].GetBytes()?.Length ?? 0;

    /// <summary>
    /// Bytes a stripped JPEG page (thumbnail, macro) takes, its directory included.
    /// </summary>
    public long StrippedJpegPageBytes(RgbImage image) =>
        PageBytes((tif, path) => SvsTiffPages.WriteStrippedJpeg(
            tif, path, image.Width, image.Height, image.Pixels, quality, "", 0));

    /// <summary>Bytes a stripped LZW page (label) takes, its directory included.</summary>
    public long StrippedLzwPageBytes(RgbImage image) =>
        PageBytes((tif, path) => SvsTiffPages.WriteStrippedLzw(
            tif, path, image.Width, image.Height, image.Pixels, "",
            SvsTiffPages.LabelSubfileType));

    /// <inheritdoc/>
    public void Dispose()
    {
        tiles.Dispose();
        tileStream.Dispose();
    }

    private static long PageBytes(Action<Tiff, string> write)
    {
        using var stream = new MemoryStream();
        using (var tif = Tiff.ClientOpen("page", "w", stream, new LeaveOpen())
            ?? throw new InvalidOperationException("LibTiff could not open a memory stream"))
        {
            write(tif, "page");
        }

        return stream.Length - 8; // less the TIFF header, counted once per file
    }

    // keeps the memory stream readable after LibTiff closes the file
    private sealed class LeaveOpen : TiffStream
    {
        public override void Close(object clientData)
        {
        }
    }
}
