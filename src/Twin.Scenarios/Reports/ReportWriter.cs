using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Twin.Scenarios.Reports;

/// <summary>Writes run reports as JSON and CSV, atomically (temporary name, then rename).</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // reports are files for people and tools, not HTML: keep apostrophes and µ readable
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "id", "rack", "tissue", "status", "magnification", "mpp", "file", "fileBytes",
        "scanSeconds", "totalSeconds", "ansRescanned", "indexTiltEstimateDeg",
        "indexTiltTrueDeg", "focusErrorRmsUm", "focusErrorMaxUm", "inFocusFraction",
        "edgeDefocusMaxUm", "stripes", "stripePixels", "predictedBytes40x", "predictedBytes20x",
    ];

    /// <summary>Serialises a report to JSON text.</summary>
    public static string ToJson(RunReport report) => JsonSerializer.Serialize(report, Json) + "\n";

    /// <summary>Serialises a report's slides to CSV text.</summary>
    public static string ToCsv(RunReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', CsvColumns));
        foreach (var s in report.Slides)
        {
            string[] cells =
            [
                s.Id, s.Rack, s.Tissue, Quote(s.Status), s.Magnification, F(s.Mpp), s.File ?? "",
                s.FileBytes.ToString(CultureInfo.InvariantCulture), F(s.ScanSeconds),
                F(s.TotalSeconds), s.AnsRescanned ? "true" : "false",
                s.IndexTiltEstimateDeg is { } e ? F(e) : "", F(s.IndexTiltTrueDeg),
                F(s.FocusErrorRmsUm), F(s.FocusErrorMaxUm), F(s.InFocusFraction),
                F(s.EdgeDefocusMaxUm), s.Stripes.ToString(CultureInfo.InvariantCulture),
                s.StripePixels.ToString(CultureInfo.InvariantCulture),
                s.PredictedBytes40x?.ToString(CultureInfo.InvariantCulture) ?? "",
                s.PredictedBytes20x?.ToString(CultureInfo.InvariantCulture) ?? "",
            ];
            sb.AppendLine(string.Join(',', cells));
        }

        return sb.ToString();
    }

    /// <summary>Writes text to a file through a temporary name in the same folder.</summary>
    public static void WriteAtomic(string path, string text)
    {
        string temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".",
            "." + Path.GetFileName(path) + ".tmp");
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string v) =>
        v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
