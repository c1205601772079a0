using System.Globalization;
using Spectre.Console;
using Twin.Scenarios.Reports;

namespace Twin.Scenarios.Cli;

/// <summary>The run's summary table on the terminal.</summary>
public static class Summary
{
    /// <summary>Prints one row per slide, then the totals.</summary>
    public static void Print(RunReport report, string outDir, TimeSpan wall)
    {
        if (Console.IsOutputRedirected)
        {
            // a log file has no width: keep the table on one line per slide
            AnsiConsole.Profile.Width = 160;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("slide", "rack", "tissue", "mag", "status", "MB", "scan s",
                "ANS", "tilt est/true °", "focus rms µm", "in focus");
        foreach (var s in report.Slides)
        {
            bool scanned = s.Status == "scanned";
            table.AddRow(
                Markup.Escape(s.Id), Markup.Escape(s.Rack), Markup.Escape(s.Tissue),
                s.Magnification,
                scanned ? "scanned" : "[yellow]" + Markup.Escape(s.Status) + "[/]",
                scanned ? F(s.FileBytes / 1e6, "0.00") : "-",
                scanned ? F(s.ScanSeconds, "0.0") : "-",
                s.AnsRescanned ? "[red]rescan[/]" : (scanned ? "ok" : "-"),
                scanned ? (s.IndexTiltEstimateDeg is { } e ? F(e, "0.000") : "n/a") + " / "
                    + F(s.IndexTiltTrueDeg, "0.000") : "-",
                scanned ? F(s.FocusErrorRmsUm, "0.00") : "-",
                scanned ? InFocus(s.InFocusFraction) : "-");
        }

        AnsiConsole.Write(table);
        var scannedSlides = report.Slides.Where(s => s.Status == "scanned").ToList();
        double totalS = scannedSlides.Sum(s => s.TotalSeconds);
        string rate = totalS > 0 ? F(3600 * scannedSlides.Count / totalS, "0.0") : "-";
        AnsiConsole.MarkupLine(
            $"{scannedSlides.Count} of {report.Slides.Count} slides scanned, "
            + $"{F(scannedSlides.Sum(s => s.FileBytes) / 1e6, "0.0")} MB written, "
            + $"predicted scanner time {F(totalS, "0.0")} s ({rate} slides/h); "
            + $"wall time {F(wall.TotalSeconds, "0.0")} s");
        AnsiConsole.MarkupLine(
            $"reports: {Markup.Escape(Path.Combine(outDir, "report.json"))}, "
            + $"{Markup.Escape(Path.Combine(outDir, "report.csv"))}");
    }

    private static string F(double v, string format) =>
        v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// A slide's in-focus share for people: whole percent, with one decimal from 99.5 % on so
    /// that a slide partly out of focus never reads 100 %.
    /// </summary>
    public static string InFocus(double fraction) =>
        (fraction < 1 ? F(Math.Min(99.9, 100 * fraction), fraction >= 0.995 ? "0.0" : "0")
            : "100") + " %";
}
