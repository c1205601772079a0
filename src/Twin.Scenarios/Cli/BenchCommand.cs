using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Twin.Scenarios.Bench;
using Twin.Scenarios.Reports;

namespace Twin.Scenarios.Cli;

/// <summary>
/// <c>gt450twin bench [--json FILE]</c>: rendering throughput on each compute backend present,
/// beside libvips blurring and JPEG-encoding the same number of pixels.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var jsonOpt = new Option<string?>("--json")
        {
            Description = "Write the figures as a JSON list of {name, value, unit} to FILE",
        };
        var secondsOpt = new Option<double>("--seconds")
        {
            Description = "Least time per timed measurement, s",
            DefaultValueFactory = _ => BenchOptions.Default.SecondsPerMeasurement,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture,
                        out double v))
                {
                    return v;
                }

                result.AddError($"--seconds '{text}' must be a number of seconds");
                return 0;
            },
        };
        var fullOpt = new Option<bool>("--full-slide")
        {
            Description = "Also write a whole 15 mm x 15 mm 40x SVS (3.3 Gpx; minutes) and "
                + "report its peak memory",
        };
        var sweepOpt = new Option<string?>("--sweep")
        {
            Description = "Also run this sweep file and time its slide-threshold cases "
                + "(e.g. scenarios/ans-threshold-sweep.yaml)",
        };
        var command = new Command("bench",
            "Rendering throughput per compute backend, against libvips blur + JPEG")
        {
            jsonOpt, secondsOpt, fullOpt, sweepOpt,
        };
        command.SetAction(parse =>
            Run(parse.GetValue(jsonOpt), parse.GetValue(secondsOpt), parse.GetValue(fullOpt),
                parse.GetValue(sweepOpt)));
        return command;
    }

    private static int Run(string? jsonPath, double seconds, bool fullSlide, string? sweep)
    {
        if (!(seconds > 0 && seconds <= 600))
        {
            Console.Error.WriteLine($"error: --seconds {seconds} is outside (0, 600] s");
            return ExitCodes.BadInput;
        }

        // the outputs and the sweep file are checked before anything is measured
        if (jsonPath is not null && OutputFolder.CheckFile(jsonPath, "--json") is { } problem)
        {
            Console.Error.WriteLine("error: " + problem);
            return ExitCodes.BadInput;
        }

        if (sweep is not null && SweepCommand.TryLoad(sweep) is null)
        {
            return ExitCodes.BadInput;
        }

        var options = BenchOptions.Default with { SecondsPerMeasurement = seconds };
        var figures = BenchRunner.Run(options, line => Console.Error.WriteLine(line)).ToList();
        // SVS writing next to libvips writing the same pixels as a tiled JPEG pyramid
        Console.Error.WriteLine("bench: SVS writer vs libvips tiffsave ...");
        string scratch = Path.Combine(Path.GetTempPath(),
            $"gt450twin-bench-{Environment.ProcessId}");
        try
        {
            figures.AddRange(SvsBench.Run(scratchFolder: scratch)
                .Select(f => new BenchFigure(f.Name, f.Value, f.Unit)));
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        // the timing-only model on a 450-slide day (15 racks of 30 with continuous loading),
        // when the scenario is at hand: the median of a few warm runs
        string day = Path.Combine(Environment.GetEnvironmentVariable("GT450TWIN_HOME")
            ?? Directory.GetCurrentDirectory(), "scenarios", "throughput-day.yaml");
        if (File.Exists(day))
        {
            var ts = Throughput.ThroughputScenarioLoader.Load(day);
            var study = Throughput.ThroughputStudy.Default;
            var variant = Throughput.ThroughputStudy.Variants(ts)[0];
            study.Run(ts, variant);
            var times = new List<double>();
            for (int i = 0; i < 5; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var result = study.Run(ts, variant);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (i == 0)
                {
                    figures.Add(new BenchFigure("throughput.day.slides", result.Slides.Count,
                        "count"));
                }
            }

            times.Sort();
            figures.Add(new BenchFigure("throughput.day.ms", times[2], "ms"));
        }

        if (sweep is not null)
        {
            // the sweep as a user runs it; a case is one slide judged at one threshold by one
            // focus controller and ANS check pair
            string sweepOut = Path.Combine(Path.GetTempPath(),
                $"gt450twin-bench-sweep-{Environment.ProcessId}");
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                int code = SweepCommand.Run(sweep, sweepOut, null);
                double s = watch.Elapsed.TotalSeconds;
                if (code != ExitCodes.Ok)
                {
                    return code;
                }

                var rows = File.ReadAllLines(Path.Combine(sweepOut, "sweep.csv")).Skip(1)
                    .Select(l => l.Split(',')).ToList();
                double cases = rows.Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture));
                figures.Add(new BenchFigure("sweep.seconds", s, "s"));
                figures.Add(new BenchFigure("sweep.cases", cases, "count"));
                figures.Add(new BenchFigure("sweep.casesPerMinute", cases * 60 / s, "1/min"));
            }
            finally
            {
                if (Directory.Exists(sweepOut))
                {
                    Directory.Delete(sweepOut, recursive: true);
                }
            }
        }

        if (fullSlide)
        {
            try
            {
                figures.AddRange(FullSlideSvsBench.Run(scratch, Console.Error.WriteLine));
            }
            finally
            {
                if (Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("figure", "value", "unit");
        foreach (var f in figures)
        {
            table.AddRow(Markup.Escape(f.Name),
                f.Value.ToString("0.###", CultureInfo.InvariantCulture), Markup.Escape(f.Unit));
        }

        AnsiConsole.Write(table);
        if (jsonPath is not null)
        {
            string json = JsonSerializer.Serialize(
                figures.Select(f => new { name = f.Name, value = Math.Round(f.Value, 4),
                    unit = f.Unit }),
                new JsonSerializerOptions { WriteIndented = true });
            try
            {
                ReportWriter.WriteAtomic(jsonPath, json + "\n");
            }
            catch (IOException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.Failure;
            }
        }

        return ExitCodes.Ok;
    }
}
