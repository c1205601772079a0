using System.CommandLine;
using System.Globalization;
using Twin.Optics.Compute;
using Twin.Optics.Imaging;
using Twin.Optics.Psf;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;

namespace Twin.Scenarios.Cli;

/// <summary>
/// <c>gt450twin render [--out DIR]</c>: a gallery of PNG tiles, one per tissue kind,
/// magnification and focal height (in focus at mid-section, and 1 and 2 µm below and above),
/// for people to look at what the optics model does.
/// </summary>
public static class RenderCommand
{
    /// <summary>Focal heights from mid-section, µm (positive: towards the coverslip).</summary>
    public static IReadOnlyList<double> DefocusUm { get; } = [2.0, -2.0, -1.0, 0.0, 1.0];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var outOpt = new Option<string>("--out")
        {
            Description = "Output folder (PNGs go into its render/ subfolder)",
            DefaultValueFactory = _ => "out",
        };
        var deviceOpt = new Option<string>("--device")
        {
            Description = "Compute backend: cpu, gpu or auto",
            DefaultValueFactory = _ => "auto",
        };
        var sizeOpt = new Option<int>("--size")
        {
            Description = "Tile edge, pixels",
            DefaultValueFactory = _ => 512,
        };
        var seedOpt = new Option<ulong>("--seed")
        {
            Description = "Tissue seed",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("render",
            "PNG gallery: every tissue kind at 20x and 40x, in focus and ±1, ±2 µm")
        {
            outOpt, deviceOpt, sizeOpt, seedOpt,
        };
        command.SetAction(parse => Run(parse.GetValue(outOpt)!, parse.GetValue(deviceOpt)!,
            parse.GetValue(sizeOpt), parse.GetValue(seedOpt)));
        return command;
    }

    /// <summary>The gallery file name of one tile, for example dense-tumour-40x-z+1.png.</summary>
    public static string FileName(TissueKind kind, ObjectiveModel objective, double defocusUm) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{kind.Name}-{objective.AppMag}x-z{(defocusUm > 0 ? "+" : "")}{defocusUm:0.#}.png");

    private static int Run(string outDir, string device, int size, ulong seed)
    {
        if (size is < 16 or > 4096)
        {
            Console.Error.WriteLine($"error: --size {size} px is outside 16..4096");
            return ExitCodes.BadInput;
        }

        IRenderBackend backend;
        try
        {
            backend = RenderBackends.Create(device);
        }
        catch (ComputeDeviceException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        using (backend)
        {
            string folder = Path.Combine(outDir, "render");
            var jobs = TissueKinds.All.SelectMany(kind =>
                new[] { ObjectiveModel.Forty, ObjectiveModel.Twenty }.Select(o => (kind, o)))
                .ToList();
            var names = jobs.SelectMany(job => DefocusUm.Select(dz => FileName(job.kind, job.o,
                dz)));
            if ((OutputFolder.Check(outDir) ?? OutputFolder.Check(folder, names)) is { } problem)
            {
                Console.Error.WriteLine("error: " + problem);
                return ExitCodes.BadInput;
            }

            Console.WriteLine($"rendering on {backend.Description} into {folder}");
            try
            {
                Parallel.ForEach(jobs, job => RenderKind(job.kind, job.o, size, seed, backend,
                    folder));
            }
            catch (AggregateException e) when (e.Flatten().InnerExceptions
                .FirstOrDefault(x => x is IOException or UnauthorizedAccessException) is { } io)
            {
                Console.Error.WriteLine("error: " + io.Message);
                return ExitCodes.Failure;
            }
        }

        return ExitCodes.Ok;
    }

    private static void RenderKind(
        TissueKind kind, ObjectiveModel objective, int size, ulong seed, IRenderBackend backend,
        string folder)
    {
        // a 2 mm section, the tile at its centre; the cache synthesises the tissue once for all
        // five heights (the most defocused first: its halo holds the others')
        const double sectionUm = 2000;
        var volume = new RegionCache(
            new ProceduralTissueVolume(kind, sectionUm, sectionUm, kind.ThicknessUm, seed), 2);
        var former = new ImageFormer(volume, objective, SensorModel.Default, backend: backend);
        double origin = (sectionUm - (size * objective.PixelSizeUm)) / 2;
        var image = new RgbImage(size, size);
        foreach (double dz in DefocusUm)
        {
            former.RenderTile(origin, origin, size, size, (kind.ThicknessUm / 2) + dz, seed,
                image.Pixels);
            string path = Path.Combine(folder, FileName(kind, objective, dz));
            // temporary name, then renamed: a cancelled run leaves no half-written PNG
            Reports.ReportWriter.WriteAtomic(path, ImageCodec.EncodePng(image));
            Console.WriteLine(path);
        }
    }
}
