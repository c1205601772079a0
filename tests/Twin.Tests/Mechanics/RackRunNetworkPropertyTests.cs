using FsCheck;
using FsCheck.Fluent;
using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Mechanics;

/// <summary>
/// Invariants of rack runs with files leaving over the network: up to 6 racks, files up to
/// 40 GB (a z-stack), links from 10 Mb/s to 10 Gb/s, buffers from 0.5 to 50 GB, one slide in
/// ten failing.
/// </summary>
public sealed class RackRunNetworkPropertyTests
{
    private const double Eps = 1e-6;

    private static readonly CarouselParameters Carousel = CarouselParameters.Default;

    private static readonly Gen<RackSlide> SlideGen =
        from scanS in Gen.Choose(0, 900)
        from megabytes in Gen.Frequency((3, Gen.Choose(0, 2_000)), (1, Gen.Choose(0, 40_000)))
        from failure in Gen.Frequency(
            (9, Gen.Constant(SlideFailure.None)),
            (1, Gen.Constant(SlideFailure.NoTissueFound)))
        select new RackSlide
        {
            Slot = 0,
            SlideId = "",
            Failure = failure,
            FileBytes = megabytes * 1_000_000L,
            Budget = new SlideTimeBudget
            {
                LoadUnloadS = 8.7,
                LabelMacroS = 2,
                TissueFindingS = 0.5,
                FocusS = 1.5,
                StripesS = scanS,
                FinalizeS = 0.5,
            },
        };

    private static readonly Gen<RackLoad[]> DayGen =
        from rackCount in Gen.Choose(0, 6)
        from racks in Gen.ArrayOf(RackGen, rackCount)
        select racks.Select((r, i) => r with { RackId = $"R{i}" }).ToArray();

    private static readonly Gen<NetworkParameters> NetworkGen =
        from megabits in Gen.Choose(10, 10_000)
        from bufferGb in Gen.Choose(1, 100)
        from rttMs in Gen.Elements(0.2, 1.0, 20.0)
        select NetworkParameters.Default.WithDataLinkRate(megabits * 1e6) with
        {
            LocalBufferBytes = bufferGb * 500_000_000L,
            StorageLink = NetworkParameters.Default.StorageLink with
            {
                BitsPerS = megabits * 1e6,
                RoundTripS = rttMs * 1e-3,
            },
        };

    private static Gen<RackLoad> RackGen =>
        from atS in Gen.Choose(0, 7_200)
        from slotsUsed in Gen.SubListOf(Enumerable.Range(1, 12))
        from slides in Gen.ArrayOf(SlideGen, slotsUsed.Count)
        select new RackLoad
        {
            RackId = "",
            LoadedAtS = atS,
            Slides = slotsUsed
                .Select((slot, i) => slides[i] with { Slot = slot, SlideId = $"s{slot}" })
                .ToList(),
        };

    [Property(MaxTest = 150)]
    public Property Run_AnyNetwork_EverySlideScannedOrReportedFailedNoneLost() =>
        Prop.ForAll(
            Gen.Zip(DayGen, NetworkGen).ToArbitrary(),
            t =>
            {
                RackRunResult r = new RackRunSimulator(Carousel, t.Item2).Run(t.Item1);
                int given = t.Item1.Sum(l => l.Slides.Count);
                bool transfers = r.Slides.All(s =>
                    (s.Transfer is null) == (s.Status == SlideStatus.Failed));
                return r.ScannedCount + r.FailedCount == given
                    && r.Slides.Count == given
                    && transfers;
            });

    [Property(MaxTest = 150)]
    public Property Run_MoreBytes_NoSlideDoneEarlier() =>
        Prop.ForAll(
            (from d in DayGen from n in NetworkGen from mb in Gen.Choose(1, 20_000)
             select (d, n, mb)).ToArbitrary(),
            t =>
            {
                var sim = new RackRunSimulator(Carousel, t.Item2);
                RackLoad[] bigger = t.Item1
                    .Select(l => l with
                    {
                        Slides = l.Slides
                            .Select(s => s with
                            {
                                FileBytes = s.FileBytes + (t.Item3 * 1_000_000L),
                            })
                            .ToList(),
                    })
                    .ToArray();
                return NoneEarlier(sim.Run(bigger), sim.Run(t.Item1));
            });

    [Property(MaxTest = 150)]
    public Property Run_FasterLink_NeverSlowsTheRun() =>
        Prop.ForAll(
            (from d in DayGen from n in NetworkGen from k in Gen.Choose(2, 100)
             select (d, n, k)).ToArbitrary(),
            t =>
            {
                NetworkParameters slow = t.Item2;
                NetworkParameters fast = slow.WithDataLinkRate(slow.ImageLink.BitsPerS * t.Item3);
                RackRunResult rs = new RackRunSimulator(Carousel, slow).Run(t.Item1);
                RackRunResult rf = new RackRunSimulator(Carousel, fast).Run(t.Item1);
                return NoneEarlier(rs, rf) && rf.SlidesPerHour >= rs.SlidesPerHour - Eps;
            });

    [Property(MaxTest = 150)]
    public Property Run_AnyNetwork_NeverSlowerScannerThanWithoutNetwork() =>
        Prop.ForAll(
            Gen.Zip(DayGen, NetworkGen).ToArbitrary(),
            t =>
            {
                RackRunResult free = new RackRunSimulator(Carousel).Run(t.Item1);
                RackRunResult net = new RackRunSimulator(Carousel, t.Item2).Run(t.Item1);
                return NoneEarlier(net, free);
            });

    [Property(MaxTest = 150)]
    public Property Run_AnyNetwork_BufferNeverHoldsMoreThanItsCapacity() =>
        Prop.ForAll(
            Gen.Zip(DayGen, NetworkGen).ToArbitrary(),
            t =>
            {
                long capacity = t.Item2.LocalBufferBytes;
                var files = new RackRunSimulator(Carousel, t.Item2).Run(t.Item1).Slides
                    .Where(s => s.Transfer is not null)
                    .Select(s => s.Transfer!)
                    .ToList();

                // at every slide start, the files not yet acknowledged fit in the buffer
                return files.All(f => files
                    .Where(o => o.SlideStartS <= f.SlideStartS && o.ImageEndS > f.SlideStartS)
                    .Sum(o => Math.Min(o.Bytes, capacity)) <= capacity);
            });

    [Property(MaxTest = 150)]
    public Property Run_AnyNetwork_FilesLeaveInOrderAndNeverBeforeTheyAreWritten() =>
        Prop.ForAll(
            Gen.Zip(DayGen, NetworkGen).ToArbitrary(),
            t =>
            {
                var files = new RackRunSimulator(Carousel, t.Item2).Run(t.Item1).Slides
                    .Where(s => s.Transfer is not null)
                    .Select(s => s.Transfer!)
                    .ToList();
                bool each = files.All(f =>
                    f.ImageStartS >= f.ImagingStartS - Eps
                    && f.ImageEndS >= f.CloseS - Eps
                    && f.StorageStartS >= f.ImageEndS - Eps
                    && f.StoredS >= f.StorageEndS - Eps);
                bool ordered = files.Zip(files.Skip(1)).All(p =>
                    p.Second.ImageStartS >= p.First.ImageEndS - Eps
                    && p.Second.StorageStartS >= p.First.StorageEndS - Eps);
                return each && ordered;
            });

    // every slide of 'later' ends (scanner and storage) no earlier than in 'earlier'
    private static bool NoneEarlier(RackRunResult later, RackRunResult earlier) =>
        later.Slides.Count == earlier.Slides.Count
        && later.Slides.Zip(earlier.Slides).All(p =>
            p.First.SlideId == p.Second.SlideId
            && p.First.RackId == p.Second.RackId
            && p.First.EndS >= p.Second.EndS - Eps
            && p.First.DoneS >= p.Second.DoneS - Eps)
        && later.SpanS >= earlier.SpanS - Eps;
}
