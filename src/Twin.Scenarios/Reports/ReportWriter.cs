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

    /// <summary>
    /// Writes text, UTF-8 without a byte-order mark, as <see cref="WriteAtomic(string, byte[])"/>.
    /// </summary>
    public static void WriteAtomic(string path, string text) =>
        WriteAtomic(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// Writes bytes to a file through a temporary name in the same folder, then renames it, so
    /// the final name holds either the old file or the whole new one. A symbolic link is
    /// followed (the file it points to is replaced, the link stays); a device or a pipe such
    /// as /dev/null is written into directly, never replaced. When the write or the rename
    /// fails the temporary file is deleted and an <see cref="IOException"/> naming
    /// <paramref name="path"/> (not the temporary name) is thrown.
    /// </summary>
    public static void WriteAtomic(string path, byte[] bytes)
    {
        string target = new FileInfo(path).LinkTarget is null ? path
            : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        if (FileKind.IsSpecial(target))
        {
            try
            {
                using var stream = new FileStream(target, FileMode.Open, FileAccess.Write);
                stream.Write(bytes);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot write {path}: {Reason(e, path)}", e);
            }
        }

        string temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".",
            "." + Path.GetFileName(target) + ".tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {path}: {Reason(e, path)}", e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static string Reason(Exception e, string path) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "its folder does not exist",
        _ when Directory.Exists(path) => "it is a folder",
        _ => e.Message,
    };

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string v) =>
        v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
