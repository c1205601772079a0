namespace Twin.Mechanics.Network;

/// <summary>
/// How one slide's image file left the scanner and reached storage; all times in s from the
/// run start.
/// </summary>
public sealed record FileTransfer
{
    /// <summary>File size, bytes.</summary>
    public required long Bytes { get; init; }

    /// <summary>
    /// Time the slide could have started had the buffer had room, s (the scanner's own
    /// readiness).
    /// </summary>
    public required double ReadyS { get; init; }

    /// <summary>Time the slide actually started, s (≥ <see cref="ReadyS"/>).</summary>
    public required double SlideStartS { get; init; }

    /// <summary>
    /// Time added inside the scan because the file is larger than the local buffer and its
    /// stripes must wait for the link, s.
    /// </summary>
    public required double ThrottleS { get; init; }

    /// <summary>First image line of the slide, s: image data begin to enter the buffer.</summary>
    public required double ImagingStartS { get; init; }

    /// <summary>Last image line (throttling included), s.</summary>
    public required double ImagingEndS { get; init; }

    /// <summary>The file closed on the scanner, s.</summary>
    public required double CloseS { get; init; }

    /// <summary>First image byte sent to the DICOM converter, s.</summary>
    public required double ImageStartS { get; init; }

    /// <summary>The converter acknowledged the whole file, s: its buffer space is free.</summary>
    public required double ImageEndS { get; init; }

    /// <summary>First byte written to the image file system, s.</summary>
    public required double StorageStartS { get; init; }

    /// <summary>The storage server acknowledged the whole file, s.</summary>
    public required double StorageEndS { get; init; }

    /// <summary>The SAM DataServer has the slide's metadata, s.</summary>
    public required double MetadataEndS { get; init; }

    /// <summary>Time the scanner waited before the slide for buffer space, s.</summary>
    public double BufferStallS => SlideStartS - ReadyS;

    /// <summary>Time the slide is stored and registered, s: file and metadata both done.</summary>
    public double StoredS => Math.Max(StorageEndS, MetadataEndS);
}
