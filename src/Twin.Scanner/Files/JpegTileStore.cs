using System.Collections.Concurrent;
using BitMiracle.LibTiff.Classic;

namespace Twin.Scanner.Files;

/// <summary>
/// JPEG-encodes the tiles of one pyramid level as they come, on the calling threads, into
/// scratch TIFF files (one per concurrent caller), and later copies the encoded tiles, in tile
/// order, into the final file without re-encoding. Tile order and thread interleaving therefore
/// do not change the final bytes. <see cref="Encode"/> is thread-safe; the rest is not.
/// </summary>
// LIMITATION: encoded tiles go to disk twice, so the folder briefly holds twice the slide's size.
internal sealed class JpegTileStore : IDisposable
{
    private readonly string folder;
    private readonly int quality;

    /// <summary>YCbCr chroma subsampling of the encoded tiles (2 = 4:2:0, 1 = 4:4:4).</summary>
    public int Subsampling { get; }
    private readonly ConcurrentBag<Encoder> idle = [];
    private readonly List<Encoder> encoders = [];
    private readonly ushort[] owner;
    private Tiff[]? readers;
    private byte[]? jpegTables;
    private float[]? referenceBlackWhite;
    private byte[] copyBuffer = [];

    public JpegTileStore(string folder, PyramidLevel level, int quality, int subsampling = 2)
    {
        Subsampling = subsampling;
        this.folder = folder;
        this.quality = quality;
        Level = level;
        owner = new ushort[level.TileCount];
    }

    /// <summary>The level whose tiles are stored.</summary>
    public PyramidLevel Level { get; }

    /// <summary>Bytes of all encoded tiles; known after <see cref="Seal"/>.</summary>
    public long EncodedBytes { get; private set; }

    /// <summary>
    /// Encodes tile <paramref name="tileIndex"/> (row-major) from a full RGB tile.
    /// </summary>
    public void Encode(int tileIndex, byte[] rgbTile)
    {
        if (!idle.TryTake(out var encoder))
        {
            encoder = NewEncoder();
        }

        try
        {
            if (encoder.Tif.WriteEncodedTile(tileIndex, rgbTile, Level.TileBytes) < 0)
            {
                throw LibTiffLog.Failure(encoder.Path, $"encode tile {tileIndex}");
            }

            owner[tileIndex] = encoder.Number;
        }
        finally
        {
            idle.Add(encoder);
        }
    }

    /// <summary>
    /// Closes the scratch files and opens them for copying. Call once, after all tiles.
    /// </summary>
    public void Seal()
    {
        int missing = Array.IndexOf(owner, (ushort)0);
        if (missing >= 0)
        {
            throw new InvalidOperationException(
                $"level {Level.Index} tile {missing} was never encoded");
        }

        readers = new Tiff[encoders.Count];
        for (int i = 0; i < encoders.Count; i++)
        {
            var e = encoders[i];
            e.Closed = true;
            e.Tif.Dispose();
            LibTiffLog.ThrowIfAny(e.Path, "close a scratch file");
            readers[i] = LibTiffLog.Open(e.Path, "r");
        }

        jpegTables = ReadTables(readers[0]);
        referenceBlackWhite = readers[0].GetField(TiffTag.REFERENCEBLACKWHITE)?[0].ToFloatArray()
            ?? throw new InvalidOperationException("scratch TIFF has no ReferenceBlackWhite");
        for (int i = 1; i < readers.Length; i++)
        {
            if (!ReadTables(readers[i]).AsSpan().SequenceEqual(jpegTables))
            {
                throw new InvalidOperationException(
                    "scratch encoders produced different JPEG tables");
            }
        }

        long total = 0;
        for (int t = 0; t < owner.Length; t++)
        {
            total += readers[owner[t] - 1].RawTileSize(t);
        }

        EncodedBytes = total;
    }

    /// <summary>
    /// Sets the shared JPEG tables on <paramref name="target"/>, whose current directory must
    /// carry this level's tags, and appends every tile's bytes in tile order.
    /// </summary>
    public void CopyTo(Tiff target, string targetPath)
    {
        if (readers is null || jpegTables is null || referenceBlackWhite is null)
        {
            throw new InvalidOperationException("Seal must be called before CopyTo");
        }

        target.SetField(TiffTag.JPEGTABLES, jpegTables.Length, jpegTables);
        target.SetField(TiffTag.REFERENCEBLACKWHITE, referenceBlackWhite);
        for (int t = 0; t < owner.Length; t++)
        {
            var reader = readers[owner[t] - 1];
            int size = checked((int)reader.RawTileSize(t));
            if (copyBuffer.Length < size)
            {
                copyBuffer = new byte[Math.Max(size, copyBuffer.Length * 2)];
            }

            if (reader.ReadRawTile(t, copyBuffer, 0, size) != size)
            {
                throw LibTiffLog.Failure(encoders[owner[t] - 1].Path, $"read tile {t}");
            }

            if (target.WriteRawTile(t, copyBuffer, size) != size)
            {
                throw LibTiffLog.Failure(targetPath, $"write tile {t} of level {Level.Index}");
            }
        }
    }

    /// <summary>Closes every scratch file; the caller deletes the folder.</summary>
    public void Dispose()
    {
        lock (encoders)
        {
            for (int i = 0; i < encoders.Count; i++)
            {
                LibTiffLog.CloseQuietly(readers?[i], encoders[i].Path);
                if (!encoders[i].Closed)
                {
                    encoders[i].Closed = true;
                    LibTiffLog.CloseQuietly(encoders[i].Tif, encoders[i].Path);
                }
            }

            readers = null;
        }
    }

    private static byte[] ReadTables(Tiff tif) =>
        tif.GetField(TiffTag.JPEGTABLES)?[1].GetBytes()
            ?? throw new InvalidOperationException("scratch TIFF has no JPEGTables");

    private Encoder NewEncoder()
    {
        lock (encoders)
        {
            if (encoders.Count == ushort.MaxValue)
            {
                throw new InvalidOperationException("too many concurrent tile writers");
            }

            var number = (ushort)(encoders.Count + 1);
            string path = System.IO.Path.Combine(folder, $"level{Level.Index}-{number}.tif");

            // scratch files are always BigTIFF: one encoder may receive most of a large level
            var tif = LibTiffLog.Open(path, "w8");
            SvsTiffPages.SetJpegTags(tif, Level.Width, Level.Height, Level.TileSize, quality,
                Subsampling);
            var encoder = new Encoder(tif, path, number);
            encoders.Add(encoder);
            return encoder;
        }
    }

    private sealed class Encoder(Tiff tif, string path, ushort number)
    {
        public Tiff Tif { get; } = tif;

        public string Path { get; } = path;

        public ushort Number { get; } = number;

        public bool Closed { get; set; }
    }
}
