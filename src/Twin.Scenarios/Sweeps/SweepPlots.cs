using ScottPlot;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// The sweep's plots as PNG bytes, one series per focus controller × ANS check: rescan and
/// missed rates against the threshold, the added scan time against the threshold, and the
/// trade-off of missed against rescanned slides.
/// </summary>
public static class SweepPlots
{
    /// <summary>Width of every plot, pixels.</summary>
    public const int WidthPx = 900;

    /// <summary>Height of every plot, pixels.</summary>
    public const int HeightPx = 560;

    /// <summary>Font of every text (a sans face, from fonts-dejavu-core).</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>The plots' file names, in the order <see cref="Render"/> gives them.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["rates-vs-threshold.png", "added-time-vs-threshold.png", "missed-vs-rescanned.png"];

    /// <summary>Renders every plot; returns file name → PNG bytes, in a fixed order.</summary>
    public static IReadOnlyList<(string File, byte[] Png)> Render(IReadOnlyList<SweepRow> rows)
    {
        var groups = rows.GroupBy(r => (r.Focus, r.Ans)).Select(g => g.ToList()).ToList();
        return
        [
            (FileNames[0], Rates(groups)),
            (FileNames[1], AddedTime(groups)),
            (FileNames[2], TradeOff(groups)),
        ];
    }

    private static byte[] Rates(List<List<SweepRow>> groups)
    {
        var plot = NewPlot("ANS rescans and missed slides against the tilt threshold",
            "ANS threshold (°)", "fraction of slides");
        for (int i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            double[] x = g.Select(r => r.ThresholdDeg).ToArray();
            var rescan = plot.Add.Scatter(x, g.Select(r => r.RescanRate).ToArray());
            Style(rescan, i, $"rescanned: {Label(g[0])}", LinePattern.Solid,
                MarkerShape.FilledCircle);
            var missed = plot.Add.Scatter(x, g.Select(r => r.MissedRate).ToArray());
            Style(missed, i, $"missed: {Label(g[0])}", LinePattern.Dashed, MarkerShape.OpenSquare);
        }

        plot.Axes.SetLimitsY(-0.02, 1.02);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    private static byte[] AddedTime(List<List<SweepRow>> groups)
    {
        var plot = NewPlot("Scan time added by ANS rescans, mean per slide",
            "ANS threshold (°)", "added scan time per slide (s)");
        for (int i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var s = plot.Add.Scatter(g.Select(r => r.ThresholdDeg).ToArray(),
                g.Select(r => r.AddedSecondsMean).ToArray());
            Style(s, i, Label(g[0]), LinePattern.Solid, MarkerShape.FilledCircle);
        }

        plot.Axes.SetLimitsY(0, Math.Max(0.1, groups.SelectMany(g => g)
            .Select(r => r.AddedSecondsMean).DefaultIfEmpty(0).Max() * 1.1));
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    private static byte[] TradeOff(List<List<SweepRow>> groups)
    {
        var plot = NewPlot("Trade-off: missed against rescanned slides (one point per threshold)",
            "fraction rescanned", "fraction missed");
        for (int i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var s = plot.Add.Scatter(g.Select(r => r.RescanRate).ToArray(),
                g.Select(r => r.MissedRate).ToArray());
            Style(s, i, Label(g[0]), LinePattern.Solid, MarkerShape.FilledCircle);
        }

        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        Fonts.Default = FontName;
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    private static void Style(
        ScottPlot.Plottables.Scatter s, int series, string label, LinePattern pattern,
        MarkerShape marker)
    {
        s.Color = new ScottPlot.Palettes.Category10().GetColor(series);
        s.LegendText = label;
        s.LineWidth = 2;
        s.LinePattern = pattern;
        s.MarkerShape = marker;
        s.MarkerSize = 6;
    }

    private static string Label(SweepRow r) => $"{r.Focus} / {r.Ans}";

    private static byte[] Png(Plot plot) =>
        plot.GetImage(WidthPx, HeightPx).GetImageBytes(ImageFormat.Png);
}
