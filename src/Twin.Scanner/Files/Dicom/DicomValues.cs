using System.Globalization;

namespace Twin.Scanner.Files.Dicom;

/// <summary>Formats numbers, dates and times as DICOM text values (PS3.5 6.2).</summary>
internal static class DicomValues
{
    /// <summary>A decimal string (DS) of at most 16 characters.</summary>
    public static string Decimal(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a DS value must be finite");
        }

        // ten significant digits fit in 16 characters even with a sign and an exponent
        string text = value.ToString("G10", CultureInfo.InvariantCulture);
        return text.Length <= 16 ? text : value.ToString("G6", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer string (IS).</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date (DA), yyyyMMdd.</summary>
    public static string Date(DateTime t) => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A time (TM), HHmmss.</summary>
    public static string Time(DateTime t) => t.ToString("HHmmss", CultureInfo.InvariantCulture);

    /// <summary>A date-time (DT) with the UTC offset, yyyyMMddHHmmss+0000.</summary>
    public static string DateTime(DateTime t) =>
        t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";
}
