using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Sweeps;

namespace Twin.Scenarios.Cli;

/// <summary>
/// <c>gt450twin sweep SWEEP [--out DIR] [--seed N]</c>: a seeded slide population against a
/// list of ANS thresholds and algorithms, to sweep.csv, slides.csv, sweep.json and plots.
/// </summary>
public static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sweepArg = new Argument<string>("sweep")
        {
            Description = "Sweep YAML file, for example scenarios/ans-threshold-sweep.yaml",
        };
        var outOpt = new Option<string>("--out")
        {
            Description = "Output folder for sweep.csv, slides.csv, sweep.json and the plots",
            DefaultValueFactory = _ => "out",
        };
        var seedOpt = SeedOption.Create("the sweep file's");
        var command = new Command("sweep",
            "Tilt-threshold sweep: a seeded slide population against ANS thresholds and "
            + "algorithms, to CSV and plots")
        {
            sweepArg, outOpt, seedOpt,
        };
        command.SetAction(parse => Run(parse.GetValue(sweepArg)!, parse.GetValue(outOpt)!,
            parse.GetValue(seedOpt)));
        return command;
    }

    /// <summary>
    /// Reads and validates a sweep file, printing each error (file, line and rule) to standard
    /// error; returns null when it is not usable.
    /// </summary>
    internal static SweepSpec? TryLoad(string path)
    {
        try
        {
            return SweepReader.Load(path);
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine("error: " + error);
            }

            return null;
        }
    }

    internal static int Run(string path, string outDir, ulong? seed)
    {
        if (TryLoad(path) is not { } spec)
        {
            return ExitCodes.BadInput;
        }

        spec = seed is { } s ? spec with { Seed = s } : spec;
        if (OutputFolder.Check(outDir, SweepWriter.OutputFiles) is { } problem)
        {
            Console.Error.WriteLine("error: " + problem);
            return ExitCodes.BadInput;
        }

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, args) =>
        {
            args.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var watch = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        try
        {
            Console.Error.WriteLine($"gt450twin sweep: {spec.Name} ({spec.Source}), "
                + $"{spec.Slides} slides x {spec.ThresholdsDeg.Count} thresholds, focus "
                + $"{string.Join("+", spec.FocusAlgorithms)}, ANS "
                + $"{string.Join("+", spec.AnsAlgorithms)}, seed {spec.Seed}, "
                + $"{Environment.ProcessorCount} cores, output {outDir}");
            var runner = new SweepRunner();
            SlideOutcome[][] outcomes = Console.IsErrorRedirected || Console.IsOutputRedirected
                ? RunPlain(runner, spec, cts.Token)
                : RunWithProgress(runner, spec, cts.Token);
            cts.Token.ThrowIfCancellationRequested();
            var evaluator = new ThresholdEvaluator();
            var rows = evaluator.Evaluate(spec, outcomes);
            var written = SweepWriter.WriteAll(outDir, spec, outcomes, rows, evaluator);
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            PrintSummary(spec, outcomes, rows, written, watch.Elapsed.TotalSeconds, cpu);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (IsCancel(e))
        {
            Console.Error.WriteLine("cancelled: nothing was written");
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

    private static bool IsCancel(Exception e) => e is OperationCanceledException
        || (e is AggregateException a
            && a.Flatten().InnerExceptions.All(x => x is OperationCanceledException));

    private static SlideOutcome[][] RunPlain(
        SweepRunner runner, SweepSpec spec, CancellationToken cancel)
    {
        int done = 0;
        var gate = new object();
        return runner.Run(spec, outcome =>
        {
            lock (gate)
            {
                done++;
                var o = outcome[0];
                string what = o.Normal is { } n
                    ? $"index tilt {F(n.IndexTiltTrueDeg, "0.000")}°, normal rms "
                        + $"{F(n.FocusErrorRmsUm, "0.00")} µm, narrow rms "
                        + $"{F(o.Narrow!.FocusErrorRmsUm, "0.00")} µm"
                    : o.Status;
                Console.Error.WriteLine($"[{done}/{spec.Slides}] {o.Entry.Id} "
                    + $"{o.Entry.Tissue}: {what}");
            }
        }, cancel);
    }

    private static SlideOutcome[][] RunWithProgress(
        SweepRunner runner, SweepSpec spec, CancellationToken cancel)
    {
        SlideOutcome[][]? outcomes = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"scanning {spec.Slides} slides", maxValue: spec.Slides);
                var gate = new object();
                outcomes = runner.Run(spec, _ =>
                {
                    lock (gate)
                    {
                        task.Increment(1);
                    }
                }, cancel);
            });
        return outcomes!;
    }

    private static void PrintSummary(
        SweepSpec spec, SlideOutcome[][] outcomes, IReadOnlyList<SweepRow> rows,
        IReadOnlyList<string> written, double wallS, double cpuS)
    {
        var combos = rows.Select(r => (r.Focus, r.Ans)).Distinct().ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("threshold °");
        foreach (var (focus, ans) in combos)
        {
            table.AddColumn(Markup.Escape($"{focus} / {ans}: rescan, missed, +s"));
        }

        foreach (double t in spec.ThresholdsDeg)
        {
            var cells = new List<string> { F(t, "0.###") };
            foreach (var (focus, ans) in combos)
            {
                var r = rows.First(x => x.Focus == focus && x.Ans == ans && x.ThresholdDeg == t);
                cells.Add($"{F(100 * r.RescanRate, "0")} %, {F(100 * r.MissedRate, "0")} %, "
                    + F(r.AddedSecondsMean, "0.00"));
            }

            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
        int scanned = outcomes.Count(o => o[0].Scanned);
        long cases = (long)scanned * spec.ThresholdsDeg.Count;
        AnsiConsole.MarkupLine(Markup.Escape(
            $"{scanned} of {spec.Slides} slides scanned (x{spec.FocusAlgorithms.Count} focus "
            + $"controllers, normal + narrow passes); {cases} slide-threshold cases per "
            + $"algorithm pair; wall {F(wallS, "0.0")} s, CPU {F(cpuS, "0.0")} s on "
            + $"{Environment.ProcessorCount} cores"));
        AnsiConsole.MarkupLine(Markup.Escape("outputs: " + string.Join(", ", written)));
    }

    private static string F(double v, string format) =>
        (v + 0.0).ToString(format, CultureInfo.InvariantCulture);
}
