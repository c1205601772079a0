using System.Diagnostics;
using NUnit.Framework;
using Twin.Scanner.Files;

namespace Twin.Tests.Files;

/// <summary>
/// Measures SVS writing speed in megapixels of level 0 per second. Explicit: a measurement to
/// read, not a pass/fail test (timings depend on the machine).
/// Run: dotnet test -c Release --filter "FullyQualifiedName~SvsWriterThroughput".
/// </summary>
[TestFixture]
[Explicit("throughput measurement, not a test")]
public sealed class SvsWriterThroughput
{
    [TestCase(8192, 6144, 1, 0)]
    [TestCase(8192, 6144, 1, 20)]
    [TestCase(8192, 6144, 0, 20)]
    public void WriteTile_LargeSlide_ReportsMegapixelsPerSecond(
        int width, int height, int threads, int noise)
    {
        int workers = threads > 0 ? threads : Environment.ProcessorCount;
        var image = SyntheticSlide.Create(width, height, noise);
        string folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "Files");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"throughput-{workers}.svs");
        var metadata = new SvsMetadata { Filename = "throughput" };

        var clock = Stopwatch.StartNew();
        long bytes;
        using (var writer = new SvsWriter(path, width, height, metadata))
        {
            var tiles = SyntheticSlide.ShuffledTiles(writer, 1)
                .OrderBy(t => (t.Column, t.Row)) // stripes: column by column, as a line scanner
                .Select(t => (t.Column, t.Row, Pixels: SyntheticSlide.Tile(
                    image, metadata.TileSize, t.Column, t.Row)))
                .ToArray();
            clock.Restart();
            Parallel.ForEach(
                tiles,
                new ParallelOptions { MaxDegreeOfParallelism = workers },
                t => writer.WriteTile(t.Column, t.Row, t.Pixels));
            double tilesSeconds = clock.Elapsed.TotalSeconds;
            bytes = writer.Commit();
            double commitSeconds = clock.Elapsed.TotalSeconds - tilesSeconds;
            TestContext.Out.WriteLine($"tiles {tilesSeconds:F2} s, commit {commitSeconds:F2} s");
        }

        double seconds = clock.Elapsed.TotalSeconds;
        double mpx = (double)width * height / 1e6;
        TestContext.Out.WriteLine(
            $"{width}x{height} ({mpx:F1} Mpx, noise {noise}) with {workers} thread(s): "
                + $"{seconds:F2} s, "
                + $"{mpx / seconds:F1} Mpx/s, file {bytes / 1e6:F1} MB");
        File.Delete(path);
    }
}
