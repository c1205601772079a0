namespace Twin.Mechanics.Network;

/// <summary>
/// The path of image files from the scanner to storage during a run, slide after slide. Image
/// data enter the scanner's local buffer while the slide is imaged and stream to the DICOM
/// converter as they come, one file after another (first in, first out). The scanner keeps a
/// file until the converter acknowledges all of it, and starts a slide only when the buffer can
/// hold that slide's whole file, because a stripe cannot be paused half-way. The converter
/// stores each file it has received over the storage hop, again one after another; metadata
/// go to the SAM DataServer on their own link once the file is closed.
/// </summary>
/// <remarks>
/// Data are taken to enter the buffer at a constant rate over the imaging phases, so a file
/// finishes leaving at max(first byte sent + size / goodput, file closed) + one round trip. A
/// file larger than the whole buffer waits for an empty buffer, and its imaging is stretched
/// so the buffer never overflows: imaging ≥ set-up + (size − buffer) / goodput.
/// </remarks>
// LIMITATION: the converter is taken to have room for every file; its own disk never fills.
public sealed class TransferPipeline
{
    private readonly NetworkModel model;
    private readonly Queue<(double ReleaseS, long Bytes)> held = new();
    private long heldBytes;
    private double imageFreeS;
    private double storageFreeS;
    private double metadataFreeS;

    /// <summary>Creates an empty pipeline: buffer empty, every link idle at time 0.</summary>
    /// <param name="model">Link rates and delays, buffer capacity.</param>
    public TransferPipeline(NetworkModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
    }

    /// <summary>Time the image hop needs for the files so far, s (set-up, data, ack).</summary>
    public double ImageLinkBusyS { get; private set; }

    /// <summary>Time the storage hop needs for the files so far, s.</summary>
    public double StorageLinkBusyS { get; private set; }

    /// <summary>Bytes held in the local buffer (files not yet acknowledged), bytes.</summary>
    public long HeldBytes => heldBytes;

    /// <summary>
    /// Schedules one slide's file. Slides must be given in the order the scanner takes them,
    /// with non-decreasing <paramref name="readyS"/>.
    /// </summary>
    /// <param name="bytes">File size, bytes (≥ 0).</param>
    /// <param name="readyS">Earliest start of the slide as far as the scanner goes, s.</param>
    /// <param name="beforeImagingS">From slide start to the first image line, s (≥ 0).</param>
    /// <param name="imagingS">Imaging phases (stripes, rescan, z layers), s (≥ 0).</param>
    /// <param name="finalizeS">From the last image line to the file closed, s (≥ 0).</param>
    public FileTransfer Schedule(
        long bytes, double readyS, double beforeImagingS, double imagingS, double finalizeS)
    {
        Guard.NonNegative(bytes, nameof(bytes), "B");
        Guard.NonNegative(readyS, nameof(readyS), "s");
        Guard.NonNegative(beforeImagingS, nameof(beforeImagingS), "s");
        Guard.NonNegative(imagingS, nameof(imagingS), "s");
        Guard.NonNegative(finalizeS, nameof(finalizeS), "s");

        long capacity = model.BufferBytes;
        double g = model.ImageGoodputBytesPerS;

        // wait for the converter to acknowledge enough earlier files; acknowledgements come
        // in file order, so the queue releases oldest first
        double start = readyS;
        long need = Math.Min(bytes, capacity);
        while (held.Count > 0 && (held.Peek().ReleaseS <= start || heldBytes + need > capacity))
        {
            var (releaseS, freed) = held.Dequeue();
            heldBytes -= freed;
            start = Math.Max(start, releaseS);
        }

        double throttle = bytes > capacity
            ? Math.Max(0, model.ImageSetupS + ((bytes - capacity) / g) - imagingS)
            : 0;
        double imagingStart = start + beforeImagingS;
        double imagingEnd = imagingStart + imagingS + throttle;
        double close = imagingEnd + finalizeS;

        double imageStart = Math.Max(imageFreeS, imagingStart) + model.ImageSetupS;
        double imageEnd = Math.Max(imageStart + (bytes / g), close) + model.ImageAckS;
        imageFreeS = imageEnd;
        held.Enqueue((imageEnd, need));
        heldBytes += need;
        ImageLinkBusyS += model.ImageTransferS(bytes);

        double storageStart = Math.Max(storageFreeS, imageEnd) + model.StorageSetupS;
        double storageEnd = storageStart + (bytes / model.StorageGoodputBytesPerS)
            + model.StorageAckS;
        storageFreeS = storageEnd;
        StorageLinkBusyS += model.StorageTransferS(bytes);

        double metadataEnd = Math.Max(metadataFreeS, close) + model.MetadataS;
        metadataFreeS = metadataEnd;

        return new FileTransfer
        {
            Bytes = bytes,
            ReadyS = readyS,
            SlideStartS = start,
            ThrottleS = throttle,
            ImagingStartS = imagingStart,
            ImagingEndS = imagingEnd,
            CloseS = close,
            ImageStartS = imageStart,
            ImageEndS = imageEnd,
            StorageStartS = storageStart,
            StorageEndS = storageEnd,
            MetadataEndS = metadataEnd,
        };
    }
}
