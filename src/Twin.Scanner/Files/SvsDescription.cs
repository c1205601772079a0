using System.Globalization;
using System.Text;

namespace Twin.Scanner.Files;

/// <summary>
/// Builds the Aperio ImageDescription strings. OpenSlide recognises an Aperio file by the
/// leading "Aperio", skips the header before the first <c>|</c> and reads every further part
/// as a trimmed <c>key = value</c> pair; associated images are named by the first word of the
/// second header line ("label", "macro").
/// </summary>
internal static class SvsDescription
{
    /// <summary>First line of every description (the product that wrote the file).</summary>
    public const string Product = "Aperio Image Library GT450Twin";

    private static readonly string[] StandardKeys =
    [
        "AppMag", "StripeWidth", "ScanScope ID", "Filename", "Date", "Time", "Time Zone",
        "MPP", "Focus Offset", "ImageID", "OriginalWidth", "OriginalHeight", "TotalDepth",
        "OffsetZ",
    ];

    /// <summary>
    /// Checks every field of <paramref name="m"/>; throws ArgumentException if bad.
    /// </summary>
    public static void Validate(SvsMetadata m, string paramName)
    {
        ArgumentNullException.ThrowIfNull(m, paramName);
        if (m.AppMag != 20 && m.AppMag != 40)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                FormattableString.Invariant(
                    $"AppMag = {m.AppMag} is out of range; allowed 20 or 40"));
        }

        SvsGuard.InRange(m.MicronsPerPixel, 0, 100, "MicronsPerPixel", " µm", paramName);
        SvsGuard.InRange(m.FocusOffsetUm, -1000, 1000, "FocusOffsetUm", " µm", paramName);
        SvsGuard.InRange(m.StripeWidthPx, 1, 1 << 20, "StripeWidthPx", " px", paramName);
        SvsGuard.InRange(m.JpegQuality, 1, 100, "JpegQuality", "", paramName);
        SvsGuard.InRange(m.ChromaSubsampling, 1, 2, "ChromaSubsampling", "", paramName);
        SvsGuard.InRange(m.TileSize, 64, 2048, "TileSize", " px", paramName);
        SvsGuard.TileMultipleOf16(m.TileSize, paramName);
        SvsGuard.NotLocalTime(m.AcquiredAt, paramName);

        SvsGuard.DescriptionText(m.ScannerId, "ScannerId", paramName);
        SvsGuard.DescriptionText(m.Filename, "Filename", paramName, allowEmpty: false);
        SvsGuard.DescriptionText(m.ImageId, "ImageId", paramName);
        ValidateExtraFields(m.ExtraFields, paramName);
        SvsFocalPlanes.Validate(m.FocalPlanesUm, paramName);
    }

    /// <summary>Full level-0 (and thumbnail) description with all key = value fields.</summary>
    public static string ForLevel0(SvsMetadata m, int width, int height) =>
        ForLevel0(m, width, height, SvsFocalPlanes.BestFocus(m.FocalPlanesUm.Count));

    /// <summary>
    /// Full level-0 description of focal plane <paramref name="plane"/> (an index into
    /// <see cref="SvsMetadata.FocalPlanesUm"/>); with more than one plane it carries
    /// <c>TotalDepth</c> and <c>OffsetZ</c> after the standard fields.
    /// </summary>
    public static string ForLevel0(SvsMetadata m, int width, int height, int plane)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(512);
        sb.Append(Product).Append("\r\n");
        sb.Append(ci, $"{width}x{height} [0,0 {width}x{height}] ({m.TileSize}x{m.TileSize})");
        sb.Append(ci, $" JPEG/YCC Q={m.JpegQuality}");
        Field(sb, "AppMag", m.AppMag.ToString(ci));
        Field(sb, "StripeWidth", m.StripeWidthPx.ToString(ci));
        Field(sb, "ScanScope ID", m.ScannerId);
        Field(sb, "Filename", m.Filename);
        Field(sb, "Date", m.AcquiredAt.ToString("MM/dd/yy", ci));
        Field(sb, "Time", m.AcquiredAt.ToString("HH:mm:ss", ci));
        Field(sb, "Time Zone", "GMT+00:00");
        Field(sb, "MPP", m.MicronsPerPixel.ToString("0.0000", ci));
        Field(sb, "Focus Offset", m.FocusOffsetUm.ToString("0.000000", ci));
        Field(sb, "ImageID", m.ImageId);
        Field(sb, "OriginalWidth", width.ToString(ci));
        Field(sb, "OriginalHeight", height.ToString(ci));
        Depth(sb, m, plane);
        foreach (var (key, value) in m.ExtraFields)
        {
            Field(sb, key, value);
        }

        return sb.ToString();
    }

    /// <summary>Header-only description of a reduced level, as Aperio writes it.</summary>
    public static string ForReducedLevel(
        SvsMetadata m, int width, int height, int levelWidth, int levelHeight) =>
        ForReducedLevel(
            m, width, height, levelWidth, levelHeight,
            SvsFocalPlanes.BestFocus(m.FocalPlanesUm.Count));

    /// <summary>
    /// Description of a reduced level of focal plane <paramref name="plane"/>: the header
    /// alone for a single plane; with more planes <c>TotalDepth</c> and <c>OffsetZ</c> follow.
    /// </summary>
    public static string ForReducedLevel(
        SvsMetadata m, int width, int height, int levelWidth, int levelHeight, int plane)
    {
        var sb = new StringBuilder(160);
        sb.Append(FormattableString.Invariant(
                $"{Product}\r\n{width}x{height} [0,0 {width}x{height}] "))
            .Append(FormattableString.Invariant(
                $"({m.TileSize}x{m.TileSize}) -> {levelWidth}x{levelHeight} "))
            .Append(FormattableString.Invariant($"JPEG/YCC Q={m.JpegQuality}"));
        Depth(sb, m, plane);
        return sb.ToString();
    }

    /// <summary>
    /// Description of an associated image; its second line starts with the name. A bare LF
    /// separates the lines, as in Aperio's files: OpenSlide 3.4 splits on CR and LF alike and
    /// would see an empty second line after CR LF.
    /// </summary>
    public static string ForAssociated(string name, int width, int height) =>
        FormattableString.Invariant($"{Product}\n{name} {width}x{height}");

    // Bio-Formats' SVS reader sets a page's z to 0 when it meets TotalDepth and to the value
    // when it meets OffsetZ, so TotalDepth must come first or every plane would read as z = 0
    private static void Depth(StringBuilder sb, SvsMetadata m, int plane)
    {
        var planes = m.FocalPlanesUm;
        if (planes.Count == 1)
        {
            return;
        }

        Field(sb, "TotalDepth", planes.Count.ToString(CultureInfo.InvariantCulture));
        Field(sb, "OffsetZ", SvsFocalPlanes.Format(planes[plane]));
    }

    private static void Field(StringBuilder sb, string key, string value) =>
        sb.Append('|').Append(key).Append(" = ").Append(value);

    private static void ValidateExtraFields(
        IReadOnlyList<KeyValuePair<string, string>>? fields, string paramName)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(paramName, "ExtraFields must not be null");
        }

        var seen = new HashSet<string>(StandardKeys, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            SvsGuard.DescriptionText(
                key, "ExtraFields key", paramName, allowEmpty: false, allowEquals: false);
            SvsGuard.DescriptionText(value, $"ExtraFields value of '{key}'", paramName);
            if (key != key.Trim())
            {
                throw new ArgumentException(
                    $"ExtraFields key '{key}' has leading or trailing spaces", paramName);
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException(
                    $"ExtraFields key '{key}' repeats a standard or earlier field", paramName);
            }
        }
    }
}
