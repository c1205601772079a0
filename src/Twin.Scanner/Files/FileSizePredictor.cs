using System.Globalization;
using Twin.Optics.Imaging;

namespace Twin.Scanner.Files;

/// <summary>
/// Predicts, before a scan, the size of the SVS file <see cref="SvsWriter"/> will write, by
/// really rendering and encoding a deterministic sample of the slide's tiles: level-0 tiles
/// spread over the image (stratified: one from each equal run of tiles in raster order), and
/// a few first-reduced-level tiles built from 4 × 4 rendered tiles, box-averaged as the writer
/// does, chosen over level-0 samples at evenly spaced quantiles of their encoded size so that
/// glass and dense tissue are both represented.
/// Mean encoded bytes × tile counts gives the pyramid; the thumbnail, label, macro and TIFF
/// structure are added from their sizes, not guessed.
/// </summary>
// LIMITATION: levels below the first reduced one are taken to compress like it (not sampled).
public static class FileSizePredictor
{
    // a TIFF directory: entry count, ~20 entries of 12 bytes, next-directory offset
    private const int DirectoryBytes = 2 + (20 * 12) + 4;

    /// <summary>
    /// Predicts the SVS size at 40x and at 20x (in that order) of a scanned area
    /// <paramref name="areaWidthUm"/> × <paramref name="areaHeightUm"/> µm: each image is the
    /// area in whole tiles across and whole stripes down, as a scan pass sizes it.
    /// </summary>
    public static IReadOnlyList<FileSizePrediction> PredictFortyAndTwenty(
        double areaWidthUm, double areaHeightUm, TileRenderer render,
        FileSizePredictorOptions? options = null, RgbImage? label = null,
        RgbImage? macro = null)
    {
        var o = options ?? FileSizePredictorOptions.Default;
        SvsGuard.InRange(areaWidthUm, 0, 1e6, "areaWidthUm", " µm", nameof(areaWidthUm));
        SvsGuard.InRange(areaHeightUm, 0, 1e6, "areaHeightUm", " µm", nameof(areaHeightUm));
        Validate(o, nameof(options));
        return [.. new[] { (40, o.MicronsPerPixel40), (20, o.MicronsPerPixel20) }.Select(m =>
            Predict(
                m.Item1,
                ImageSidePx(areaWidthUm, m.Item2, o.TileSize),
                ImageSidePx(areaHeightUm, m.Item2, o.StripePx),
                render, o, label, macro))];
    }

    /// <summary>
    /// Pixels an extent of <paramref name="extentUm"/> µm takes at
    /// <paramref name="micronsPerPixel"/>, rounded up to a multiple of
    /// <paramref name="roundToPx"/>.
    /// </summary>
    public static int ImageSidePx(double extentUm, double micronsPerPixel, int roundToPx)
    {
        double units = Math.Ceiling(extentUm / (micronsPerPixel * roundToPx) - 1e-9);
        return checked((int)Math.Max(1, units) * roundToPx);
    }

    /// <summary>
    /// Predicts the SVS size of a <paramref name="widthPx"/> × <paramref name="heightPx"/>
    /// level-0 image at <paramref name="appMag"/> whose tile at (x, y) µm is what
    /// <paramref name="render"/> gives. <paramref name="label"/> and <paramref name="macro"/>
    /// are the associated images the file will carry, if any.
    /// </summary>
    /// <exception cref="ArgumentException">A size or option is out of range.</exception>
    public static FileSizePrediction Predict(
        int appMag, int widthPx, int heightPx, TileRenderer render,
        FileSizePredictorOptions? options = null, RgbImage? label = null,
        RgbImage? macro = null)
    {
        var o = options ?? FileSizePredictorOptions.Default;
        ArgumentNullException.ThrowIfNull(render);
        Validate(o, nameof(options));
        if (appMag != 20 && appMag != 40)
        {
            throw new ArgumentOutOfRangeException(
                nameof(appMag), Invariant($"appMag = {appMag} is out of range; allowed 20 or 40"));
        }

        SvsGuard.InRange(widthPx, 1, SvsWriter.MaxSidePx, "widthPx", " px", nameof(widthPx));
        SvsGuard.InRange(heightPx, 1, SvsWriter.MaxSidePx, "heightPx", " px", nameof(heightPx));

        double mpp = appMag == 40 ? o.MicronsPerPixel40 : o.MicronsPerPixel20;
        var levels = PyramidLevel.Plan(widthPx, heightPx, o.TileSize);
        var sampler = new TileSampler(levels[0], mpp, render, appMag);
        ulong seed = o.Seed ^ ((ulong)appMag << 56);
        int[] picks0 = Pick(levels[0].TileCount, o.SampleTiles, seed);
        var rendered = Render(sampler, picks0, new Dictionary<int, byte[]>());
        int reducedCount = levels.Count > 1
            ? Math.Min(o.ReducedSampleTiles, levels[1].TileCount) : 0;
        using var sizer = new SvsJpegSizer(o.TileSize, o.JpegQuality, picks0.Length + reducedCount);
        long[] sizes0 = [.. picks0.Select(i => sizer.TileBytes(rendered[i]))];
        double mean0 = sizes0.Average();
        double mean1 = mean0;
        if (reducedCount > 0)
        {
            int[] picks1 = PickReduced(levels[0], levels[1], picks0, sizes0, reducedCount);
            Render(sampler, [.. picks1.SelectMany(i => sampler.Sources(levels[1], i))], rendered);
            mean1 = picks1.Average(i => (double)sizer.TileBytes(
                sampler.Reduce(levels[1], i, rendered)));
        }

        int reducedTiles = levels.Skip(1).Sum(l => l.TileCount);
        var thumbnail = new ThumbnailBuilder(levels[0]);
        long thumbnailBytes = (long)Math.Round(
            mean1 * thumbnail.Width * thumbnail.Height / (o.TileSize * (double)o.TileSize));
        long associated = (label is null ? 0 : sizer.StrippedLzwPageBytes(label))
            + (macro is null ? 0 : sizer.StrippedJpegPageBytes(macro));
        long level0Bytes = (long)Math.Round(mean0 * levels[0].TileCount);
        long reducedBytes = (long)Math.Round(mean1 * reducedTiles);
        long data = level0Bytes + reducedBytes + thumbnailBytes + associated;
        long structure = Structure(
            levels, appMag, mpp, o, sizer.JpegTablesBytes, data > SvsWriter.BigTiffThresholdBytes);
        return new FileSizePrediction
        {
            AppMag = appMag,
            WidthPx = widthPx,
            HeightPx = heightPx,
            Levels = levels.Count,
            Level0Tiles = levels[0].TileCount,
            ReducedTiles = reducedTiles,
            SampledTiles = picks0.Length,
            SampledReducedTiles = reducedCount,
            MeanTileBytes = mean0,
            MeanReducedTileBytes = mean1,
            Level0Bytes = level0Bytes,
            ReducedBytes = reducedBytes,
            ThumbnailBytes = thumbnailBytes,
            AssociatedBytes = associated,
            StructureBytes = structure,
        };
    }

    /// <summary>
    /// <paramref name="count"/> distinct tile indices out of <paramref name="total"/>, one
    /// from each of <paramref name="count"/> equal runs, placed by a hash of the seed (all
    /// tiles when there are not more than asked).
    /// </summary>
    internal static int[] Pick(int total, int count, ulong seed)
    {
        if (count >= total)
        {
            return [.. Enumerable.Range(0, total)];
        }

        var picks = new int[count];
        for (int k = 0; k < count; k++)
        {
            long lo = (long)k * total / count;
            long hi = (long)(k + 1) * total / count;
            picks[k] = (int)(lo + (long)(Mix(seed + (ulong)k) % (ulong)(hi - lo)));
        }

        return picks;
    }

    // renders the tiles not rendered yet, in parallel, into the map
    private static Dictionary<int, byte[]> Render(
        TileSampler sampler, int[] indices, Dictionary<int, byte[]> rendered)
    {
        int[] missing = [.. indices.Distinct().Where(i => !rendered.ContainsKey(i)).Order()];
        var tiles = new byte[missing.Length][];
        Parallel.For(0, missing.Length, k => tiles[k] = sampler.Level0(missing[k]));
        for (int k = 0; k < missing.Length; k++)
        {
            rendered[missing[k]] = tiles[k];
        }

        return rendered;
    }

    // the reduced tiles over the level-0 samples at evenly spaced quantiles of encoded size
    // (then over the others, smallest first), so that glass and dense tissue are both there
    private static int[] PickReduced(
        PyramidLevel level0, PyramidLevel level1, int[] picks0, long[] sizes0, int count)
    {
        int[] bySize = [.. Enumerable.Range(0, picks0.Length)
            .OrderBy(k => sizes0[k]).ThenBy(k => picks0[k])];
        var quantiles = Enumerable.Range(0, count)
            .Select(q => bySize[(int)(((2L * q) + 1) * bySize.Length / (2L * count))]);
        var chosen = new List<int>(count);
        foreach (int k in quantiles.Concat(bySize))
        {
            int f = PyramidLevel.Factor;
            int c = Math.Min(picks0[k] % level0.TileColumns / f, level1.TileColumns - 1);
            int r = Math.Min(picks0[k] / level0.TileColumns / f, level1.TileRows - 1);
            int index = (r * level1.TileColumns) + c;
            if (!chosen.Contains(index))
            {
                chosen.Add(index);
            }

            if (chosen.Count == count)
            {
                break;
            }
        }

        return [.. chosen];
    }

    // SplitMix64 finaliser: a well-mixed 64-bit hash of the input
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // header, then per tiled level its directory, description, JPEG tables and tile tables
    // (offset and byte count per tile: 4 + 4 bytes, or 8 + 8 in BigTIFF), and the thumbnail's
    private static long Structure(
        IReadOnlyList<PyramidLevel> levels, int appMag, double mpp, FileSizePredictorOptions o,
        int tablesBytes, bool bigTiff)
    {
        var m = new SvsMetadata
        {
            AppMag = appMag, MicronsPerPixel = mpp, JpegQuality = o.JpegQuality,
            TileSize = o.TileSize,
        };
        var l0 = levels[0];
        int full = SvsDescription.ForLevel0(m, l0.Width, l0.Height).Length + 1;
        long total = bigTiff ? 16 : 8;
        foreach (var l in levels)
        {
            int description = l.Index == 0
                ? full
                : SvsDescription.ForReducedLevel(m, l0.Width, l0.Height, l.Width, l.Height)
                    .Length + 1;
            total += DirectoryBytes + description + tablesBytes
                + ((bigTiff ? 16L : 8L) * l.TileCount);
        }

        return total + DirectoryBytes + full + tablesBytes; // the thumbnail page
    }

    private static void Validate(FileSizePredictorOptions o, string paramName)
    {
        ArgumentNullException.ThrowIfNull(o, paramName);
        SvsGuard.InRange(o.SampleTiles, 1, 4096, "SampleTiles", "", paramName);
        SvsGuard.InRange(o.ReducedSampleTiles, 0, 256, "ReducedSampleTiles", "", paramName);
        SvsGuard.InRange(o.JpegQuality, 1, 100, "JpegQuality", "", paramName);
        SvsGuard.InRange(o.TileSize, 64, 2048, "TileSize", " px", paramName);
        SvsGuard.InRange(o.StripePx, o.TileSize, 1 << 16, "StripePx", " px", paramName);
        SvsGuard.InRange(o.MicronsPerPixel40, 0, 100, "MicronsPerPixel40", " µm", paramName);
        SvsGuard.InRange(o.MicronsPerPixel20, 0, 100, "MicronsPerPixel20", " µm", paramName);
        if (o.TileSize % 16 != 0 || o.StripePx % o.TileSize != 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                Invariant($"TileSize = {o.TileSize} px must be a multiple of 16 px and ")
                    + Invariant($"StripePx = {o.StripePx} px a multiple of TileSize"));
        }
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
