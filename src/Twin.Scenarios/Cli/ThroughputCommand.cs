using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using Twin.Scanner.Settings;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Reports;

namespace Twin.Scenarios.Cli;

/// <summary>
/// <c>gt450twin throughput [SCENARIO] [--out DIR]</c>: the timing-only model. Every slide's time
/// budget comes from its tissue area and effective magnification through the mechanics model;
/// the racks then run through the carousel simulation for slides per hour.
/// </summary>
public static class ThroughputCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenarioArg = new Argument<string?>("scenario")
        {
            Description = "Scenario YAML file (default: the embedded demo rack)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outOpt = new Option<string>("--out")
        {
            Description = "Output folder for throughput.json",
            DefaultValueFactory = _ => "out",
        };
        var command = new Command("throughput", "Timing-only model: slides/hour, time per slide")
        {
            scenarioArg, outOpt,
        };
        command.SetAction(parse => Run(parse.GetValue(scenarioArg), parse.GetValue(outOpt)!));
        return command;
    }

    private static int Run(string? path, string outDir)
    {
        Model.Scenario scenario;
        try
        {
            scenario = ScanCommand.Load(path, null);
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine("error: " + error);
            }

            return ExitCodes.BadInput;
        }

        var p = MechanicsParameters.Default;
        var model = new ScanTimeModel(p);
        var loads = new List<RackLoad>();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("slide", "rack", "mag", "area mm²", "scan s", "total s");
        foreach (var rack in scenario.Racks)
        {
            var mag = rack.Magnification ?? (scenario.Scanner.DefaultTo20x
                ? Magnification.Twenty : Magnification.Forty);
            double px = mag == Magnification.Forty ? 0.26 : 0.52;
            var slides = new List<RackSlide>();
            for (int i = 0; i < rack.Slides.Count; i++)
            {
                var s = rack.Slides[i];
                var budget = model.Estimate(SlideScanPlan.ForArea(s.HeightMm * 1000,
                    s.WidthMm * 1000, px, p));
                slides.Add(new RackSlide { Slot = i + 1, SlideId = s.Id, Budget = budget });
                table.AddRow(Markup.Escape(s.Id), Markup.Escape(rack.Id),
                    SettingsResolver.Label(mag), F(s.WidthMm * s.HeightMm), F(budget.ScanS),
                    F(budget.TotalS));
            }

            loads.Add(new RackLoad { RackId = rack.Id, LoadedAtS = 0, Slides = slides });
        }

        var result = new RackRunSimulator(CarouselParameters.Default).Run(loads);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{result.ScannedCount} slides in {F(result.SpanS)} s: "
            + $"{F(result.SlidesPerHour)} slides/h, utilisation {F(100 * result.Utilisation)} %");
        Directory.CreateDirectory(outDir);
        var json = JsonSerializer.Serialize(new
        {
            scenario = scenario.Name,
            slidesPerHour = Math.Round(result.SlidesPerHour, 2),
            spanSeconds = Math.Round(result.SpanS, 2),
            utilisation = Math.Round(result.Utilisation, 4),
            slides = result.Slides.Select(s => new
            {
                id = s.SlideId, rack = s.RackId, startS = Math.Round(s.StartS, 2),
                endS = Math.Round(s.EndS, 2), waitS = Math.Round(s.WaitS, 2),
                status = s.Status.ToString(),
            }),
        }, new JsonSerializerOptions { WriteIndented = true });
        ReportWriter.WriteAtomic(Path.Combine(outDir, "throughput.json"), json + "\n");
        return ExitCodes.Ok;
    }

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
