using System.Diagnostics;
using NetVips;
using Twin.Optics.Imaging;
using Twin.Scanner.Files;
using Twin.Scanner.Files.Dicom;

namespace Twin.Scenarios.Bench;

/// <summary>
/// Times our SVS writer against libvips on the same pixels in the same run: the image goes
/// through <see cref="SvsWriter"/> as 256 px tiles from all cores (a scanner delivers tiles),
/// and through libvips' tiffsave as one in-memory raster (tiled 256 px, pyramid, JPEG at the
/// same quality). Throughput is level-0 megapixels per second of wall time, file written and
/// closed. Files go to a scratch folder that is deleted afterwards.
/// </summary>
/// <remarks>
/// The two are not doing identical work: the SVS also carries a thumbnail page and an Aperio
/// description, and libvips builds its pyramid by halving (more levels) where the SVS quarters.
/// At quality 90 and above libvips stores JPEG tiles as RGB without chroma subsampling (larger
/// files), so a second libvips run ("420") uses quality 89 at most, where it writes YCbCr 4:2:0
/// as the SVS does. The DICOM writer's figures (same tiles, one file per level, frames encoded
/// by libjpeg-turbo through SkiaSharp) come last, for comparison.
/// Timings depend on the machine; the ratio is the figure to compare across machines.
/// </remarks>
public static class SvsBench
{
    /// <summary>
    /// Figure names, in the order <see cref="Run(RgbImage, int, string?)"/> returns them.
    /// </summary>
    public static IReadOnlyList<string> FigureNames { get; } =
    [
        "svs.write.mpxPerSec", "libvips.tiffsave.mpxPerSec", "svs.toLibvips.ratio",
        "libvips.tiffsave420.mpxPerSec", "svs.toLibvips420.ratio", "svs.write.seconds",
        "libvips.tiffsave.seconds", "svs.file.mbytes", "libvips.file.mbytes",
        "libvips420.file.mbytes", "dicom.write.mpxPerSec", "dicom.files.mbytes", "image.mpx",
    ];

    /// <summary>
    /// Benchmarks a synthetic, textured <paramref name="width"/> × <paramref name="height"/> px
    /// image (default 8192 × 6144, 50 Mpx) at JPEG quality <paramref name="jpegQuality"/>.
    /// </summary>
    public static IReadOnlyList<(string Name, double Value, string Unit)> Run(
        int width = 8192, int height = 6144, int jpegQuality = 91, string? scratchFolder = null)
    {
        if (width < 256 || height < 256 || (long)width * height > 1L << 31)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width),
                $"image {width} x {height} px is out of range; each side at least 256 px, "
                    + "at most 2^31 px in all");
        }

        return Run(SvsBenchImage.Textured(width, height), jpegQuality, scratchFolder);
    }

    /// <summary>
    /// Benchmarks <paramref name="image"/> (for example rendered tiles pasted together) at JPEG
    /// quality <paramref name="jpegQuality"/>, in <paramref name="scratchFolder"/> (default:
    /// the system's temporary folder). Returns (name, value, unit) figures.
    /// </summary>
    public static IReadOnlyList<(string Name, double Value, string Unit)> Run(
        RgbImage image, int jpegQuality = 91, string? scratchFolder = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (jpegQuality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(jpegQuality),
                $"jpegQuality = {jpegQuality} is out of range; allowed 1..100");
        }

        string folder = Path.Combine(
            scratchFolder ?? Path.GetTempPath(), $"gt450twin-bench-{Path.GetRandomFileName()}");
        Directory.CreateDirectory(folder);
        try
        {
            // warm both paths up (JIT, native library loading) on a small image first
            var warm = SvsBenchImage.Textured(512, 512);
            WriteSvs(warm, jpegQuality, Path.Combine(folder, "warm.svs"));
            SaveWithLibvips(warm, jpegQuality, Path.Combine(folder, "warm.tif"));
            WriteDicom(warm, jpegQuality, folder, "warm");

            var (svsSeconds, svsBytes) = WriteSvs(
                image, jpegQuality, Path.Combine(folder, "bench.svs"));
            var (vipsSeconds, vipsBytes) = SaveWithLibvips(
                image, jpegQuality, Path.Combine(folder, "bench.tif"));
            var (v420Seconds, v420Bytes) = SaveWithLibvips(
                image, Math.Min(jpegQuality, 89), Path.Combine(folder, "bench420.tif"));
            var (dicomSeconds, dicomBytes) = WriteDicom(image, jpegQuality, folder, "bench");
            double mpx = (double)image.Width * image.Height / 1e6;
            double svsRate = mpx / svsSeconds;
            double vipsRate = mpx / vipsSeconds;
            double v420Rate = mpx / v420Seconds;
            return
            [
                ("svs.write.mpxPerSec", svsRate, "Mpx/s"),
                ("libvips.tiffsave.mpxPerSec", vipsRate, "Mpx/s"),
                ("svs.toLibvips.ratio", svsRate / vipsRate, "ratio"),
                ("libvips.tiffsave420.mpxPerSec", v420Rate, "Mpx/s"),
                ("svs.toLibvips420.ratio", svsRate / v420Rate, "ratio"),
                ("svs.write.seconds", svsSeconds, "s"),
                ("libvips.tiffsave.seconds", vipsSeconds, "s"),
                ("svs.file.mbytes", svsBytes / 1e6, "MB"),
                ("libvips.file.mbytes", vipsBytes / 1e6, "MB"),
                ("libvips420.file.mbytes", v420Bytes / 1e6, "MB"),
                ("dicom.write.mpxPerSec", mpx / dicomSeconds, "Mpx/s"),
                ("dicom.files.mbytes", dicomBytes / 1e6, "MB"),
                ("image.mpx", mpx, "Mpx"),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Seconds, long Bytes) WriteSvs(RgbImage image, int quality, string path)
    {
        var metadata = new SvsMetadata { Filename = "bench", JpegQuality = quality };
        var (tiles, columns) = CutTiles(image);
        var clock = Stopwatch.StartNew();
        using var writer = new SvsWriter(path, image.Width, image.Height, metadata);
        Parallel.For(0, tiles.Length, i => writer.WriteTile(i % columns, i / columns, tiles[i]));
        long bytes = writer.Commit();
        return (clock.Elapsed.TotalSeconds, bytes);
    }

    private static (double Seconds, long Bytes) WriteDicom(
        RgbImage image, int quality, string folder, string stem)
    {
        var metadata = new DicomWsiMetadata { SlideId = stem, JpegQuality = quality };
        var (tiles, columns) = CutTiles(image);
        var clock = Stopwatch.StartNew();
        using var writer = new DicomWsiWriter(folder, stem, image.Width, image.Height, metadata);
        Parallel.For(0, tiles.Length, i => writer.WriteTile(i % columns, i / columns, tiles[i]));
        long bytes = writer.Commit();
        return (clock.Elapsed.TotalSeconds, bytes);
    }

    // tiles are cut before the clock starts: the scanner hands the writers finished tiles
    private static (byte[][] Tiles, int Columns) CutTiles(RgbImage image)
    {
        const int size = 256;
        int columns = (image.Width + size - 1) / size;
        int rows = (image.Height + size - 1) / size;
        var tiles = new byte[columns * rows][];
        Parallel.For(0, tiles.Length, i => tiles[i] = SvsBenchImage.Tile(
            image, size, i % columns, i / columns));
        return (tiles, columns);
    }

    private static (double Seconds, long Bytes) SaveWithLibvips(
        RgbImage image, int quality, string path)
    {
        var clock = Stopwatch.StartNew();
        using (var vips = Image.NewFromMemory(
            image.Pixels, image.Width, image.Height, 3, Enums.BandFormat.Uchar))
        {
            vips.Tiffsave(
                path, compression: Enums.ForeignTiffCompression.Jpeg, q: quality, tile: true,
                tileWidth: 256, tileHeight: 256, pyramid: true);
        }

        double seconds = clock.Elapsed.TotalSeconds;
        return (seconds, new FileInfo(path).Length);
    }
}
