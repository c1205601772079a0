namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// What the DICOM whole-slide files say about the slide, the scan and the scanner. Immutable;
/// validated when a <see cref="DicomWsiWriter"/> is created. Text fields must be printable
/// ASCII without <c>\</c> (the DICOM value separator), within the lengths given.
/// </summary>
public sealed record DicomWsiMetadata
{
    /// <summary>Written as Manufacturer in every file.</summary>
    public const string Manufacturer = "GT450Twin";

    /// <summary>
    /// The defaults: slide "slide", 40x, 0.26 µm/px, 4 µm section, JPEG quality 91.
    /// </summary>
    public static DicomWsiMetadata Default { get; } = new();

    /// <summary>
    /// The slide's identifier (its barcode), written as Container Identifier and Specimen
    /// Identifier; 1..64 characters. Default "slide".
    /// </summary>
    public string SlideId { get; init; } = "slide";

    /// <summary>
    /// Seed from which every UID (study, series, instances, frame of reference, specimen) is
    /// derived, so the same seed gives the same files. Empty (the default) uses
    /// <see cref="SlideId"/>.
    /// </summary>
    public string UidSeed { get; init; } = "";

    /// <summary>
    /// Placeholder patient name (PN, up to 64 characters). Default "Twin^Synthetic".
    /// </summary>
    public string PatientName { get; init; } = "Twin^Synthetic";

    /// <summary>
    /// Placeholder patient identifier (up to 64 characters). Default "SYNTHETIC".
    /// </summary>
    public string PatientId { get; init; } = "SYNTHETIC";

    /// <summary>Study identifier (up to 16 characters). Default "1".</summary>
    public string StudyId { get; init; } = "1";

    /// <summary>Accession number (up to 16 characters; may be empty). Default empty.</summary>
    public string AccessionNumber { get; init; } = "";

    /// <summary>Series number, 1..99999. Default 1.</summary>
    public int SeriesNumber { get; init; } = 1;

    /// <summary>
    /// Objective magnification, written as Objective Lens Power. Only 40 is accepted: the
    /// GT 450's DICOM output is not available for 20x scans (<see cref="DicomRules"/>).
    /// </summary>
    public int AppMag { get; init; } = 40;

    /// <summary>
    /// Level-0 pixel size in µm per pixel (square pixels), above 0 up to 100. Written as Pixel
    /// Spacing in mm. Default 0.26 µm (GT 450 at 40x).
    /// </summary>
    public double MicronsPerPixel { get; init; } = 0.26;

    /// <summary>Objective numerical aperture, above 0 up to 1.5. Default 0.75.</summary>
    public double NumericalAperture { get; init; } = 0.75;

    /// <summary>
    /// Section thickness in µm, above 0 up to 1000: written as Slice Thickness (mm) and Imaged
    /// Volume Depth (µm, which must not be zero). Default 4 µm.
    /// </summary>
    public double SectionThicknessUm { get; init; } = 4.0;

    /// <summary>Scanner model (up to 64 characters). Default "Aperio GT 450 twin".</summary>
    public string ModelName { get; init; } = "Aperio GT 450 twin";

    /// <summary>Scanner serial number (up to 64 characters). Default "GT450TWIN".</summary>
    public string SerialNumber { get; init; } = "GT450TWIN";

    /// <summary>Scanner software version (up to 64 characters). Default "1.3".</summary>
    public string SoftwareVersion { get; init; } = "1.3";

    /// <summary>
    /// Acquisition time, written as study, series, content and acquisition date-time. Taken as
    /// UTC: its kind must be Utc or Unspecified. Supplied by the caller (the simulation clock),
    /// never read from the wall clock. Default 1970-01-01 00:00:00.
    /// </summary>
    public DateTime AcquiredAt { get; init; } = DateTime.UnixEpoch;

    /// <summary>JPEG quality of every frame, 1..100. Default 91 (as the GT 450's SVS).</summary>
    public int JpegQuality { get; init; } = 91;

    /// <summary>Frame (tile) edge in pixels: a multiple of 16 in 64..2048. Default 256.</summary>
    public int TileSize { get; init; } = 256;

    /// <summary>
    /// Slide-coordinate X of the image's top-left pixel, mm, above −100 up to 100 (Total Pixel
    /// Matrix Origin).
    /// Image rows run towards −Y and columns towards −X (Image Orientation (Slide)
    /// 0\−1\0\−1\0\0: the label on the image's left). Default 20 mm.
    /// </summary>
    public double OriginXMm { get; init; } = 20.0;

    /// <summary>
    /// Slide-coordinate Y of the image's top-left pixel, mm, above −100 up to 100. Default 60 mm.
    /// </summary>
    public double OriginYMm { get; init; } = 60.0;
}
