namespace Twin.Mechanics.Racks;

/// <summary>
/// The resource with the most work in a run: in a pipeline of scanner, image link and storage
/// link, the one that sets the pace of a long run.
/// </summary>
public enum Bottleneck
{
    /// <summary>The scanner itself (handling, imaging, carousel).</summary>
    Scanner = 0,

    /// <summary>The image data hop, scanner to DICOM converter (TCP 2762, TLS).</summary>
    ImageLink = 1,

    /// <summary>The storage hop, DICOM converter to the image file system (SMB3).</summary>
    StorageLink = 2,
}
