using System.Diagnostics;
using NUnit.Framework;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;

namespace Twin.Tests.Mechanics;

[TestFixture]
public sealed class RackRunSimulatorTests
{
    private static readonly CarouselParameters Carousel = CarouselParameters.Default;

    // a slide of 60 s in all: 10 s handling, 2 s macro, 1 s tissue finding, 47 s scanning
    private static readonly SlideTimeBudget Budget = new()
    {
        LoadUnloadS = 10,
        LabelMacroS = 2,
        TissueFindingS = 1,
        FocusS = 2,
        StripesS = 44,
        FinalizeS = 1,
    };

    [Test]
    public void Run_OneRackLoadedAtZero_FirstSlideStartsAfterCarouselIndex()
    {
        RackRunResult r = Sim().Run([Rack("A", 0, 3)]);
        Assert.That(r.Slides[0].StartS, Is.EqualTo(Carousel.RackIndexS));
        Assert.That(r.Slides[2].EndS, Is.EqualTo(Carousel.RackIndexS + 3 * 60));
        Assert.That(r.RackIndexMoves, Is.EqualTo(1));
    }

    [Test]
    public void Run_RackLoadedMidRun_StartsAfterEarlierRackAndNotBeforeItsLoad()
    {
        RackRunResult r = Sim().Run([Rack("A", 0, 5), Rack("B", 100, 2)]);
        SlideRunRecord firstB = r.Slides.First(s => s.RackId == "B");
        SlideRunRecord lastA = r.Slides.Last(s => s.RackId == "A");
        Assert.That(firstB.StartS, Is.EqualTo(lastA.EndS + Carousel.RackIndexS));
        Assert.That(firstB.WaitS, Is.EqualTo(firstB.StartS - 100));
    }

    [Test]
    public void Run_RackLoadedWhileScannerIdle_StartsAtLoadPlusIndex()
    {
        RackRunResult r = Sim().Run([Rack("A", 0, 1), Rack("B", 1000, 1)]);
        Assert.That(r.Slides[1].StartS, Is.EqualTo(1000 + Carousel.RackIndexS));
        Assert.That(r.Utilisation, Is.LessThan(0.2));
    }

    [Test]
    public void Run_UnreadableBarcode_SlideFailedAndCostsOnlyHandlingAndMacro()
    {
        RackLoad rack = Rack("A", 0, 3);
        var slides = rack.Slides.ToList();
        slides[1] = slides[1] with { Failure = SlideFailure.BarcodeUnreadable };
        RackRunResult r = Sim().Run([rack with { Slides = slides }]);

        SlideRunRecord failed = r.Slides[1];
        Assert.That(failed.Status, Is.EqualTo(SlideStatus.Failed));
        Assert.That(failed.Failure, Is.EqualTo(SlideFailure.BarcodeUnreadable));
        Assert.That(failed.EndS - failed.StartS, Is.EqualTo(12));
        Assert.That(r.ScannedCount, Is.EqualTo(2));
        Assert.That(r.FailedCount, Is.EqualTo(1));
    }

    [Test]
    public void Run_NoTissueFound_CostsHandlingMacroAndTissueFinding()
    {
        var slide = new RackSlide
        {
            Slot = 1, SlideId = "x", Budget = Budget, Failure = SlideFailure.NoTissueFound,
        };
        Assert.That(RackRunSimulator.OccupancyS(slide), Is.EqualTo(13));
    }

    [Test]
    public void Run_MoreRacksThanPositions_LastRackGoesInWhenOneFrees()
    {
        var loads = Enumerable.Range(1, Carousel.RackPositions + 1)
            .Select(i => Rack($"R{i}", 0, 2))
            .ToList();
        RackRunResult r = Sim().Run(loads);
        SlideRunRecord late = r.Slides.First(s => s.RackId == $"R{Carousel.RackPositions + 1}");
        double firstRackEnd = r.Slides.Where(s => s.RackId == "R1").Max(s => s.EndS);
        Assert.That(late.RackInsertedAtS, Is.EqualTo(firstRackEnd));
        Assert.That(late.RackLoadedAtS, Is.EqualTo(0));
    }

    [Test]
    public void Run_SlidesGivenOutOfOrder_ScannedInSlotOrder()
    {
        RackLoad rack = Rack("A", 0, 4);
        RackRunResult r = Sim().Run([rack with { Slides = rack.Slides.Reverse().ToList() }]);
        Assert.That(r.Slides.Select(s => s.Slot), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Run_DuplicateSlot_ThrowsNamingRackAndSlot()
    {
        RackLoad rack = Rack("A", 0, 2);
        var slides = new[] { rack.Slides[0], rack.Slides[0] };
        var ex = Assert.Throws<ArgumentException>(
            () => Sim().Run([rack with { Slides = slides }]));
        Assert.That(ex!.Message, Does.StartWith("Rack 'A' has two slides in slot 1."));
    }

    [Test]
    public void Run_SlotBeyondRack_Throws()
    {
        RackLoad rack = Rack("A", 0, 1);
        var slides = new[] { rack.Slides[0] with { Slot = Carousel.SlotsPerRack + 1 } };
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Sim().Run([rack with { Slides = slides }]));
    }

    [Test]
    public void Run_NoRacks_EmptyResult()
    {
        RackRunResult r = Sim().Run([]);
        Assert.That(r.Slides, Is.Empty);
        Assert.That(r.SlidesPerHour, Is.EqualTo(0));
    }

    [Test]
    public void Run_450SlideDayWithContinuousLoading_TakesWellUnderOneSecond()
    {
        // 15 racks offered one every 20 minutes, as an operator would through a day
        var loads = Enumerable.Range(0, 15).Select(i => Rack($"R{i}", i * 1200.0, 30)).ToList();
        var sim = Sim();
        sim.Run(loads); // warm-up: JIT is not the simulation's cost
        var watch = Stopwatch.StartNew();
        RackRunResult r = sim.Run(loads);
        watch.Stop();
        Assert.That(r.Slides, Has.Count.EqualTo(450));
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(0.25));
    }

    [Test]
    public void Run_SameInputTwice_IdenticalRecords()
    {
        var loads = new[] { Rack("A", 0, 10), Rack("B", 30, 10) };
        Assert.That(Sim().Run(loads).Slides, Is.EqualTo(Sim().Run(loads).Slides));
    }

    private static RackRunSimulator Sim() => new(Carousel);

    private static RackLoad Rack(string id, double atS, int count) => new()
    {
        RackId = id,
        LoadedAtS = atS,
        Slides = Enumerable.Range(1, count)
            .Select(s => new RackSlide { Slot = s, SlideId = $"{id}-{s}", Budget = Budget })
            .ToList(),
    };
}
