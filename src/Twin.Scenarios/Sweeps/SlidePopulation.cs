using Twin.Mechanics.Geometry;
using Twin.Optics.Rendering;
using Twin.Scenarios.Model;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// Draws a sweep's slides. Every parameter of slide i has its own seeded stream (master seed,
/// slide index, parameter), so slide i is the same whatever the population size, and changing
/// one parameter's distribution leaves the others' draws alone: a sweep can be cut into
/// independent shards by slide index and the slides stay comparable across sweeps.
/// </summary>
public static class SlidePopulation
{
    /// <summary>Identifier of slide i (0-based): S0001, S0002, …</summary>
    public static string Id(int index) => $"S{index + 1:D4}";

    /// <summary>Slide i's entry: tissue kind, extent and pose, drawn from the spec.</summary>
    public static SlideEntry Entry(SweepSpec spec, int index)
    {
        double Draw(Distribution d, int field)
        {
            var source = new NoiseSource(Mix(spec.Seed, index, field));
            return d.Draw(ref source);
        }

        var kindSource = new NoiseSource(Mix(spec.Seed, index, 0));
        int kind = Math.Min(spec.TissueKinds.Count - 1,
            (int)((1 - kindSource.NextUnit()) * spec.TissueKinds.Count));
        return new SlideEntry
        {
            Id = Id(index),
            Tissue = spec.TissueKinds[kind],
            WidthMm = Draw(spec.WidthMm, 1),
            HeightMm = Draw(spec.HeightMm, 2),
            Pose = new SlidePose
            {
                OffsetUm = Draw(spec.OffsetUm, 3),
                TrayIndexTiltDeg = Draw(spec.TrayIndexTiltDeg, 4),
                TrayScanTiltDeg = Draw(spec.TrayScanTiltDeg, 5),
                WedgeIndexDeg = Draw(spec.WedgeIndexDeg, 6),
                WedgeScanDeg = Draw(spec.WedgeScanDeg, 7),
                WavinessAmplitudeUm = Draw(spec.WavinessAmplitudeUm, 8),
                WavinessPeriodUm = Draw(spec.WavinessPeriodUm, 9),
                WavinessPhase = Draw(spec.WavinessPhase, 10),
            },
        };
    }

    /// <summary>SplitMix64 finaliser of seed, slide index and parameter number.</summary>
    private static ulong Mix(ulong seed, int index, int field)
    {
        ulong z = seed + (0x9E3779B97F4A7C15UL * (ulong)(index + 1))
            + (0xD6E8FEB86659FD93UL * (ulong)(field + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
