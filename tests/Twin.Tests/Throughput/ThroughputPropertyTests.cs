using FsCheck;
using FsCheck.Fluent;
using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;
using Twin.Mechanics.Timing;
using Twin.Scanner.Settings;
using Twin.Scenarios.Throughput;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Twin.Tests.Throughput;

/// <summary>
/// Invariants of whole throughput runs over random scenarios: 1 to 45 slides of any area the
/// scenario reader accepts, on the default network or a slow one with a small buffer, some
/// slides failing.
/// </summary>
public sealed class ThroughputPropertyTests
{
    private const double Eps = 1e-6;

    private static readonly MechanicsParameters P = MechanicsParameters.Default;

    // areas the scenario reader accepts: 0.1..50 mm along the scan, 0.1..20 mm across
    private static readonly Gen<(double W, double H)> AreaGen =
        from w in Gen.Choose(1, 500)
        from h in Gen.Choose(1, 200)
        select (w / 10.0, h / 10.0);

    private static readonly Gen<NetworkParameters> NetworkGen = Gen.Elements(
        NetworkParameters.Default,
        NetworkParameters.Default.WithDataLinkRate(1e8) with { LocalBufferBytes = 3_000_000_000 });

    private static readonly Gen<ThroughputScenario> ScenarioGen =
        from areas in Gen.ListOf(AreaGen).Where(l => l.Count is > 0 and <= 45)
        from failed in Gen.SubListOf(Enumerable.Range(1, areas.Count))
        from network in NetworkGen
        let failures = failed.Where(i => i % 3 == 0).ToDictionary(
            i => $"s{i}",
            i => i % 2 == 0 ? SlideFailure.NoTissueFound : SlideFailure.BarcodeUnreadable)
        select Scenarios.Of(areas, ans: true, settings: ThroughputSettings.Default with
        {
            Failures = failures,
            Network = network,
        });

    [Property(MaxTest = 100)]
    public Property Run_AnyScenario_EverySlideLoadedIsScannedOrReportedFailed() =>
        Prop.ForAll(
            (from ts in ScenarioGen
             from layers in Gen.Elements(1, 3, 25)
             from rate in Gen.Choose(0, 10)
             select (ts, layers, rate / 10.0)).ToArbitrary(),
            t =>
            {
                VariantResult r = Run(t.ts, Variant(t.ts, layers: t.layers, rate: t.Item3));
                var loaded = t.ts.Scenario.Racks.SelectMany(k => k.Slides.Select(s => s.Id))
                    .Order(StringComparer.Ordinal).ToList();
                var reported = r.Run.Slides.Select(s => s.SlideId)
                    .Order(StringComparer.Ordinal).ToList();
                bool failedAsGiven = r.Run.Slides.All(s =>
                    (s.Status == SlideStatus.Failed)
                    == t.ts.Settings.Failures.ContainsKey(s.SlideId));
                return loaded.SequenceEqual(reported) && failedAsGiven
                    && r.Run.ScannedCount + r.Run.FailedCount == loaded.Count;
            });

    [Property(MaxTest = 100)]
    public Property Run_MoreLayers_NoSlideDoneEarlier() =>
        Prop.ForAll(
            (from ts in ScenarioGen
             from layers in Gen.Choose(0, 11)
             from more in Gen.Choose(1, 12 - layers)
             select (ts, 1 + (2 * layers), 1 + (2 * (layers + more)))).ToArbitrary(),
            t => NoneEarlier(
                Run(t.ts, Variant(t.ts, layers: t.Item3)),
                Run(t.ts, Variant(t.ts, layers: t.Item2))));

    [Property(MaxTest = 100)]
    public Property Run_HigherRescanRate_NoSlideDoneEarlier() =>
        Prop.ForAll(
            (from ts in ScenarioGen
             from low in Gen.Choose(0, 9)
             from step in Gen.Choose(1, 10 - low)
             select (ts, low / 10.0, (low + step) / 10.0)).ToArbitrary(),
            t => NoneEarlier(
                Run(t.ts, Variant(t.ts, rate: t.Item3)),
                Run(t.ts, Variant(t.ts, rate: t.Item2))));

    [Property(MaxTest = 100)]
    public Property Run_LargerTissue_NoSlideDoneEarlier() =>
        Prop.ForAll(
            (from ts in ScenarioGen
             from dw in Gen.Choose(0, 100)
             from dh in Gen.Choose(0, 50)
             select (ts, dw / 10.0, dh / 10.0)).ToArbitrary(),
            t =>
            {
                var grown = t.ts with
                {
                    Scenario = t.ts.Scenario with
                    {
                        Racks = [.. t.ts.Scenario.Racks.Select(r => r with
                        {
                            Slides = [.. r.Slides.Select(s => s with
                            {
                                WidthMm = s.WidthMm + t.Item2,
                                HeightMm = s.HeightMm + t.Item3,
                            })],
                        })],
                    },
                };
                return NoneEarlier(Run(grown, Variant(grown)), Run(t.ts, Variant(t.ts)));
            });

    [Property(MaxTest = 100)]
    public Property Run_SameSlidesAt20x_NeverSlowerThanAt40x() =>
        Prop.ForAll(
            (from ts in ScenarioGen
             from layers in Gen.Elements(1, 5, 25)
             select (ts, layers)).ToArbitrary(),
            t =>
            {
                VariantResult at40 = Run(t.ts, Variant(t.ts, Magnification.Forty, t.layers));
                VariantResult at20 = Run(t.ts, Variant(t.ts, Magnification.Twenty, t.layers));
                bool perSlide = at20.Slides.Zip(at40.Slides).All(p =>
                    p.First.Budget.TotalS <= p.Second.Budget.TotalS + Eps
                    && p.First.FileBytes <= p.Second.FileBytes);
                return perSlide && NoneEarlier(at40, at20)
                    && at20.SlidesPerHour >= at40.SlidesPerHour - Eps;
            });

    [Property(MaxTest = 100)]
    public Property Run_FasterSiteLink_NeverFewerSlidesPerHour() =>
        Prop.ForAll(
            (from ts in ScenarioGen
             from layers in Gen.Elements(1, 25)
             from k in Gen.Choose(2, 100)
             select (ts, layers, k)).ToArbitrary(),
            t =>
            {
                NetworkParameters slow = t.ts.Settings.Network;
                NetworkParameters fast = slow.WithDataLinkRate(slow.ImageLink.BitsPerS * t.k);
                VariantResult rs = Run(t.ts, Variant(t.ts, layers: t.layers) with
                {
                    Network = slow,
                });
                VariantResult rf = Run(t.ts, Variant(t.ts, layers: t.layers) with
                {
                    Network = fast,
                });
                return NoneEarlier(rs, rf) && rf.SlidesPerHour >= rs.SlidesPerHour - Eps;
            });

    private static ThroughputVariant Variant(
        ThroughputScenario ts, Magnification? mag = null, int layers = 1, double rate = 0) =>
        new()
        {
            Name = "p",
            Group = "property",
            Magnification = mag,
            ZLayers = layers,
            AnsRescanRate = rate,
            Network = ts.Settings.Network,
            NetworkLabel = "site",
        };

    private static VariantResult Run(ThroughputScenario ts, ThroughputVariant v) =>
        new ThroughputStudy(P, CarouselParameters.Default).Run(ts, v);

    // every slide of 'later' is back in its slot and stored no earlier than in 'earlier'
    private static bool NoneEarlier(VariantResult later, VariantResult earlier) =>
        later.Run.Slides.Zip(earlier.Run.Slides).All(p =>
            p.First.SlideId == p.Second.SlideId
            && p.First.EndS >= p.Second.EndS - Eps
            && p.First.DoneS >= p.Second.DoneS - Eps)
        && later.Run.SpanS >= earlier.Run.SpanS - Eps;
}
