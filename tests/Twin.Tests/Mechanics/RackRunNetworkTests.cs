using NUnit.Framework;
using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;

namespace Twin.Tests.Mechanics;

[TestFixture]
public sealed class RackRunNetworkTests
{
    private static readonly CarouselParameters Carousel = CarouselParameters.Default;

    // 60 s in all, 40 s of it imaging
    private static readonly SlideTimeBudget Budget = new()
    {
        LoadUnloadS = 10,
        LabelMacroS = 2,
        TissueFindingS = 1,
        FocusS = 2,
        StripesS = 40,
        FinalizeS = 5,
    };

    [Test]
    public void Run_FastNetwork_ScannerTimesSameAsWithoutNetwork()
    {
        RackLoad rack = Rack("A", 30, bytes: 600_000_000);
        RackRunResult plain = new RackRunSimulator(Carousel).Run([rack]);
        RackRunResult networked =
            new RackRunSimulator(Carousel, NetworkParameters.Default).Run([rack]);

        Assert.That(
            networked.Slides.Select(s => (s.StartS, s.EndS)),
            Is.EqualTo(plain.Slides.Select(s => (s.StartS, s.EndS))));
        Assert.That(networked.BufferStallS, Is.EqualTo(0));
        Assert.That(networked.Bottleneck, Is.EqualTo(Bottleneck.Scanner));
    }

    [Test]
    public void Run_FastNetwork_LastFileStoredAfterLastSlideEnds()
    {
        RackRunResult r = new RackRunSimulator(Carousel, NetworkParameters.Default)
            .Run([Rack("A", 3, bytes: 600_000_000)]);
        Assert.That(r.FilesDoneS, Is.GreaterThan(r.EndS));
        Assert.That(r.SpanS, Is.EqualTo(r.FilesDoneS - r.FirstInsertS));
    }

    [Test]
    public void Run_WithoutNetwork_NoTransfersAndSpanEndsWithLastSlide()
    {
        RackRunResult r = new RackRunSimulator(Carousel).Run([Rack("A", 3, bytes: 1)]);
        Assert.That(r.Slides.All(s => s.Transfer is null), Is.True);
        Assert.That(r.SpanS, Is.EqualTo(r.EndS - r.FirstInsertS));
    }

    [Test]
    public void Run_HundredMegabitLinkSmallBuffer_ScannerStallsAndImageLinkIsTheBottleneck()
    {
        NetworkParameters slow = NetworkParameters.Default.WithDataLinkRate(1e8) with
        {
            LocalBufferBytes = 2_000_000_000,
        };
        RackRunResult r = new RackRunSimulator(Carousel, slow).Run([Rack("A", 30, 1_000_000_000)]);

        // each 1 GB file needs ~86 s at ~11.6 MB/s against 60 s of scanner time
        Assert.That(r.BufferStallS, Is.GreaterThan(0));
        Assert.That(r.Bottleneck, Is.EqualTo(Bottleneck.ImageLink));
        double perSlideS = r.SpanS / 30;
        Assert.That(perSlideS, Is.GreaterThan(80));
    }

    [Test]
    public void Run_FailedSlide_SendsNoFile()
    {
        RackLoad rack = Rack("A", 2, bytes: 1_000_000);
        var slides = rack.Slides.ToList();
        slides[0] = slides[0] with { Failure = SlideFailure.NoTissueFound };
        RackRunResult r = new RackRunSimulator(Carousel, NetworkParameters.Default)
            .Run([rack with { Slides = slides }]);
        Assert.That(r.Slides[0].Transfer, Is.Null);
        Assert.That(r.Slides[1].Transfer, Is.Not.Null);
    }

    [Test]
    public void Run_NegativeFileBytes_ThrowsNamingField()
    {
        RackLoad rack = Rack("A", 1, bytes: -1);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new RackRunSimulator(Carousel, NetworkParameters.Default).Run([rack]));
        Assert.That(ex!.ParamName, Is.EqualTo("FileBytes"));
    }

    private static RackLoad Rack(string id, int count, long bytes) => new()
    {
        RackId = id,
        LoadedAtS = 0,
        Slides = Enumerable.Range(1, count)
            .Select(s => new RackSlide
            {
                Slot = s, SlideId = $"{id}-{s}", Budget = Budget, FileBytes = bytes,
            })
            .ToList(),
    };
}
