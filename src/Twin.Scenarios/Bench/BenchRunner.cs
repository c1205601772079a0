using Twin.Optics.Compute;

namespace Twin.Scenarios.Bench;

/// <summary>
/// Runs every measurement of <c>gt450twin bench</c> in one go: end-to-end rendering (tissue
/// synthesis included), image formation on each backend present, and libvips blur + JPEG on
/// the same number of pixels of the same (rendered) content, timed in alternation with each
/// backend so both see the same machine load.
/// </summary>
public static class BenchRunner
{
    /// <summary>Measures; <paramref name="log"/> receives one line per step for people.</summary>
    public static IReadOnlyList<BenchFigure> Run(BenchOptions options, Action<string> log)
    {
        var figures = new List<BenchFigure>
        {
            new("machine.cores", Environment.ProcessorCount, "count"),
            // the minute before the bench's own work: how busy other jobs kept the machine
            new("machine.loadAverage", BenchTiming.LoadAverage(), "runnable"),
        };
        var bench = new RenderBench(options);
        double mpx = bench.BlockMpx;
        log($"block of {options.TilesPerSide}×{options.TilesPerSide} tiles of "
            + $"{options.TilePx} px at 40x ({mpx:0.00} Mpx), 4 µm dense tumour");
        double sigma = bench.MeanSigmaPx();
        log($"libvips {LibvipsBench.Version()}: gaussblur σ = {sigma:0.00} px (the render's "
            + $"mean), 3σ kernel, then JPEG Q{options.JpegQuality}");
        figures.Add(new("libvips.blurJpeg.sigmaPx", sigma, "px"));
        figures.Add(new("render.blurPlanesPerPx", bench.PlanesPerPixel, "count"));
        var backends = new List<string> { "cpu" };
        if (RenderBackends.GpuPresent())
        {
            backends.Add("gpu");
        }
        else
        {
            log("backend gpu: none present (ILGPU sees no CUDA or OpenCL device)");
        }

        log("backend ilgpu-cpu: not timed (ILGPU's CPU emulator, ~700x slower, for tests)");

        foreach (string name in backends)
        {
            using var backend = RenderBackends.Create(name);
            log($"backend {backend.Description}");
            double warmS = options.SecondsPerMeasurement / 3;
            if (name == "cpu")
            {
                double first = bench.FirstPassMpxPerSec(backend);
                figures.Add(new("render.cpu.firstPass.mpxPerSec", first, "Mpx/s"));
                log($"  first pass of the process (compiler warming up): {first:0.00} Mpx/s");
                BenchTiming.WarmUp(() => bench.FreshPass(backend), seconds: warmS);
                double fresh = mpx / BenchTiming.MedianSeconds(
                    () => bench.FreshPass(backend), () => { },
                    options.SecondsPerMeasurement).First;
                figures.Add(new("render.cpu.endToEnd.mpxPerSec", fresh, "Mpx/s"));
                log($"  end to end, tissue synthesis included: {fresh:0.00} Mpx/s");
            }

            // warm-up: optimised JIT code or kernel compilation, cache filled
            BenchTiming.WarmUp(() => bench.RenderPass(backend), seconds: warmS);
            byte[] block = bench.Block;
            BenchTiming.WarmUp(
                () => LibvipsBench.BlurJpeg(block, bench.BlockPx, sigma, options.JpegQuality),
                seconds: warmS);
            var (render, vips) = BenchTiming.MedianSeconds(
                () => bench.RenderPass(backend),
                () => LibvipsBench.BlurJpeg(block, bench.BlockPx, sigma, options.JpegQuality),
                options.SecondsPerMeasurement);
            double renderRate = mpx / render;
            double vipsRate = mpx / vips;
            // libvips is timed anew beside each backend; beside cpu it is the headline figure
            string vipsName = name == "cpu" ? "libvips.blurJpeg.mpxPerSec"
                : $"libvips.blurJpeg.beside{Capital(name)}.mpxPerSec";
            figures.Add(new($"render.{name}.mpxPerSec", renderRate, "Mpx/s"));
            figures.Add(new(vipsName, vipsRate, "Mpx/s"));
            figures.Add(new($"render.{name}ToLibvips.ratio", renderRate / vipsRate, "ratio"));
            // per blurred plane: the render blurs slices × 3 planes per pixel, libvips 3
            figures.Add(new($"render.{name}.planeMpxPerSec",
                renderRate * bench.PlanesPerPixel, "Mplane-px/s"));
            if (name == "cpu")
            {
                figures.Add(new("libvips.blurJpeg.planeMpxPerSec", vipsRate * 3, "Mplane-px/s"));
            }
            log($"  image formation {renderRate:0.00} Mpx/s; libvips blur + JPEG "
                + $"{vipsRate:0.00} Mpx/s; ratio {renderRate / vipsRate:0.00}");
        }

        return figures;
    }

    private static string Capital(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
