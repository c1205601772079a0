using System.Globalization;
using ScottPlot;
using Twin.Mechanics.Racks;
using Twin.Scenarios.Reports;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// The throughput study as PNG plots: slides/hour at 40x vs 20x, the cost of ANS rescans, the
/// cost of z-stack layers on several networks, and a Gantt chart of the scenario's rack run.
/// Each image is rendered in memory, written to a temporary name and renamed.
/// </summary>
public static class ThroughputPlots
{
    private const int Width = 1200;
    private const int Height = 700;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"),
        Color.FromHex("#ff7f0e"), Color.FromHex("#9467bd"), Color.FromHex("#8c564b"),
        Color.FromHex("#17becf"), Color.FromHex("#7f7f7f"),
    ];

    /// <summary>The plots' file names, in the order <see cref="Write"/> writes them.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "throughput-magnification.png", "throughput-ans.png", "throughput-zstack.png",
        "throughput-gantt.png",
    ];

    /// <summary>Writes every plot into a folder (created if missing); returns the paths.</summary>
    /// <param name="outDir">Output folder.</param>
    /// <param name="results">Every variant of the study, the scenario variant first.</param>
    /// <param name="scenarioRate">The scenario's own ANS rescan rate, 1 (marked).</param>
    public static IReadOnlyList<string> Write(
        string outDir, IReadOnlyList<VariantResult> results, double scenarioRate)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(outDir);

        // fontconfig's default face is a serif one on these machines
        Fonts.Default = "DejaVu Sans";
        var written = new List<string>();
        Save(Magnification(results), Path.Combine(outDir, FileNames[0]),
            Height, written);
        Save(Ans(results, scenarioRate), Path.Combine(outDir, FileNames[1]), Height,
            written);
        Save(ZStack(results), Path.Combine(outDir, FileNames[2]), Height, written);
        int slides = results[0].Run.Slides.Count;
        int rows = slides > 60 ? results[0].Run.Slides.Select(s => s.RackId).Distinct().Count()
            : slides;
        Save(Gantt(results[0]), Path.Combine(outDir, FileNames[3]),
            Math.Clamp(200 + (rows * 40), Height, 3000), written);
        return written;
    }

    private static Plot Magnification(IReadOnlyList<VariantResult> results)
    {
        var plot = new Plot();
        var pair = results.Where(r => r.Variant.Group == "magnification").ToList();
        for (int i = 0; i < pair.Count; i++)
        {
            var bar = plot.Add.Bar(i, pair[i].SlidesPerHour);
            bar.Color = Palette[i];
            bar.Bars[0].Label = F(pair[i].SlidesPerHour, "0.0") + " slides/h, "
                + F(pair[i].MeanScanS, "0.0") + " s scan, "
                + F(pair[i].MeanFileBytes / 1e6, "0") + " MB per slide";
            bar.ValueLabelStyle.FontSize = 16;
        }

        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, pair.Count).Select(i => (double)i)],
            [.. pair.Select(r => r.Variant.Name)]);
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Title("Slides per hour at 40x and 20x (the scenario's slides, all racks loaded "
            + "at the start, site network)");
        plot.YLabel("scanned slides per hour");
        return plot;
    }

    private static Plot Ans(IReadOnlyList<VariantResult> results, double scenarioRate)
    {
        var plot = new Plot();
        var sweep = results.Where(r => r.Variant.Group == "ans").ToList();
        double[] xs = [.. sweep.Select(r => 100 * r.Variant.AnsRescanRate)];
        double[] ys = [.. sweep.Select(r => r.SlidesPerHour)];
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = "slides per hour";
        line.Color = Palette[0];
        line.LineWidth = 2;
        line.MarkerSize = 7;

        VariantResult none = sweep[0];
        VariantResult at = sweep.First(r => Math.Abs(r.Variant.AnsRescanRate - scenarioRate)
            < 1e-12);
        var mark = plot.Add.Marker(100 * scenarioRate, at.SlidesPerHour);
        mark.Color = Palette[1];
        mark.Size = 14;
        mark.LegendText = string.Create(CultureInfo.InvariantCulture,
            $"{100 * scenarioRate:0.#} % rescanned: {at.SlidesPerHour:0.0} slides/h, "
            + $"+{at.MeanScanS - none.MeanScanS:0.0} s scan per slide");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title("Cost of ANS narrow-stripe rescans");
        plot.XLabel("slides rescanned, %");
        plot.YLabel("scanned slides per hour");
        plot.Axes.SetLimitsY(0, Math.Max(1, none.SlidesPerHour * 1.15));
        return plot;
    }

    private static Plot ZStack(IReadOnlyList<VariantResult> results)
    {
        var plot = new Plot();
        var sweep = results.Where(r => r.Variant.Group == "zstack").ToList();
        var labels = sweep.Select(r => r.Variant.NetworkLabel).Distinct().ToList();

        // the dashed scanner-only line goes on top, where the curves coincide
        labels = [.. labels.Where(l => l != "no limit"), .. labels.Where(l => l == "no limit")];
        for (int i = 0; i < labels.Count; i++)
        {
            var series = sweep.Where(r => r.Variant.NetworkLabel == labels[i]).ToList();
            double[] xs = [.. series.Select(r => (double)r.Variant.ZLayers)];
            double[] ys = [.. series.Select(r => r.SlidesPerHour)];
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = labels[i] == "site" ? "site network" : labels[i];
            line.Color = Palette[i % Palette.Length];
            line.LineWidth = 2;
            line.MarkerSize = 6;
            if (labels[i] == "no limit")
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Title("Cost of z-stack layers (slides per hour by layer count and network)");
        plot.XLabel("z layers (1 = no z-stack)");
        plot.YLabel("scanned slides per hour");
        plot.Axes.Bottom.SetTicks(
            [.. ThroughputStudy.LayerSweep.Select(l => (double)l)],
            [.. ThroughputStudy.LayerSweep.Select(l => l.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsY(0, Math.Max(1, sweep.Max(r => r.SlidesPerHour) * 1.1));
        return plot;
    }

    private static Plot Gantt(VariantResult result)
    {
        var plot = new Plot();
        IReadOnlyList<SlideRunRecord> slides = result.Run.Slides;
        double scale = result.Run.SpanS > 7200 ? 3600 : 60;
        string unit = scale > 60 ? "h" : "min";

        // up to 60 slides: a row each; more: a row per rack, its slides side by side
        bool perRack = slides.Count > 60;
        var racks = slides.Select(s => s.RackId).Distinct().ToList();
        var rows = perRack ? racks : [.. slides.Select(s => s.SlideId)];
        for (int i = 0; i < slides.Count; i++)
        {
            SlideRunRecord s = slides[i];
            int row = perRack ? racks.IndexOf(s.RackId) : i;
            Color scan = s.Status != SlideStatus.Scanned ? Palette[7]
                : (perRack && s.Slot % 2 == 0 ? Palette[6] : Palette[0]);
            Bar(plot, s.StartS, s.EndS, row - 0.42, row, scale, scan);
            if (s.Transfer is { } t)
            {
                if (t.BufferStallS > 0)
                {
                    Bar(plot, t.ReadyS, t.SlideStartS, row - 0.42, row, scale, Palette[1]);
                }

                Bar(plot, t.ImageStartS, t.ImageEndS, row, row + 0.21, scale, Palette[2]);
                Bar(plot, t.StorageStartS, t.StorageEndS, row + 0.21, row + 0.42, scale,
                    Palette[3]);
            }
        }

        Legend(plot, "slide on the scanner (alternate slides in two shades)", Palette[0]);
        Legend(plot, "failed slide", Palette[7]);
        Legend(plot, "scanner waiting for buffer space", Palette[1]);
        Legend(plot, "image data to converter (TCP 2762, TLS)", Palette[2]);
        Legend(plot, "file to storage (SMB3, 445)", Palette[3]);
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Axes.Left.SetTicks(
            [.. Enumerable.Range(0, rows.Count).Select(i => (double)i)], [.. rows]);
        plot.Axes.SetLimitsY(rows.Count + (rows.Count / 3.0), -1);
        plot.Axes.SetLimitsX(0, Math.Max(1e-6, result.Run.SpanS + result.Run.FirstInsertS)
            / scale * 1.02);
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"Rack run: {result.Run.ScannedCount} scanned, {result.Run.FailedCount} failed, "
            + $"{result.SlidesPerHour:0.0} slides/h"));
        plot.XLabel($"time from the start of the run, {unit}");
        return plot;
    }

    private static void Bar(
        Plot plot, double fromS, double toS, double y0, double y1, double scale, Color color)
    {
        var r = plot.Add.Rectangle(fromS / scale, toS / scale, y0, y1);
        r.FillStyle.Color = color;
        r.LineStyle.Width = 0;
    }

    private static void Legend(Plot plot, string text, Color color)
    {
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = text,
            FillColor = color,
        });
    }

    private static void Save(Plot plot, string path, int height, List<string> written)
    {
        byte[] png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        ReportWriter.WriteAtomic(path, png);
        written.Add(path);
    }

    private static string F(double v, string format) =>
        v.ToString(format, CultureInfo.InvariantCulture);
}
