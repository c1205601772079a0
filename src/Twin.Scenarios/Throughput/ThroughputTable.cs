using System.Globalization;
using Spectre.Console;
using Twin.Mechanics.Racks;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// The throughput study on the terminal: the main configurations and a z-stack table, narrow
/// enough for an 80-column terminal.
/// </summary>
public static class ThroughputTable
{
    /// <summary>Prints the configurations table, the z-stack table and a summary line.</summary>
    /// <param name="console">Where to print.</param>
    /// <param name="ts">Scenario and settings.</param>
    /// <param name="results">Every variant, the scenario variant first.</param>
    public static void Print(
        IAnsiConsole console, ThroughputScenario ts, IReadOnlyList<VariantResult> results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(ts);
        ArgumentNullException.ThrowIfNull(results);
        VariantResult baseline = results[0];
        double rate = ts.Settings.AnsRescanRate;
        var main = results
            .Where(r => r.Variant.Group is "scenario" or "magnification"
                || (r.Variant.Group == "ans"
                    && (r.Variant.AnsRescanRate == 0 || r.Variant.AnsRescanRate == rate)))
            .ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .Title("[bold]Throughput by configuration[/] (mean per scanned slide)")
            .AddColumns("config", "mag", "z", "scan s", "MB", "slides/h", "Δ %", "limit");
        foreach (VariantResult r in main)
        {
            table.AddRow(
                Markup.Escape(r.Variant.Name),
                Markup.Escape(ThroughputReport.MagnificationLabel(r)), I(r.Variant.ZLayers),
                F(r.MeanScanS, "0.0"), F(r.MeanFileBytes / 1e6, "0"),
                "[bold]" + F(r.SlidesPerHour, "0.0") + "[/]",
                Delta(r.SlidesPerHour, baseline.SlidesPerHour), Limit(r.Run.Bottleneck));
        }

        console.Write(table);
        Table zstack = ZStackTable(results);
        console.Write(zstack);
        RackRunResult run = baseline.Run;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{ts.Scenario.Name}: {run.Slides.Count} slides ({run.ScannedCount} scanned, "
            + $"{run.FailedCount} failed) in {run.SpanS / 3600:0.00} h: "
            + $"{baseline.SlidesPerHour:0.0} slides/h; scanner busy {100 * run.Utilisation:0} %, "
            + $"image link {100 * run.ImageLinkUtilisation:0} %, storage link "
            + $"{100 * run.StorageLinkUtilisation:0} %, scanner waited {run.BufferStallS:0} s "
            + $"for the network")));
    }

    private static Table ZStackTable(IReadOnlyList<VariantResult> results)
    {
        var sweep = results.Where(r => r.Variant.Group == "zstack").ToList();
        var networks = sweep.Select(r => r.Variant.NetworkLabel).Distinct().ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .Title("[bold]Z-stack: slides/h by layers and network[/] (* the network limits)")
            .AddColumns("z", "scan s", "MB", "needs");
        foreach (string n in networks)
        {
            table.AddColumn(Markup.Escape(Short(n)));
        }

        foreach (int layers in ThroughputStudy.LayerSweep)
        {
            var row = sweep.Where(r => r.Variant.ZLayers == layers).ToList();
            VariantResult first = row[0];
            var cells = new List<string>
            {
                I(layers), F(first.MeanScanS, "0.0"), F(first.MeanFileBytes / 1e6, "0"),
                ShortRate(first.LinkNeededBitsPerS),
            };
            foreach (string n in networks)
            {
                VariantResult r = row.First(x => x.Variant.NetworkLabel == n);
                string v = F(r.SlidesPerHour, "0.0");
                cells.Add(r.Run.Bottleneck == Bottleneck.Scanner ? v : $"[yellow]{v}*[/]");
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static string Delta(double value, double reference) =>
        reference > 0 ? F(100 * ((value / reference) - 1), "+0.0;-0.0;0.0") : "-";

    private static string Limit(Bottleneck b) => b switch
    {
        Bottleneck.Scanner => "scanner",
        Bottleneck.ImageLink => "[yellow]image link*[/]",
        _ => "[yellow]storage*[/]",
    };

    // "100 Mb/s" -> "100M", "1 Gb/s" -> "1G", "no limit" -> "none": narrow column heads
    private static string Short(string networkLabel) => networkLabel switch
    {
        "no limit" => "none",
        _ => networkLabel.Replace(" Gb/s", "G", StringComparison.Ordinal)
            .Replace(" Mb/s", "M", StringComparison.Ordinal),
    };

    private static string ShortRate(double bitsPerS) =>
        Short(ThroughputStudy.RateLabel(bitsPerS));

    private static string F(double v, string format) =>
        v.ToString(format, CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
