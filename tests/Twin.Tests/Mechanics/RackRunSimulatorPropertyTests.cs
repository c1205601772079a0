using FsCheck;
using FsCheck.Fluent;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Mechanics;

/// <summary>
/// Invariants of rack runs over random days: up to 20 racks (more than the carousel holds),
/// arrivals in a morning rush or spread over a day, partly filled racks, and one slide in five
/// failing.
/// </summary>
public sealed class RackRunSimulatorPropertyTests
{
    private const double Eps = 1e-9;

    private static readonly CarouselParameters Carousel = CarouselParameters.Default;

    private static readonly Gen<RackSlide> SlideGen =
        from scanS in Gen.Choose(0, 600)
        from handlingS in Gen.Choose(0, 20)
        from failure in Gen.Frequency(
            (8, Gen.Constant(SlideFailure.None)),
            (1, Gen.Constant(SlideFailure.BarcodeUnreadable)),
            (1, Gen.Constant(SlideFailure.NoTissueFound)))
        select new RackSlide
        {
            Slot = 0,
            SlideId = "",
            Failure = failure,
            Budget = new SlideTimeBudget
            {
                LoadUnloadS = handlingS,
                LabelMacroS = 2,
                TissueFindingS = 0.5,
                StripesS = scanS,
                FinalizeS = 0.5,
            },
        };

    private static readonly Gen<RackLoad[]> DayGen =
        from rackCount in Gen.Frequency((1, Gen.Choose(0, 20)), (1, Gen.Choose(15, 20)))
        from racks in Gen.ArrayOf(RackGen, rackCount)
        select racks.Select((r, i) => r with { RackId = $"R{i}" }).ToArray();

    private static Gen<RackLoad> RackGen =>
        // half the racks arrive in a morning rush, which fills the carousel
        from atS in Gen.Frequency((1, Gen.Choose(0, 600)), (1, Gen.Choose(0, 86_400)))
        from slotsUsed in Gen.SubListOf(Enumerable.Range(1, Carousel.SlotsPerRack))
        from slides in Gen.ArrayOf(SlideGen, slotsUsed.Count)
        select new RackLoad
        {
            RackId = "",
            LoadedAtS = atS,
            Slides = slotsUsed
                .Select((slot, i) => slides[i] with { Slot = slot, SlideId = $"s{slot}" })
                .ToList(),
        };

    [Property(MaxTest = 200)]
    public Property Run_AnyDay_EverySlideScannedOrReportedFailedNoneLost() =>
        Prop.ForAll(
            DayGen.ToArbitrary(),
            loads =>
            {
                RackRunResult r = new RackRunSimulator(Carousel).Run(loads);
                var given = loads
                    .SelectMany(l => l.Slides.Select(s => (l.RackId, s.Slot, s.Failure)))
                    .OrderBy(k => k.RackId, StringComparer.Ordinal).ThenBy(k => k.Slot)
                    .ToList();
                var reported = r.Slides
                    .Select(s => (s.RackId, s.Slot, s.Failure))
                    .OrderBy(k => k.RackId, StringComparer.Ordinal).ThenBy(k => k.Slot)
                    .ToList();
                bool statusMatches = r.Slides.All(s =>
                    (s.Status == SlideStatus.Failed) == (s.Failure != SlideFailure.None));
                return given.SequenceEqual(reported)
                    && statusMatches
                    && r.ScannedCount + r.FailedCount == given.Count;
            });

    [Property(MaxTest = 200)]
    public Property Run_AnyDay_NoSlideStartsBeforeItsRackIsLoaded() =>
        Prop.ForAll(
            DayGen.ToArbitrary(),
            loads =>
            {
                RackRunResult r = new RackRunSimulator(Carousel).Run(loads);
                var loadedAt = loads.ToDictionary(l => l.RackId, l => l.LoadedAtS);
                return r.Slides.All(s =>
                    s.StartS >= loadedAt[s.RackId]
                    && s.RackInsertedAtS >= s.RackLoadedAtS
                    && s.StartS >= s.RackInsertedAtS
                    && s.EndS >= s.StartS);
            });

    [Property(MaxTest = 200)]
    public Property Run_AnyDay_OneSlideAtATimeOnTheScanner() =>
        Prop.ForAll(
            DayGen.ToArbitrary(),
            loads =>
            {
                var slides = new RackRunSimulator(Carousel).Run(loads).Slides;
                return slides.Zip(slides.Skip(1)).All(p => p.Second.StartS >= p.First.EndS - Eps);
            });

    [Property(MaxTest = 200)]
    public Property Run_AnyDay_NeverMoreRacksInsideThanPositions() =>
        Prop.ForAll(
            DayGen.ToArbitrary(),
            loads =>
            {
                RackRunResult r = new RackRunSimulator(Carousel).Run(loads);

                // a rack occupies a position from insertion to the end of its last slide
                var spans = r.Slides
                    .GroupBy(s => s.RackId)
                    .Select(g => (In: g.First().RackInsertedAtS, Out: g.Max(s => s.EndS)))
                    .ToList();
                return spans.All(a =>
                    spans.Count(b => b.In <= a.In && a.In < b.Out) <= Carousel.RackPositions);
            });

    [Property(MaxTest = 200)]
    public Property Run_AnyDay_UtilisationBetweenZeroAndOne() =>
        Prop.ForAll(
            DayGen.ToArbitrary(),
            loads =>
            {
                RackRunResult r = new RackRunSimulator(Carousel).Run(loads);
                return r.Utilisation >= 0 && r.Utilisation <= 1 + Eps;
            });
}
