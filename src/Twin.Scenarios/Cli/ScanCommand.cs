using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Model;
using Twin.Scenarios.Reports;
using Twin.Scenarios.Running;

namespace Twin.Scenarios.Cli;

/// <summary><c>gt450twin scan [SCENARIO] [--out DIR] [--seed N]</c>: the main job.</summary>
public static class ScanCommand
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
            Description = "Output folder for the .svs files and reports",
            DefaultValueFactory = _ => "out",
        };
        var seedOpt = SeedOption.Create();
        var deviceOpt = new Option<string>("--device")
        {
            Description = "Compute backend for rendering: cpu, gpu or auto (a GPU when present)",
            DefaultValueFactory = _ => "auto",
        };
        var command = new Command("scan", "Scan a scenario's racks into SVS files and a report")
        {
            scenarioArg, outOpt, seedOpt, deviceOpt,
        };
        command.SetAction(parse => Run(parse.GetValue(scenarioArg), parse.GetValue(outOpt)!,
            parse.GetValue(seedOpt), parse.GetValue(deviceOpt)!));
        return command;
    }

    /// <summary>Loads a scenario (or the embedded demo) and applies a seed override.</summary>
    public static Scenario Load(string? path, ulong? seed)
    {
        var scenario = path is null ? ScenarioReader.LoadEmbeddedDemo() : ScenarioReader.Load(path);
        return seed is { } s ? scenario with { Seed = s } : scenario;
    }

    private static int Run(string? path, string outDir, ulong? seed, string device)
    {
        if (path is not null && path.StartsWith('-'))
        {
            Console.Error.WriteLine($"error: unknown option '{path}' (see gt450twin scan --help)");
            return ExitCodes.BadInput;
        }

        Scenario scenario;
        try
        {
            scenario = Load(path, seed);
            ScanRunner.Preflight(scenario);
        }
        catch (ScenarioException e)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine,
                e.Errors.Select(x => "error: " + x)));
            return ExitCodes.BadInput;
        }

        // every option is checked before the output folder is created
        Twin.Optics.Compute.IRenderBackend backend;
        try
        {
            backend = Twin.Optics.Compute.RenderBackends.Create(device);
        }
        catch (Twin.Optics.Compute.ComputeDeviceException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        using var backendScope = backend;
        if (OutputFolder.Check(outDir, ScanRunner.OutputFiles(scenario)) is { } problem)
        {
            Console.Error.WriteLine("error: " + problem);
            return ExitCodes.BadInput;
        }

        var runner = new ScanRunner(new Twin.Scanner.Session.ScanSessionOptions
        {
            Backend = backend,
        });
        using var cts = new CancellationTokenSource();
        // SIGTERM (kill, a container stop) cancels as cleanly as Ctrl-C does
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
            {
                ctx.Cancel = true;
                cts.Cancel();
            });
        ConsoleCancelEventHandler onCancel = (_, args) =>
        {
            args.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var watch = Stopwatch.StartNew();
        try
        {
            int count = scenario.Racks.Sum(r => r.Slides.Count);
            Console.Error.WriteLine($"gt450twin scan: {scenario.Name} ({scenario.Source}), "
                + $"{count} slides, seed {scenario.Seed}, device {backend.Description}, "
                + $"output {outDir}");
            RunReport report = Console.IsErrorRedirected || Console.IsOutputRedirected
                ? RunPlain(runner, scenario, outDir, cts.Token)
                : RunWithProgress(runner, scenario, outDir, cts.Token);
            Summary.Print(report, outDir, watch.Elapsed);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled: no partial file was left under a final name");
            return ExitCodes.Cancelled;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static RunReport RunPlain(
        ScanRunner runner, Scenario scenario, string outDir, CancellationToken cancel)
    {
        var hooks = new ScanRunner.Hooks
        {
            SlideStarted = (i, n, id) => Console.Error.WriteLine($"[{i + 1}/{n}] {id} ..."),
            SlideFinished = (i, r) => Console.Error.WriteLine(
                $"[{i + 1}] {r.Id}: {r.Status}" + (r.File is null ? "" : $" -> {r.File}")),
        };
        return runner.Run(scenario, outDir, hooks, cancel);
    }

    private static RunReport RunWithProgress(
        ScanRunner runner, Scenario scenario, string outDir, CancellationToken cancel)
    {
        RunReport? report = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<int, ProgressTask>();
                var all = scenario.Racks.SelectMany(r => r.Slides).ToList();
                for (int i = 0; i < all.Count; i++)
                {
                    tasks[i] = ctx.AddTask(Markup.Escape(all[i].Id), autoStart: false,
                        maxValue: 1.0);
                }

                var hooks = new ScanRunner.Hooks
                {
                    SlideStarted = (i, _, _) => tasks[i].StartTask(),
                    SlideProgress = (i, f) => tasks[i].Value = f,
                    SlideFinished = (i, r) =>
                    {
                        tasks[i].Value = 1.0;
                        tasks[i].StopTask();
                    },
                };
                report = runner.Run(scenario, outDir, hooks, cancel);
            });
        return report!;
    }
}
