using Twin.Scanner.Settings;
using Twin.Scenarios.Model;
using Twin.Scenarios.Throughput;

namespace Twin.Tests.Throughput;

/// <summary>Small in-memory scenarios for throughput tests.</summary>
internal static class Scenarios
{
    public static ThroughputScenario Of(
        IReadOnlyList<(double WidthMm, double HeightMm)> slides,
        Magnification? rackMagnification = null,
        bool defaultTo20x = false,
        bool ans = false,
        ThroughputSettings? settings = null)
    {
        var racks = slides
            .Select((s, i) => (s, i))
            .GroupBy(t => t.i / 30)
            .Select(g => new RackSpec
            {
                Id = $"r{g.Key + 1}",
                Magnification = rackMagnification,
                Slides = g.Select(t => new SlideEntry
                {
                    Id = $"s{t.i + 1}",
                    Tissue = "skin",
                    WidthMm = t.s.WidthMm,
                    HeightMm = t.s.HeightMm,
                }).ToList(),
            })
            .ToList();
        var scenario = new Scenario
        {
            Name = "test",
            Source = "memory",
            BaseDirectory = ".",
            Scanner = new ScannerConfig { DefaultTo20x = defaultTo20x, AnsEnabled = ans },
            Racks = racks,
        };
        return new ThroughputScenario(scenario, settings ?? ThroughputSettings.Default);
    }

    public static ThroughputVariant Variant(
        Magnification? mag = null, int layers = 1, double rescanRate = 0) => new()
    {
        Name = "v",
        Group = "test",
        Magnification = mag,
        ZLayers = layers,
        AnsRescanRate = rescanRate,
        Network = Twin.Mechanics.Network.NetworkParameters.Default,
        NetworkLabel = "site",
    };
}
