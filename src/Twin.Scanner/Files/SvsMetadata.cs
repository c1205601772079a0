namespace Twin.Scanner.Files;

/// <summary>
/// What an SVS file says about its slide and scan: the Aperio ImageDescription fields and the
/// encoding settings. Immutable; validated by <see cref="SvsWriter"/> when a writer is created.
/// </summary>
/// <remarks>
/// Text fields end up in a TIFF ASCII tag that readers split on <c>|</c> and <c>=</c>, so they
/// must be printable ASCII without <c>|</c>; extra keys must not contain <c>=</c> either.
/// </remarks>
public sealed record SvsMetadata
{
    /// <summary>Most focal planes a file may hold.</summary>
    public const int MaxFocalPlanes = 31;

    /// <summary>Largest focal-plane offset from best focus, either way, in µm.</summary>
    public const double MaxFocalOffsetUm = 100;

    /// <summary>
    /// The defaults: 40x, 0.26 µm/px, JPEG quality 91, 256 px tiles, one focal plane.
    /// </summary>
    public static SvsMetadata Default { get; } = new();

    /// <summary>Objective magnification written as <c>AppMag</c>: 40 or 20. Default 40.</summary>
    public int AppMag { get; init; } = 40;

    /// <summary>
    /// Pixel size of level 0 in µm per pixel (same in x and y), written as <c>MPP</c> with four
    /// decimals. Default 0.26 µm (GT 450 at 40x; 0.52 µm at 20x).
    /// </summary>
    public double MicronsPerPixel { get; init; } = 0.26;

    /// <summary>Scanner serial written as <c>ScanScope ID</c>. Default "GT450TWIN".</summary>
    public string ScannerId { get; init; } = "GT450TWIN";

    /// <summary>
    /// Acquisition time written as <c>Date</c> (MM/dd/yy) and <c>Time</c> (HH:mm:ss) with
    /// <c>Time Zone = GMT+00:00</c>: the value is taken as UTC, so its kind must be
    /// <see cref="DateTimeKind.Utc"/> or <see cref="DateTimeKind.Unspecified"/>. Supplied by the
    /// caller (the simulation clock), never read from the wall clock. Default 1970-01-01 00:00:00.
    /// </summary>
    public DateTime AcquiredAt { get; init; } = DateTime.UnixEpoch;

    /// <summary>
    /// Width of one scan stripe in level-0 pixels, written as <c>StripeWidth</c>. Default 4096 px
    /// (≈ 1.06 mm at 0.26 µm/px).
    /// </summary>
    public int StripeWidthPx { get; init; } = 4096;

    /// <summary>
    /// Focus offset in µm written as <c>Focus Offset</c> (six decimals). Default 0.
    /// </summary>
    public double FocusOffsetUm { get; init; }

    /// <summary>The slide's name, written as <c>Filename</c> (no folder, no extension).</summary>
    public string Filename { get; init; } = "slide";

    /// <summary>Image identifier written as <c>ImageID</c>. Default "0".</summary>
    public string ImageId { get; init; } = "0";

    /// <summary>
    /// JPEG quality of every JPEG page, 1..100. Default 91 (as the GT 450 writes).
    /// </summary>
    public int JpegQuality { get; init; } = 91;

    /// <summary>
    /// YCbCr chroma subsampling of the pyramid's JPEG tiles: 2 (4:2:0, the default, as GT 450
    /// files carry) or 1 (4:4:4, full colour resolution, larger files). Thumbnail and macro
    /// stay 4:2:0.
    /// </summary>
    public int ChromaSubsampling { get; init; } = 2;

    /// <summary>
    /// Tile edge in pixels for level 0 and the reduced levels: a multiple of 16 in 64..2048.
    /// Default 256 (GT 450; older Aperio scanners used 240).
    /// </summary>
    public int TileSize { get; init; } = 256;

    /// <summary>
    /// Focal planes of the slide: each plane's z offset in µm from best focus (positive towards
    /// the objective, as slide heights are), in ascending order. An odd count
    /// centred on best focus: the middle value must be 0, e.g. [-1, -0.5, 0, 0.5, 1]. Offsets
    /// are written rounded to 0.001 µm and must stay distinct after rounding, within
    /// ±<see cref="MaxFocalOffsetUm"/> µm, at most <see cref="MaxFocalPlanes"/> planes.
    /// Default [0]: one plane, written exactly as a single-plane scan always was. With more than
    /// one plane every plane gets its own pyramid and each of its descriptions carries
    /// <c>TotalDepth</c> (plane count) and <c>OffsetZ</c> (this list's value, µm).
    /// </summary>
    public IReadOnlyList<double> FocalPlanesUm { get; init; } = [0];

    /// <summary>
    /// Further <c>key = value</c> fields appended, in order, after the standard fields of the
    /// level-0 description. Keys must be unique and must not repeat a standard field. Default none.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraFields { get; init; } = [];
}
