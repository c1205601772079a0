using System.Diagnostics;
using Twin.Scanner.Files;

namespace Twin.Scenarios.Bench;

/// <summary>
/// Writes a whole 15 mm × 15 mm area at 40x (57,693 px square, about 3.3 gigapixels) through
/// the SVS writer, tiles streamed stripe by stripe as a scan delivers them, to show that memory
/// stays bounded: reports the seconds, the file size and the peak working set.
/// </summary>
/// <remarks>
/// The tiles are a cheap synthetic texture, not rendered tissue: rendering 3.3 gigapixels of
/// tissue takes far longer than the file writing this measures.
/// </remarks>
public static class FullSlideSvsBench
{
    /// <summary>Runs the measurement, writing into (and then deleting) a scratch folder.</summary>
    public static IReadOnlyList<BenchFigure> Run(string scratchFolder, Action<string> log)
    {
        Directory.CreateDirectory(scratchFolder);
        string path = Path.Combine(scratchFolder, "full-slide.svs");
        int side = (int)Math.Ceiling(15000 / 0.26);
        var watch = Stopwatch.StartNew();
        long peak = 0;
        long bytes;
        using (var writer = new SvsWriter(path, side, side, new SvsMetadata
        {
            AppMag = 40, MicronsPerPixel = 0.26, StripeWidthPx = 4096,
        }))
        {
            int columns = writer.TileColumns;
            int rows = writer.TileRows;
            for (int r0 = 0; r0 < rows; r0 += 16)
            {
                Parallel.For(0, columns, c =>
                {
                    var tile = new byte[256 * 256 * 3];
                    for (int r = r0; r < Math.Min(rows, r0 + 16); r++)
                    {
                        for (int i = 0; i < tile.Length; i++)
                        {
                            tile[i] = (byte)(128 + (60 * Math.Sin(((c * 256) + (i / 3 % 256))
                                * 0.05)) + (((i * 7919) + (r * 31)) % 23));
                        }

                        writer.WriteTile(c, r, tile);
                    }
                });
                peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
                log($"full slide: stripe {(r0 / 16) + 1} of {(rows + 15) / 16}");
            }

            bytes = writer.Commit();
        }

        double seconds = watch.Elapsed.TotalSeconds;
        peak = Math.Max(peak, Process.GetCurrentProcess().PeakWorkingSet64);
        File.Delete(path);
        return
        [
            new("svs.fullSlide40x.gigapixels", (double)side * side / 1e9, "Gpx"),
            new("svs.fullSlide40x.seconds", seconds, "s"),
            new("svs.fullSlide40x.fileGbytes", bytes / 1e9, "GB"),
            new("svs.fullSlide40x.peakWorkingSetMbytes", peak / 1e6, "MB"),
        ];
    }
}
