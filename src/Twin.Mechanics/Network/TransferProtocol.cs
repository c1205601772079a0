namespace Twin.Mechanics.Network;

/// <summary>
/// The application protocol a link carries, which decides its per-message overhead and its
/// connection set-up. The pairing of data and protocol follows the GT 450 IT Manager and Lab
/// Administrator Guide (MAN-0394 rev. E, "Data Communication Pathways").
/// </summary>
public enum TransferProtocol
{
    /// <summary>
    /// DICOM image data in P-DATA-TF PDUs inside TLS records over TCP: scanner to DICOM
    /// converter on TCP 2762 (the IANA port for DICOM over TLS).
    /// </summary>
    DicomOverTls = 0,

    /// <summary>
    /// SMB3 with encryption (each message in an SMB2 transform header) over TCP 445: DICOM
    /// converter to the image file system on the storage server.
    /// </summary>
    Smb3Encrypted = 1,

    /// <summary>
    /// HTTPS (HTTP in TLS records over TCP): image metadata and configuration between the scanner
    /// and the SAM DataServer on port 44386.
    /// </summary>
    Https = 2,
}
