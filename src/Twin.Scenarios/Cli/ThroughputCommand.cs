using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Twin.Mechanics.Timing;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Throughput;

namespace Twin.Scenarios.Cli;

/// <summary>
/// <c>gt450twin throughput [SCENARIO] [--out DIR]</c>: the timing-only model. Every slide's time
/// budget comes from its tissue area and effective magnification through the mechanics model;
/// the racks then run through the carousel simulation, with each file streaming to the
/// converter and storage, under every configuration the report compares (40x vs 20x, ANS
/// rescan rates, z-stack layers on several networks). Prints tables; writes
/// <c>throughput.json</c>, <c>throughput.csv</c>, <c>throughput-slides.csv</c> and PNG plots.
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
            Description = "Output folder for throughput.json, throughput.csv and the plots",
            DefaultValueFactory = _ => "out",
        };
        var command = new Command("throughput",
            "Timing-only model: slides/hour by magnification, ANS rescans, z-stack and network")
        {
            scenarioArg, outOpt,
        };
        command.SetAction(parse => Run(parse.GetValue(scenarioArg), parse.GetValue(outOpt)!));
        return command;
    }

    /// <summary>Runs the command; returns the process exit code.</summary>
    /// <param name="path">Scenario file, or null for the embedded demo rack.</param>
    /// <param name="outDir">Output folder.</param>
    public static int Run(string? path, string outDir)
    {
        if (path is not null && path.StartsWith('-'))
        {
            Console.Error.WriteLine(
                $"error: unknown option '{path}' (see gt450twin throughput --help)");
            return ExitCodes.BadInput;
        }

        ThroughputScenario ts;
        try
        {
            ts = ThroughputScenarioLoader.Load(path);
            Running.ScanRunner.Preflight(ts.Scenario);
            if (OutputFolder.Check(outDir,
                [.. ThroughputReport.OutputFiles, .. ThroughputPlots.FileNames]) is { } problem)
            {
                Console.Error.WriteLine("error: " + problem);
                return ExitCodes.BadInput;
            }
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine("error: " + error);
            }

            return ExitCodes.BadInput;
        }

        var study = ThroughputStudy.Default;
        IReadOnlyList<VariantResult> results;
        var watch = Stopwatch.StartNew();
        try
        {
            // the first call pays for JIT compilation; the second is the model's own cost
            ThroughputVariant scenarioVariant = ThroughputStudy.Variants(ts)[0];
            study.Run(ts, scenarioVariant);
            double coldMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            study.Run(ts, scenarioVariant);
            double warmMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            results = study.Run(ts);
            double allMs = watch.Elapsed.TotalMilliseconds;
            ThroughputTable.Print(AnsiConsole.Console, ts, results);
            int slides = results[0].Slides.Count;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timing: the scenario's run of {slides} slides {warmMs:0.0} ms "
                + $"({coldMs:0.0} ms on first call, with JIT); all {results.Count} "
                + $"configurations {allMs:0.0} ms"));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            var files = ThroughputReport.Write(outDir, ts, results, MechanicsParameters.Default)
                .Concat(ThroughputPlots.Write(outDir, results, ts.Settings.AnsRescanRate))
                .ToList();
            AnsiConsole.MarkupLine("written: " + Markup.Escape(string.Join(", ", files)));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
