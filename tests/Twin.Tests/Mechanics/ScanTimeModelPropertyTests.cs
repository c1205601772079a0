using FsCheck;
using FsCheck.Fluent;
using Twin.Mechanics.Timing;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Mechanics;

/// <summary>
/// Invariants of the time model over the range of real slides: up to 26 mm × 60 mm of
/// tissue, 25 layers, 200 rescan stripes, files up to 50 GB.
/// </summary>
public sealed class ScanTimeModelPropertyTests
{
    // absolute slack for floating-point sums of a few hundred terms, s
    private const double Eps = 1e-9;

    private static readonly MechanicsParameters P = MechanicsParameters.Default;
    private static readonly ScanTimeModel Model = new(P);

    private static readonly Gen<double> PixelGen = Gen.Elements(0.26, 0.52);

    // extents along either axis, µm: half the cases below 2.5 mm, where ramps, lead-in and
    // turnarounds rival the imaging time, the rest up to a whole slide
    private static readonly Gen<int> WidthGen =
        Gen.Frequency((1, Gen.Choose(0, 2_500)), (1, Gen.Choose(0, 26_000)));

    private static readonly Gen<int> LengthGen =
        Gen.Frequency((1, Gen.Choose(0, 2_500)), (1, Gen.Choose(0, 60_000)));

    private static readonly Gen<SlideScanPlan> PlanGen =
        from stripes in Gen.Choose(0, 60)
        from lengthUm in LengthGen
        from pixel in PixelGen
        from points in Gen.Choose(0, 30)
        from layers in Gen.Choose(1, 25)
        from rescans in Gen.Choose(0, 200)
        from rescanLengthUm in LengthGen
        from permille in Gen.Choose(0, 1000)
        from megabytes in Gen.Choose(0, 50_000)
        select new SlideScanPlan
        {
            Stripes = stripes,
            StripeLengthUm = lengthUm,
            PixelSizeUm = pixel,
            FocusPoints = points,
            ZLayers = layers,
            RescanStripes = rescans,
            RescanStripeLengthUm = rescanLengthUm,
            AbortedPassFraction = permille / 1000.0,
            FileBytes = megabytes * 1_000_000L,
        };

    [Property(MaxTest = 300)]
    public Property Estimate_LargerArea_NeverTakesLess() =>
        Prop.ForAll(
            (from w in WidthGen
             from l in LengthGen
             from dw in Gen.Choose(0, 10_000)
             from dl in Gen.Choose(0, 10_000)
             from px in PixelGen
             select (w, l, dw, dl, px)).ToArbitrary(),
            t =>
            {
                SlideTimeBudget small = Model.Estimate(SlideScanPlan.ForArea(t.w, t.l, t.px, P));
                SlideTimeBudget large = Model.Estimate(
                    SlideScanPlan.ForArea(t.w + t.dw, t.l + t.dl, t.px, P));
                return NotLess(large, small);
            });

    [Property(MaxTest = 300)]
    public Property Estimate_MoreStripes_NeverTakesLess() =>
        Prop.ForAll(
            Gen.Zip(PlanGen, Gen.Choose(1, 20)).ToArbitrary(),
            t => NotLess(Model.Estimate(t.Item1 with { Stripes = t.Item1.Stripes + t.Item2 }),
                         Model.Estimate(t.Item1)));

    [Property(MaxTest = 300)]
    public Property Estimate_MoreLayers_NeverTakesLess() =>
        Prop.ForAll(
            Gen.Zip(PlanGen, Gen.Choose(1, 10)).ToArbitrary(),
            t => NotLess(Model.Estimate(t.Item1 with { ZLayers = t.Item1.ZLayers + t.Item2 }),
                         Model.Estimate(t.Item1)));

    [Property(MaxTest = 300)]
    public Property Estimate_MoreRescanStripes_NeverTakesLess() =>
        Prop.ForAll(
            Gen.Zip(PlanGen, Gen.Choose(1, 50)).ToArbitrary(),
            t => NotLess(
                Model.Estimate(t.Item1 with { RescanStripes = t.Item1.RescanStripes + t.Item2 }),
                Model.Estimate(t.Item1)));

    [Property(MaxTest = 300)]
    public Property Estimate_LargerFile_NeverTakesLess() =>
        Prop.ForAll(
            Gen.Zip(PlanGen, Gen.Choose(1, 50_000)).ToArbitrary(),
            t =>
            {
                long bigger = t.Item1.FileBytes + t.Item2 * 1_000_000L;
                double more = Model.Estimate(t.Item1 with { FileBytes = bigger }).TotalS;
                return more >= Model.Estimate(t.Item1).TotalS - Eps;
            });

    [Property(MaxTest = 500)]
    public Property Estimate_20xForSameArea_NeverSlowerThan40x() =>
        Prop.ForAll(
            (from w in WidthGen
             from l in LengthGen
             from layers in Gen.Choose(1, 25)
             select (w, l, layers)).ToArbitrary(),
            t =>
            {
                SlideTimeBudget b40 = Model.Estimate(
                    SlideScanPlan.ForArea(t.w, t.l, 0.26, P) with { ZLayers = t.layers });
                SlideTimeBudget b20 = Model.Estimate(
                    SlideScanPlan.ForArea(t.w, t.l, 0.52, P) with { ZLayers = t.layers });
                return b20.ScanS <= b40.ScanS + Eps && b20.TotalS <= b40.TotalS + Eps;
            });

    [Property(MaxTest = 300)]
    public Property Estimate_AnyPlan_EveryPhaseNonNegativeAndFinite() =>
        Prop.ForAll(
            PlanGen.ToArbitrary(),
            plan =>
            {
                SlideTimeBudget b = Model.Estimate(plan);
                double[] phases =
                [
                    b.LoadUnloadS, b.LabelMacroS, b.TissueFindingS, b.FocusS,
                    b.StripesS, b.RescanS, b.ZStackS, b.FinalizeS,
                ];
                return phases.All(x => x >= 0 && double.IsFinite(x));
            });

    private static bool NotLess(SlideTimeBudget more, SlideTimeBudget less) =>
        more.ScanS >= less.ScanS - Eps && more.TotalS >= less.TotalS - Eps;
}
