namespace Twin.Mechanics.Network;

/// <summary>
/// Steady-state rates and fixed delays of the scanner's network hops, from line rate, framing
/// and protocol overhead, TCP window over round trip, and encryption rate.
/// </summary>
/// <remarks>
/// A hop's goodput (image bytes/s) is the least of: line rate / 8 × framing efficiency ×
/// protocol efficiency; window / round-trip time; the end points' cipher rate. A file costs
/// set-up round trips before its first byte and one round trip after its last (the
/// acknowledgement: C-STORE response, SMB WRITE/CLOSE response).
/// </remarks>
// LIMITATION: steady-state TCP only; slow start, loss and retransmission are left out.
public sealed class NetworkModel
{
    /// <summary>Creates the model; the parameters are validated here, once.</summary>
    /// <param name="p">Links, converter rate and local buffer.</param>
    public NetworkModel(NetworkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        Parameters = p;
        ImageGoodputBytesPerS = GoodputBytesPerS(p.ImageLink);

        // the converter writes what it has received; its own rate caps the storage hop
        StorageGoodputBytesPerS =
            Math.Min(GoodputBytesPerS(p.StorageLink), p.ConverterBytesPerS);
        MetadataS = (p.MetadataLink.SetupRoundTrips + 1) * p.MetadataLink.RoundTripS
            + p.MetadataBytesPerSlide / GoodputBytesPerS(p.MetadataLink);
    }

    /// <summary>The parameters this model was built with.</summary>
    public NetworkParameters Parameters { get; }

    /// <summary>Image bytes per second the scanner → converter hop carries, B/s.</summary>
    public double ImageGoodputBytesPerS { get; }

    /// <summary>
    /// Image bytes per second the converter → storage hop carries, B/s (converter rate
    /// included).
    /// </summary>
    public double StorageGoodputBytesPerS { get; }

    /// <summary>One slide's metadata exchange with the SAM DataServer, s.</summary>
    public double MetadataS { get; }

    /// <summary>Capacity of the scanner's local buffer, bytes.</summary>
    public long BufferBytes => Parameters.LocalBufferBytes;

    /// <summary>Delay before the first image byte of a file leaves the scanner, s.</summary>
    public double ImageSetupS =>
        Parameters.ImageLink.SetupRoundTrips * Parameters.ImageLink.RoundTripS;

    /// <summary>Delay from the last image byte to the converter's acknowledgement, s.</summary>
    public double ImageAckS => Parameters.ImageLink.RoundTripS;

    /// <summary>Delay before the first byte of a file reaches the storage hop, s.</summary>
    public double StorageSetupS =>
        Parameters.StorageLink.SetupRoundTrips * Parameters.StorageLink.RoundTripS;

    /// <summary>Delay from the last byte to the storage server's acknowledgement, s.</summary>
    public double StorageAckS => Parameters.StorageLink.RoundTripS;

    /// <summary>
    /// Goodput of one hop, image bytes/s: the least of the framed line rate, window / round
    /// trip and the cipher rate.
    /// </summary>
    /// <param name="link">The hop.</param>
    public static double GoodputBytesPerS(LinkParameters link)
    {
        ArgumentNullException.ThrowIfNull(link);
        double wire = link.BitsPerS / 8 * ProtocolOverhead.Efficiency(link);
        double window = link.RoundTripS > 0
            ? link.WindowBytes / link.RoundTripS
            : double.PositiveInfinity;
        return Math.Min(Math.Min(wire, window), link.CipherBytesPerS);
    }

    /// <summary>
    /// Time to move a file of the given size over the scanner → converter hop alone, s:
    /// set-up, bytes / goodput, acknowledgement.
    /// </summary>
    /// <param name="bytes">File size, bytes (≥ 0).</param>
    public double ImageTransferS(long bytes)
    {
        Guard.NonNegative(bytes, nameof(bytes), "B");
        return ImageSetupS + bytes / ImageGoodputBytesPerS + ImageAckS;
    }

    /// <summary>
    /// Time to move a file of the given size over the converter → storage hop alone, s.
    /// </summary>
    /// <param name="bytes">File size, bytes (≥ 0).</param>
    public double StorageTransferS(long bytes)
    {
        Guard.NonNegative(bytes, nameof(bytes), "B");
        return StorageSetupS + bytes / StorageGoodputBytesPerS + StorageAckS;
    }
}
