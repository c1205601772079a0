using Twin.Mechanics.Geometry;
using Twin.Optics.Rendering;
using Twin.Optics.Tissue;
using Twin.Scanner.Slides;
using Twin.Scenarios.Model;
using Twin.Scenarios.Running;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// Draws a sweep's slides. Every parameter of slide i has its own seeded stream (master seed,
/// slide index, parameter), so slide i is the same whatever the population size, and changing
/// one parameter's distribution leaves the others' draws alone: a sweep can be cut into
/// independent shards by slide index and the slides stay comparable across sweeps. With a
/// section library, a slide draws its kind and one of the kind's sections, whose extent and
/// tissue seed belong to the section; pose and noise stay the slide's own.
/// </summary>
public static class SlidePopulation
{
    private const int KindField = 0;
    private const int SectionField = 11;

    /// <summary>Identifier of slide i (0-based): S0001, S0002, …</summary>
    public static string Id(int index) => $"S{index + 1:D4}";

    /// <summary>
    /// The tissue section slide i shows: "KIND-N" from the library, or the slide's own id when
    /// the spec has no library. Slides with the same section have the same tissue.
    /// </summary>
    public static string Section(SweepSpec spec, int index)
    {
        var (kind, section) = Draws(spec, index);
        return section < 0 ? Id(index) : $"{spec.TissueKinds[kind]}-{section + 1}";
    }

    /// <summary>Slide i's entry: tissue kind, extent and pose, drawn from the spec.</summary>
    public static SlideEntry Entry(SweepSpec spec, int index)
    {
        double Draw(Distribution d, int field)
        {
            var source = new NoiseSource(Mix(spec.Seed, index, field));
            return d.Draw(ref source);
        }

        var (kind, section) = Draws(spec, index);
        double SectionDraw(Distribution d, int field)
        {
            // a section's extent is drawn from the section's own stream
            var source = new NoiseSource(Mix(spec.Seed ^ 0x5EC7_1015UL,
                (kind * 4096) + section, field));
            return d.Draw(ref source);
        }

        return new SlideEntry
        {
            Id = Id(index),
            Tissue = spec.TissueKinds[kind],
            WidthMm = section < 0 ? Draw(spec.WidthMm, 1) : SectionDraw(spec.WidthMm, 1),
            HeightMm = section < 0 ? Draw(spec.HeightMm, 2) : SectionDraw(spec.HeightMm, 2),
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

    // LIMITATION: slides of one library section share its tissue; sections: 0 gives each its own

    /// <summary>
    /// Slide i as the scanner sees it: the section's tissue (seeded by the section) placed as a
    /// scenario slide is, the slide's pose, and noise seeded by the slide. Without a section
    /// library this is exactly what <see cref="SlideFactory.Create"/> makes of the entry.
    /// </summary>
    public static SlideSpec Slide(SweepSpec spec, int index)
    {
        var entry = Entry(spec, index);
        var kind = TissueKinds.Find(entry.Tissue)!;
        double w = entry.WidthMm * 1000, h = entry.HeightMm * 1000;
        return new SlideSpec
        {
            Id = entry.Id,
            Tissue = new ProceduralTissueVolume(kind, w, h, kind.ThicknessUm,
                SlideFactory.SlideSeed(spec.Seed, Section(spec, index))),
            TissueName = entry.Tissue,
            TissueOriginXUm = SlideFactory.TissueCentreXUm - (w / 2),
            TissueOriginYUm = SlideFactory.TissueCentreYUm - (h / 2),
            Pose = entry.Pose,
            Seed = SlideFactory.SlideSeed(spec.Seed, entry.Id),
        };
    }

    /// <summary>Slide i's tissue kind (index) and library section (−1 without a library).</summary>
    private static (int Kind, int Section) Draws(SweepSpec spec, int index)
    {
        var kindSource = new NoiseSource(Mix(spec.Seed, index, KindField));
        int kind = Math.Min(spec.TissueKinds.Count - 1,
            (int)((1 - kindSource.NextUnit()) * spec.TissueKinds.Count));
        if (spec.TissueSections <= 0)
        {
            return (kind, -1);
        }

        var sectionSource = new NoiseSource(Mix(spec.Seed, index, SectionField));
        int section = Math.Min(spec.TissueSections - 1,
            (int)((1 - sectionSource.NextUnit()) * spec.TissueSections));
        return (kind, section);
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
