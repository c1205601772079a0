namespace Twin.Scanner.Files.Dicom;

/// <summary>Checks <see cref="DicomWsiMetadata"/> once, when a writer is created.</summary>
internal static class DicomWsiGuard
{
    /// <summary>Throws an ArgumentException naming the first bad field.</summary>
    public static void Validate(DicomWsiMetadata m, string paramName)
    {
        ArgumentNullException.ThrowIfNull(m, paramName);
        if (m.AppMag != 20 && m.AppMag != 40)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                FormattableString.Invariant($"AppMag = {m.AppMag} is out of range; allowed 40"));
        }

        var broken = DicomRules.Check(m.AppMag, 1, ansEnabled: false);
        if (broken.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", broken), paramName);
        }

        SvsGuard.InRange(m.MicronsPerPixel, 0, 100, "MicronsPerPixel", " µm", paramName);
        SvsGuard.InRange(m.NumericalAperture, 0, 1.5, "NumericalAperture", "", paramName);
        SvsGuard.InRange(m.SectionThicknessUm, 0, 1000, "SectionThicknessUm", " µm", paramName);
        SvsGuard.InRange(m.OriginXMm, -100, 100, "OriginXMm", " mm", paramName);
        SvsGuard.InRange(m.OriginYMm, -100, 100, "OriginYMm", " mm", paramName);
        SvsGuard.InRange(m.JpegQuality, 1, 100, "JpegQuality", "", paramName);
        SvsGuard.InRange(m.TileSize, 64, 2048, "TileSize", " px", paramName);
        SvsGuard.InRange(m.SeriesNumber, 1, 99999, "SeriesNumber", "", paramName);
        SvsGuard.TileMultipleOf16(m.TileSize, paramName);
        SvsGuard.NotLocalTime(m.AcquiredAt, paramName);

        Text(m.SlideId, "SlideId", 64, paramName, allowEmpty: false);
        Text(m.UidSeed, "UidSeed", 256, paramName, allowEmpty: true);
        Text(m.PatientName, "PatientName", 64, paramName, allowEmpty: true);
        Text(m.PatientId, "PatientId", 64, paramName, allowEmpty: true);
        Text(m.StudyId, "StudyId", 16, paramName, allowEmpty: true);
        Text(m.AccessionNumber, "AccessionNumber", 16, paramName, allowEmpty: true);
        Text(m.ModelName, "ModelName", 64, paramName, allowEmpty: false);
        Text(m.SerialNumber, "SerialNumber", 64, paramName, allowEmpty: false);
        Text(m.SoftwareVersion, "SoftwareVersion", 64, paramName, allowEmpty: false);
    }

    private static void Text(
        string? text, string what, int maxLength, string paramName, bool allowEmpty)
    {
        if (text is null)
        {
            throw new ArgumentNullException(paramName, $"{what} must not be null");
        }

        if (!allowEmpty && text.Trim().Length == 0)
        {
            throw new ArgumentException($"{what} must not be empty", paramName);
        }

        if (text.Length > maxLength)
        {
            throw new ArgumentException(
                FormattableString.Invariant(
                    $"{what} is {text.Length} characters long; allowed 0..{maxLength}"),
                paramName);
        }

        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E || c == '\\')
            {
                throw new ArgumentException(
                    FormattableString.Invariant(
                        $"{what} '{text}' contains U+{(int)c:X4}; allowed printable ASCII ")
                        + "without '\\'",
                    paramName);
            }
        }
    }
}
