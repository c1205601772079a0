using System.Globalization;
using System.Text;
using System.Text.Json;
using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using Twin.Scanner.Settings;
using Twin.Scenarios.Reports;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// Writes a throughput study as <c>throughput.json</c> (model parameters, every variant with its
/// <c>slidesPerHour</c>, and the scenario variant's slides), <c>throughput.csv</c> (one row per
/// variant) and <c>throughput-slides.csv</c> (one row per slide of the scenario variant). Each
/// file is written to a temporary name and renamed; the same study gives the same bytes.
/// </summary>
public static class ThroughputReport
{
    private static readonly string[] VariantColumns =
    [
        "name", "group", "magnification", "zLayers", "ansRescanRate", "network",
        "linkBitsPerS", "slides", "scanned", "failed", "rescanned", "slidesPerHour",
        "meanScanSeconds", "meanSlideSeconds", "meanFileBytes", "spanSeconds",
        "scannerUtilisation", "imageLinkUtilisation", "storageLinkUtilisation",
        "bufferStallSeconds", "bottleneck", "linkNeededBitsPerS",
    ];

    private static readonly string[] SlideColumns =
    [
        "rack", "slot", "id", "magnification", "areaMm2", "stripes", "zLayers", "focusPoints",
        "rescanned", "status", "failure", "fileBytes", "scanSeconds", "slideSeconds",
        "startS", "endS", "waitS", "bufferStallS", "imageStartS", "imageEndS", "storedS",
    ];

    /// <summary>Names of the report files <see cref="Write"/> puts in the folder.</summary>
    public static IReadOnlyList<string> OutputFiles { get; } =
        ["throughput.json", "throughput.csv", "throughput-slides.csv"];

    /// <summary>Writes the three files into a folder (created if missing).</summary>
    /// <param name="outDir">Output folder.</param>
    /// <param name="ts">The scenario and settings the study ran.</param>
    /// <param name="results">Every variant, the scenario variant first.</param>
    /// <param name="mechanics">The mechanism the study used (reported).</param>
    public static IReadOnlyList<string> Write(
        string outDir, ThroughputScenario ts, IReadOnlyList<VariantResult> results,
        MechanicsParameters mechanics)
    {
        ArgumentNullException.ThrowIfNull(ts);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(mechanics);
        Directory.CreateDirectory(outDir);
        string json = Path.Combine(outDir, OutputFiles[0]);
        string csv = Path.Combine(outDir, OutputFiles[1]);
        string slides = Path.Combine(outDir, OutputFiles[2]);
        ReportWriter.WriteAtomic(json, Json(ts, results, mechanics));
        ReportWriter.WriteAtomic(csv, VariantsCsv(results));
        ReportWriter.WriteAtomic(slides, SlidesCsv(results[0]));
        return [json, csv, slides];
    }

    /// <summary>The JSON report text.</summary>
    /// <param name="ts">Scenario and settings.</param>
    /// <param name="results">Every variant, the scenario variant first.</param>
    /// <param name="mechanics">The mechanism (reported).</param>
    public static string Json(
        ThroughputScenario ts, IReadOnlyList<VariantResult> results,
        MechanicsParameters mechanics)
    {
        ArgumentNullException.ThrowIfNull(ts);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(mechanics);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("scenario", ts.Scenario.Name);
            w.WriteString("source", ts.Scenario.Source);
            w.WriteNumber("slidesPerHour", R(results[0].SlidesPerHour, 2));
            WriteModel(w, ts.Settings, mechanics);
            w.WriteStartArray("configurations");
            foreach (VariantResult r in results)
            {
                w.WriteStartObject();
                object?[] cells = VariantRow(r);
                for (int i = 0; i < VariantColumns.Length; i++)
                {
                    WriteCell(w, VariantColumns[i], cells[i]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("slides");
            foreach (object?[] cells in SlideRows(results[0]))
            {
                w.WriteStartObject();
                for (int i = 0; i < SlideColumns.Length; i++)
                {
                    WriteCell(w, SlideColumns[i], cells[i]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The per-variant CSV text.</summary>
    /// <param name="results">Every variant.</param>
    public static string VariantsCsv(IReadOnlyList<VariantResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', VariantColumns)).Append('\n');
        foreach (VariantResult r in results)
        {
            sb.Append(string.Join(',', VariantRow(r).Select(Text))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The per-slide CSV text of one variant.</summary>
    /// <param name="result">The variant (normally the scenario as written).</param>
    public static string SlidesCsv(VariantResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', SlideColumns)).Append('\n');
        foreach (object?[] row in SlideRows(result))
        {
            sb.Append(string.Join(',', row.Select(Text))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>"40x", "20x", or "per rack" when racks differ.</summary>
    /// <param name="r">A variant's result.</param>
    public static string MagnificationLabel(VariantResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var mags = r.Slides.Select(s => s.Magnification).Distinct().ToList();
        return mags.Count == 1 ? SettingsResolver.Label(mags[0]) : "per rack";
    }

    // cells are text, whole numbers, rounded reals, booleans or null (empty in CSV)
    private static object?[] VariantRow(VariantResult r)
    {
        ThroughputVariant v = r.Variant;
        RackRunResult run = r.Run;
        return
        [
            v.Name, v.Group, MagnificationLabel(r), v.ZLayers, R(v.AnsRescanRate, 3),
            v.NetworkLabel, v.Network is { } n ? R(n.ImageLink.BitsPerS, 0) : null,
            r.Slides.Count, run.ScannedCount, run.FailedCount,
            r.Slides.Count(s => s.Rescanned), R(r.SlidesPerHour, 2), R(r.MeanScanS, 2),
            R(r.MeanSlideS, 2), R(r.MeanFileBytes, 0), R(run.SpanS, 2),
            R(run.Utilisation, 4), R(run.ImageLinkUtilisation, 4),
            R(run.StorageLinkUtilisation, 4), R(run.BufferStallS, 2),
            BottleneckLabel(run.Bottleneck), R(r.LinkNeededBitsPerS, 0),
        ];
    }

    private static IEnumerable<object?[]> SlideRows(VariantResult r)
    {
        var planned = r.Slides.ToDictionary(s => (s.RackId, s.Slot));
        foreach (SlideRunRecord s in r.Run.Slides)
        {
            PlannedSlide p = planned[(s.RackId, s.Slot)];
            FileTransfer? t = s.Transfer;
            bool scanned = s.Status == SlideStatus.Scanned;
            yield return
            [
                s.RackId, s.Slot, s.SlideId, SettingsResolver.Label(p.Magnification),
                R(p.AreaMm2, 3), p.Plan.Stripes, p.Plan.ZLayers, p.Plan.FocusPoints,
                p.Rescanned, scanned ? "scanned" : "failed",
                FailureLabel(s.Failure), p.FileBytes, R(p.Budget.ScanS, 3),
                R(s.EndS - s.StartS, 3), R(s.StartS, 3), R(s.EndS, 3), R(s.WaitS, 3),
                R(s.BufferStallS, 3), t is null ? null : R(t.ImageStartS, 3),
                t is null ? null : R(t.ImageEndS, 3), t is null ? null : R(t.StoredS, 3),
            ];
        }
    }

    private static void WriteModel(
        Utf8JsonWriter w, ThroughputSettings s, MechanicsParameters m)
    {
        w.WriteStartObject("model");
        w.WriteStartObject("mechanics");
        w.WriteNumber("lineRateHz", m.LineRateHz);
        w.WriteNumber("sensorPixels", m.SensorPixels);
        w.WriteNumber("stripeSettleSeconds", m.StripeSettleS);
        w.WriteNumber("slidePickPlaceSeconds", m.SlidePickPlaceS);
        w.WriteNumber("labelMacroSeconds", m.LabelMacroImagingS);
        w.WriteNumber("focusPointSeconds", m.FocusPointS);
        w.WriteEndObject();
        w.WriteStartObject("files");
        w.WriteNumber("bytesPerPixel40x", s.Files.FineBytesPerPixel);
        w.WriteNumber("bytesPerPixel20x", s.Files.CoarseBytesPerPixel);
        w.WriteNumber("pyramidFraction", s.Files.PyramidFraction);
        w.WriteEndObject();
        w.WriteStartObject("throughput");
        w.WriteNumber("ansRescanRate", s.AnsRescanRate);
        w.WriteNumber("ansAbortAfterStripes", s.AnsAbortAfterStripes);
        w.WriteNumber("zLayers", s.ZLayers);
        w.WriteNumber("focusPointSpacingMm", s.FocusPointSpacingMm);
        w.WriteNumber("loadIntervalSeconds", s.LoadIntervalS);
        w.WriteEndObject();
        NetworkParameters n = s.Network;
        w.WriteStartObject("network");
        w.WriteNumber("localBufferBytes", n.LocalBufferBytes);
        w.WriteNumber("converterBytesPerS", n.ConverterBytesPerS);
        w.WriteNumber("metadataBytesPerSlide", n.MetadataBytesPerSlide);
        w.WriteStartArray("links");
        foreach (LinkParameters l in new[] { n.ImageLink, n.StorageLink, n.MetadataLink })
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            w.WriteString("protocol", l.Protocol.ToString());
            w.WriteNumber("port", l.Port);
            w.WriteNumber("bitsPerS", l.BitsPerS);
            w.WriteNumber("roundTripSeconds", l.RoundTripS);
            w.WriteNumber("mtuBytes", l.MtuBytes);
            w.WriteNumber("windowBytes", l.WindowBytes);
            w.WriteNumber("messageBytes", l.MessageBytes);
            w.WriteNumber("setupRoundTrips", l.SetupRoundTrips);
            w.WriteNumber("efficiency", R(ProtocolOverhead.Efficiency(l), 5));
            w.WriteNumber("goodputBytesPerS", R(NetworkModel.GoodputBytesPerS(l), 0));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, string name, object? cell)
    {
        switch (cell)
        {
            case null:
                w.WriteNull(name);
                break;
            case bool b:
                w.WriteBoolean(name, b);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case long l:
                w.WriteNumber(name, l);
                break;
            case double d:
                w.WriteNumber(name, d);
                break;
            default:
                w.WriteString(name, Convert.ToString(cell, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        bool b => b ? "true" : "false",
        string t => Quote(t),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    private static string BottleneckLabel(Bottleneck b) => b switch
    {
        Bottleneck.Scanner => "scanner",
        Bottleneck.ImageLink => "image link",
        _ => "storage link",
    };

    private static string FailureLabel(SlideFailure f) => f switch
    {
        SlideFailure.None => "",
        SlideFailure.BarcodeUnreadable => "barcode-unreadable",
        _ => "no-tissue",
    };

    private static double R(double v, int digits) => Math.Round(v, digits);

    private static string Quote(string v) =>
        v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
