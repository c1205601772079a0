using System.Globalization;

namespace Twin.Scanner.Files;

/// <summary>Argument checks for the SVS writer; messages name the value, range and unit.</summary>
internal static class SvsGuard
{
    /// <summary>
    /// Throws unless <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/>.
    /// </summary>
    public static void InRange(
        int value, int min, int max, string what, string unit, string paramName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                Invariant($"{what} = {value}{unit} is out of range; allowed {min}..{max}{unit}"));
        }
    }

    /// <summary>Throws unless the value is finite and within the open/closed range given.</summary>
    public static void InRange(
        double value, double exclusiveMin, double inclusiveMax, string what, string unit,
        string paramName)
    {
        if (!(value > exclusiveMin && value <= inclusiveMax))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                Invariant($"{what} = {value}{unit} is out of range; allowed above ")
                    + Invariant($"{exclusiveMin}{unit} up to {inclusiveMax}{unit}"));
        }
    }

    /// <summary>
    /// Throws unless the text is printable ASCII (0x20..0x7E) without <c>|</c>, at most 255
    /// characters, and (when asked) not empty and without <c>=</c>.
    /// </summary>
    public static void DescriptionText(
        string? text, string what, string paramName, bool allowEmpty = true,
        bool allowEquals = true)
    {
        if (text is null)
        {
            throw new ArgumentNullException(paramName, $"{what} must not be null");
        }

        if (!allowEmpty && text.Trim().Length == 0)
        {
            throw new ArgumentException($"{what} must not be empty", paramName);
        }

        if (text.Length > 255)
        {
            throw new ArgumentException(
                Invariant($"{what} is {text.Length} characters long; allowed 0..255"), paramName);
        }

        foreach (char c in text)
        {
            bool bad = c < 0x20 || c > 0x7E || c == '|' || (!allowEquals && c == '=');
            if (bad)
            {
                throw new ArgumentException(
                    Invariant($"{what} '{text}' contains U+{(int)c:X4}; allowed printable ")
                        + (allowEquals ? "ASCII without '|'" : "ASCII without '|' or '='"),
                    paramName);
            }
        }
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Throws unless the tile edge is a multiple of 16 px (the JPEG MCU of 4:2:0).</summary>
    public static void TileMultipleOf16(int tileSize, string paramName)
    {
        if (tileSize % 16 != 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName, Invariant($"TileSize = {tileSize} px is not a multiple of 16 px"));
        }
    }

    /// <summary>
    /// Throws for a Local time: written dates must not depend on the machine's time zone.
    /// </summary>
    public static void NotLocalTime(DateTime acquiredAt, string paramName)
    {
        if (acquiredAt.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException(
                "AcquiredAt must be UTC or Unspecified (taken as UTC); a Local time would make "
                    + "the files depend on the machine's time zone",
                paramName);
        }
    }

    /// <summary>
    /// Deletes a writer's scratch folder, leaving it in place when it cannot be removed rather
    /// than failing a scan that has otherwise finished.
    /// </summary>
    public static void DeleteScratchFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // LIMITATION: a scratch folder that cannot be deleted (held open elsewhere) stays.
        }
    }
}
