using NUnit.Framework;
using Twin.Mechanics.Network;

namespace Twin.Tests.Mechanics;

[TestFixture]
public sealed class TransferPipelineTests
{
    // a lossless 100 MB/s hop with no delays, so times are easy to check by hand
    private static readonly LinkParameters Ideal = new()
    {
        BitsPerS = 8e8,
        RoundTripS = 0,
        SetupRoundTrips = 0,
        CipherBytesPerS = 1e12,
    };

    private static double G => NetworkModel.GoodputBytesPerS(Ideal);

    [Test]
    public void Schedule_LinkFasterThanImaging_FileAcknowledgedWhenClosed()
    {
        var pipe = Pipe(bufferBytes: 10_000_000_000);
        FileTransfer t = pipe.Schedule(1_000_000, 0, 10, 30, 1);
        Assert.That(t.SlideStartS, Is.EqualTo(0));
        Assert.That(t.CloseS, Is.EqualTo(41));
        Assert.That(t.ImageEndS, Is.EqualTo(41));
    }

    [Test]
    public void Schedule_LinkSlowerThanImaging_FileDoneAtBytesOverGoodput()
    {
        var pipe = Pipe(bufferBytes: 10_000_000_000);
        FileTransfer t = pipe.Schedule(8_000_000_000, 0, 10, 30, 1);
        Assert.That(t.ImageEndS, Is.EqualTo(10 + (8e9 / G)).Within(1e-9));
    }

    [Test]
    public void Schedule_BufferHoldsOneFile_NextSlideWaitsForTheAcknowledgement()
    {
        var pipe = Pipe(bufferBytes: 6_000_000_000);
        FileTransfer first = pipe.Schedule(4_000_000_000, 0, 10, 30, 1);
        FileTransfer second = pipe.Schedule(4_000_000_000, 45, 10, 30, 1);
        Assert.That(second.SlideStartS, Is.EqualTo(first.ImageEndS));
        Assert.That(second.BufferStallS, Is.EqualTo(first.ImageEndS - 45).Within(1e-9));
    }

    [Test]
    public void Schedule_BufferHoldsBothFiles_NoStall()
    {
        var pipe = Pipe(bufferBytes: 9_000_000_000);
        pipe.Schedule(4_000_000_000, 0, 10, 30, 1);
        FileTransfer second = pipe.Schedule(4_000_000_000, 45, 10, 30, 1);
        Assert.That(second.BufferStallS, Is.EqualTo(0));
        Assert.That(pipe.HeldBytes, Is.EqualTo(8_000_000_000));
    }

    [Test]
    public void Schedule_FileLargerThanBuffer_ImagingStretchedToWhatTheLinkDrains()
    {
        var pipe = Pipe(bufferBytes: 1_000_000_000);
        FileTransfer t = pipe.Schedule(5_000_000_000, 0, 10, 10, 1);

        // 4 GB beyond the buffer must have left before the last line: 4e9 / G seconds
        Assert.That(t.ThrottleS, Is.EqualTo((4e9 / G) - 10).Within(1e-9));
        Assert.That(pipe.HeldBytes, Is.LessThanOrEqualTo(1_000_000_000));
    }

    [Test]
    public void Schedule_StorageHop_StartsOnlyOnceTheConverterHasTheFile()
    {
        var pipe = Pipe(bufferBytes: 10_000_000_000);
        FileTransfer t = pipe.Schedule(2_000_000_000, 0, 10, 30, 1);
        Assert.That(t.StorageStartS, Is.GreaterThanOrEqualTo(t.ImageEndS));
        Assert.That(t.StoredS, Is.GreaterThan(t.StorageStartS));
    }

    [Test]
    public void Schedule_NegativeReadyTime_ThrowsNamingArgument()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => Pipe(1_000).Schedule(1, -1, 0, 0, 0));
        Assert.That(ex!.ParamName, Is.EqualTo("readyS"));
    }

    private static TransferPipeline Pipe(long bufferBytes) => new(new NetworkModel(new()
    {
        ImageLink = Ideal with { Protocol = TransferProtocol.DicomOverTls },
        StorageLink = Ideal with { Protocol = TransferProtocol.Smb3Encrypted },
        MetadataLink = Ideal with { Protocol = TransferProtocol.Https },
        LocalBufferBytes = bufferBytes,
        ConverterBytesPerS = 1e12,
    }));
}
