using NUnit.Framework;
using Twin.Mechanics.Network;

namespace Twin.Tests.Mechanics;

[TestFixture]
public sealed class NetworkModelTests
{
    private static readonly NetworkParameters P = NetworkParameters.Default;

    [Test]
    public void FramingEfficiency_StandardMtu_Is1448BytesPer1538OnTheWire()
    {
        Assert.That(ProtocolOverhead.FramingEfficiency(1500), Is.EqualTo(1448.0 / 1538));
    }

    [Test]
    public void FramingEfficiency_JumboFrames_AboveStandardFrames()
    {
        Assert.That(
            ProtocolOverhead.FramingEfficiency(9000),
            Is.GreaterThan(ProtocolOverhead.FramingEfficiency(1500) + 0.04));
    }

    [Test]
    public void Goodput_GigabitDicomOverTls_IsLineRateLessFramingPduAndRecordHeaders()
    {
        double expected = 125e6 * (1448.0 / 1538) * (65_530.0 / 65_542) * (16_384.0 / 16_406);
        Assert.That(
            NetworkModel.GoodputBytesPerS(P.ImageLink), Is.EqualTo(expected).Within(1e-6));
        Assert.That(expected, Is.InRange(117e6, 118e6));
    }

    [Test]
    public void Goodput_FiftyMillisecondRoundTrip_CappedByWindowOverRoundTrip()
    {
        LinkParameters wan = P.StorageLink with { RoundTripS = 0.05 };
        Assert.That(
            NetworkModel.GoodputBytesPerS(wan), Is.EqualTo((4 << 20) / 0.05).Within(1e-6));
    }

    [Test]
    public void Goodput_SlowCipher_CappedByCipherRate()
    {
        LinkParameters slowCrypto = P.ImageLink with { BitsPerS = 10e9, CipherBytesPerS = 3e8 };
        Assert.That(NetworkModel.GoodputBytesPerS(slowCrypto), Is.EqualTo(3e8));
    }

    [Test]
    public void StorageGoodput_SlowConverter_CappedByConverterRate()
    {
        var model = new NetworkModel(P with { ConverterBytesPerS = 5e7 });
        Assert.That(model.StorageGoodputBytesPerS, Is.EqualTo(5e7));
    }

    [Test]
    public void ImageTransfer_OneGigabyte_IsSetupPlusBytesOverGoodputPlusAck()
    {
        var model = new NetworkModel(P);
        double expected = (4 * 0.0005) + (1e9 / model.ImageGoodputBytesPerS) + 0.0005;
        Assert.That(model.ImageTransferS(1_000_000_000), Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Constructor_ZeroLineRate_ThrowsNamingParameterValueAndUnit()
    {
        var bad = P with { ImageLink = P.ImageLink with { BitsPerS = 0 } };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new NetworkModel(bad));
        Assert.That(
            ex!.Message, Does.StartWith("BitsPerS = 0 bit/s is out of range; expected > 0 bit/s."));
    }

    [Test]
    public void WithDataLinkRate_TenGigabit_ChangesImageAndStorageHopsOnly()
    {
        NetworkParameters fast = P.WithDataLinkRate(10e9);
        Assert.That(fast.ImageLink.BitsPerS, Is.EqualTo(10e9));
        Assert.That(fast.StorageLink.BitsPerS, Is.EqualTo(10e9));
        Assert.That(fast.MetadataLink, Is.EqualTo(P.MetadataLink));
    }

    [Test]
    public void DefaultPorts_MatchTheVendorGuide()
    {
        Assert.That(
            new[] { P.ImageLink.Port, P.StorageLink.Port, P.MetadataLink.Port },
            Is.EqualTo(new[] { 2762, 445, 44_386 }));
    }
}
