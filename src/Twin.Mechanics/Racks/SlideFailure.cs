namespace Twin.Mechanics.Racks;

/// <summary>
/// Why the scanner gave up on a slide. A failed slide still costs the phases up to the failure:
/// it is loaded, imaged as far as needed to find the fault, and put back.
/// </summary>
public enum SlideFailure
{
    /// <summary>The slide scans normally.</summary>
    None = 0,

    /// <summary>
    /// The label barcode cannot be read: costs load/unload and label/macro imaging.
    /// </summary>
    BarcodeUnreadable = 1,

    /// <summary>
    /// Tissue finding finds no tissue: costs load/unload, label/macro imaging and tissue finding.
    /// </summary>
    NoTissueFound = 2,
}
