namespace Twin.Mechanics.Network;

/// <summary>
/// Bytes on the wire per byte of image data, from the header sizes the standards fix. Each
/// efficiency is payload / (payload + overhead), 1 = no overhead.
/// </summary>
public static class ProtocolOverhead
{
    /// <summary>
    /// Ethernet, IPv4 and TCP framing, 1: a frame carries MTU − 52 bytes of TCP payload
    /// (20 IPv4 + 20 TCP + 12 timestamp option) and costs MTU + 38 bytes of wire time
    /// (14 MAC header + 4 FCS + 8 preamble and start delimiter + 12 inter-frame gap).
    /// </summary>
    /// <param name="mtuBytes">IP MTU, bytes (1500 standard; 9000 jumbo).</param>
    // source: IEEE 802.3 frame layout; RFC 791 (IPv4), RFC 9293 (TCP), RFC 7323 (timestamps,
    // on by default in Linux and Windows). At 1500 B: 1448 / 1538 = 94.1 %.
    public static double FramingEfficiency(int mtuBytes) =>
        (mtuBytes - 52) / (double)(mtuBytes + 38);

    /// <summary>
    /// TLS 1.3 records with an AEAD cipher, 1: a full record carries 16 384 bytes and adds a
    /// 5-byte header, a 1-byte inner content type and a 16-byte authentication tag.
    /// </summary>
    // source: RFC 8446 §5.1-5.2 (record size limit 2^14, TLSInnerPlaintext, AES-GCM tag 16 B).
    // TLS 1.2 with AES-GCM adds an 8-byte explicit nonce instead of the content type: 0.04 %
    // less, left out.
    public static double TlsRecordEfficiency { get; } = 16_384 / (16_384.0 + 5 + 1 + 16);

    /// <summary>
    /// DICOM P-DATA-TF PDUs, 1: each PDU of the negotiated maximum length carries one PDV and
    /// adds a 6-byte PDU header, a 4-byte PDV length, a presentation context ID and a message
    /// control header (12 bytes in all).
    /// </summary>
    /// <param name="maxPduBytes">Negotiated maximum PDU length, bytes.</param>
    // source: DICOM PS3.8 §9.3.5 (P-DATA-TF PDU structure) and Annex E (PDV item).
    public static double DicomPduEfficiency(int maxPduBytes) =>
        (maxPduBytes - 6.0) / (maxPduBytes + 6.0);

    /// <summary>
    /// Encrypted SMB3 writes, 1: each WRITE request of the given size adds the 4-byte Direct
    /// TCP transport header, the 52-byte SMB2 TRANSFORM_HEADER, the 64-byte SMB2 header and the
    /// 48-byte fixed part of the WRITE request (168 bytes in all).
    /// </summary>
    /// <param name="writeBytes">Data bytes per WRITE request, bytes.</param>
    // source: [MS-SMB2] §2.1 (transport), §2.2.1 (header), §2.2.21 (WRITE request),
    // §2.2.41 (TRANSFORM_HEADER).
    public static double Smb3WriteEfficiency(int writeBytes) =>
        writeBytes / (writeBytes + 168.0);

    /// <summary>
    /// Payload efficiency of a link's application protocol, 1 (framing excluded).
    /// </summary>
    /// <param name="link">The link; its protocol and message size decide the overhead.</param>
    public static double ApplicationEfficiency(LinkParameters link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Protocol switch
        {
            // the PDU stream is itself cut into TLS records
            TransferProtocol.DicomOverTls =>
                DicomPduEfficiency(link.MessageBytes) * TlsRecordEfficiency,
            TransferProtocol.Smb3Encrypted => Smb3WriteEfficiency(link.MessageBytes),
            TransferProtocol.Https => TlsRecordEfficiency,
            _ => throw new ArgumentOutOfRangeException(
                nameof(link), link.Protocol, "Unknown transfer protocol."),
        };
    }

    /// <summary>
    /// Image bytes per byte of wire capacity, 1: framing × application efficiency.
    /// </summary>
    /// <param name="link">The link.</param>
    public static double Efficiency(LinkParameters link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return FramingEfficiency(link.MtuBytes) * ApplicationEfficiency(link);
    }
}
