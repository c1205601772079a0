namespace Twin.Mechanics.Network;

/// <summary>
/// One network hop as the twin models it: line rate, round-trip time, MTU, TCP window, the
/// application protocol and its message size, the connection set-up per file and the rate at
/// which the end points encrypt. <see cref="NetworkParameters"/> holds the defaults of each of
/// the scanner's three hops.
/// </summary>
public sealed record LinkParameters
{
    /// <summary>What the hop carries, for reports. Default "link".</summary>
    // source: naming only, no physical meaning.
    public string Name { get; init; } = "link";

    /// <summary>Application protocol. Default DICOM over TLS.</summary>
    // source: GT 450 IT Manager and Lab Administrator Guide (MAN-0394 rev. E), data pathways.
    public TransferProtocol Protocol { get; init; } = TransferProtocol.DicomOverTls;

    /// <summary>TCP port the hop uses (reported, not simulated). Default 2762.</summary>
    // source: GT 450 IT Manager and Lab Administrator Guide: image data on TCP 2762.
    public int Port { get; init; } = 2762;

    /// <summary>Line rate of the slowest segment of the hop, bit/s. Default 1e9 (1 Gb/s).</summary>
    // source: estimate (unverified). Gigabit Ethernet to the scanner is the usual lab
    // installation; the vendor guide has a bandwidth section whose figure is not checked here.
    public double BitsPerS { get; init; } = 1e9;

    /// <summary>Round-trip time between the end points, s. Default 0.0005 s (0.5 ms).</summary>
    // source: estimate. A switched campus LAN through a firewall: 0.1-1 ms; use 10-50 ms for
    // storage in a remote data centre.
    public double RoundTripS { get; init; } = 0.0005;

    /// <summary>IP maximum transmission unit, bytes. Default 1500.</summary>
    // source: IEEE 802.3 standard frame; jumbo frames (9000) need every hop configured.
    public int MtuBytes { get; init; } = 1500;

    /// <summary>
    /// Bytes a sender may have unacknowledged (TCP receive window, or SMB credits × write size),
    /// bytes. Caps throughput at window / round trip. Default 4 MiB.
    /// </summary>
    // source: estimate. Current Linux and Windows stacks auto-tune receive windows to a few MiB;
    // with 0.5 ms that is far above any LAN rate, with 50 ms it caps a link at ~84 MB/s.
    public int WindowBytes { get; init; } = 4 << 20;

    /// <summary>
    /// Application message size, bytes: the negotiated maximum DICOM PDU length, or the SMB3
    /// WRITE size (unused for HTTPS). Default 65 536.
    /// </summary>
    // source: estimate. DICOM toolkits negotiate 16-128 KiB PDUs; Windows SMB3 clients write
    // 1 MiB per request (the storage default in NetworkParameters).
    public int MessageBytes { get; init; } = 65_536;

    /// <summary>
    /// Round trips spent before the first data byte of each file: TCP and TLS handshakes,
    /// DICOM association, or SMB CREATE, count. Default 4.
    /// </summary>
    // source: estimate. A new connection per file: TCP (1) + TLS 1.2 (2) + A-ASSOCIATE (1).
    public int SetupRoundTrips { get; init; } = 4;

    /// <summary>
    /// Rate at which the slower end point encrypts and authenticates data, bytes/s.
    /// Default 1e9 (1 GB/s).
    /// </summary>
    // source: estimate. AES-GCM with AES-NI runs at 1-4 GB/s per x86 core; an embedded scanner
    // controller is taken at the low end.
    public double CipherBytesPerS { get; init; } = 1e9;

    /// <summary>
    /// Checks every parameter once; throws <see cref="ArgumentOutOfRangeException"/> naming the
    /// parameter, its value, the allowed range and the unit.
    /// </summary>
    public void Validate()
    {
        Guard.InRange(Port, 1, 65_535, nameof(Port), "(port)");
        Guard.Positive(BitsPerS, nameof(BitsPerS), "bit/s");
        Guard.NonNegative(RoundTripS, nameof(RoundTripS), "s");
        Guard.InRange(MtuBytes, 576, 65_535, nameof(MtuBytes), "B");
        Guard.InRange(WindowBytes, 1024, int.MaxValue, nameof(WindowBytes), "B");
        Guard.InRange(MessageBytes, 512, int.MaxValue, nameof(MessageBytes), "B");
        Guard.InRange(SetupRoundTrips, 0, 100, nameof(SetupRoundTrips), "round trips");
        Guard.Positive(CipherBytesPerS, nameof(CipherBytesPerS), "B/s");
    }
}
