namespace Twin.Mechanics.Network;

/// <summary>
/// The site network the scanner's files leave over, as the GT 450 IT guide draws it: image data
/// from the scanner to the DICOM converter (DICOM over TLS, TCP 2762), from the converter to the
/// image file system on the storage server (SMB3 with encryption, TCP 445), image metadata from
/// the scanner to the SAM DataServer (HTTPS, 44386); plus the scanner's local buffer for files
/// not yet acknowledged.
/// </summary>
/// <remarks>
/// Events (6662/6663), NTP (123) and SQL Server (1433) carry no image data and are not modelled.
/// </remarks>
public sealed record NetworkParameters
{
    /// <summary>The defaults below: a gigabit LAN to every server.</summary>
    public static NetworkParameters Default { get; } = new();

    /// <summary>Scanner → DICOM converter, image data. Default 1 Gb/s DICOM over TLS.</summary>
    // source: GT 450 IT Manager and Lab Administrator Guide (MAN-0394 rev. E): "the Scanner
    // sends DICOM image data to the DICOM Converter ... using TLS encryption", TCP 2762.
    // Line rate, RTT and PDU size are estimates (see LinkParameters).
    public LinkParameters ImageLink { get; init; } = new()
    {
        Name = "image data: scanner to DICOM converter",
        Protocol = TransferProtocol.DicomOverTls,
        Port = 2762,
        MessageBytes = 65_536,
        SetupRoundTrips = 4,
    };

    /// <summary>
    /// DICOM converter → image file system, the finished file. Default 1 Gb/s SMB3 encrypted,
    /// 1 MiB writes.
    /// </summary>
    // source: same guide: the converter "sends the image data (either as a converted SVS file,
    // or as raw DICOM data) to the Image File System on the DSR Server ... using SMB3
    // Encryption", TCP 445. Write size 1 MiB: Windows SMB client default (estimate). Set-up:
    // CREATE and CLOSE on an open session, 2 round trips (estimate).
    public LinkParameters StorageLink { get; init; } = new()
    {
        Name = "file: DICOM converter to image file system",
        Protocol = TransferProtocol.Smb3Encrypted,
        Port = 445,
        MessageBytes = 1 << 20,
        SetupRoundTrips = 2,
    };

    /// <summary>Scanner → SAM DataServer, image metadata. Default 1 Gb/s HTTPS.</summary>
    // source: same guide: image metadata "sent using TLS encryption" to the SAM DataServer on
    // 44386. Set-up TCP (1) + TLS 1.2 (2) per slide (estimate).
    public LinkParameters MetadataLink { get; init; } = new()
    {
        Name = "metadata: scanner to SAM DataServer",
        Protocol = TransferProtocol.Https,
        Port = 44_386,
        SetupRoundTrips = 3,
    };

    /// <summary>
    /// Metadata sent per scanned slide (request and reply), bytes. Default 16 384.
    /// </summary>
    // source: estimate. Barcode, scan settings, times and a thumbnail reference in JSON or XML
    // with HTTP headers: a few kB; 16 KiB leaves margin.
    public int MetadataBytesPerSlide { get; init; } = 16_384;

    /// <summary>
    /// Rate at which the DICOM converter turns a received file into the stored one, bytes/s.
    /// Default 5e8 (500 MB/s).
    /// </summary>
    // source: estimate. SVS output re-wraps the scanner's JPEG tiles without re-encoding, so
    // the converter is bound by its disk, ~0.5 GB/s for a server SSD array.
    public double ConverterBytesPerS { get; init; } = 5e8;

    /// <summary>
    /// Scanner's local store for image files not yet acknowledged by the converter, bytes.
    /// Default 16e9 (16 GB).
    /// </summary>
    // source: estimate (unverified). The scanner keeps each file until the converter has it;
    // 16 GB is RAM or a small SSD partition on the scanner's controller.
    public long LocalBufferBytes { get; init; } = 16_000_000_000;

    /// <summary>
    /// The same network with the image and storage hops at another line rate, bit/s (the
    /// metadata hop is left as it is).
    /// </summary>
    /// <param name="bitsPerS">Line rate, bit/s (&gt; 0).</param>
    public NetworkParameters WithDataLinkRate(double bitsPerS) => this with
    {
        ImageLink = ImageLink with { BitsPerS = bitsPerS },
        StorageLink = StorageLink with { BitsPerS = bitsPerS },
    };

    /// <summary>
    /// Checks every parameter once; throws <see cref="ArgumentOutOfRangeException"/> naming the
    /// parameter, its value, the allowed range and the unit.
    /// </summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(ImageLink, nameof(ImageLink));
        ArgumentNullException.ThrowIfNull(StorageLink, nameof(StorageLink));
        ArgumentNullException.ThrowIfNull(MetadataLink, nameof(MetadataLink));
        ImageLink.Validate();
        StorageLink.Validate();
        MetadataLink.Validate();
        Guard.NonNegative(MetadataBytesPerSlide, nameof(MetadataBytesPerSlide), "B");
        Guard.Positive(ConverterBytesPerS, nameof(ConverterBytesPerS), "B/s");
        Guard.InRange(LocalBufferBytes, 1, long.MaxValue, nameof(LocalBufferBytes), "B");
    }
}
