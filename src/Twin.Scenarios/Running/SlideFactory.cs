using Twin.Mechanics.Geometry;
using Twin.Optics.Tissue;
using Twin.Scanner.Slides;
using Twin.Scenarios.Model;

namespace Twin.Scenarios.Running;

/// <summary>Turns a scenario's slide entries into simulated slides.</summary>
public static class SlideFactory
{
    /// <summary>
    /// Where the centre of the tissue area lies on the slide, µm: right of the 20 mm label, in
    /// the middle of the 25 mm width.
    /// </summary>
    public const double TissueCentreXUm = 40_000;

    /// <summary>Centre of the tissue area along the index axis, µm.</summary>
    public const double TissueCentreYUm = SlidePose.SlideWidthUm / 2;

    /// <summary>
    /// Builds a slide. Returns null with a reason when the slide must be skipped (its seed image
    /// is missing); a broken image throws <see cref="TissueImageException"/>.
    /// </summary>
    public static SlideSpec? Create(SlideEntry entry, ulong scenarioSeed, out string? skipReason)
    {
        skipReason = null;
        ulong seed = SlideSeed(scenarioSeed, entry.Id);
        double w = entry.WidthMm * 1000;
        double h = entry.HeightMm * 1000;
        ITissueVolume volume;
        if (entry.Tissue == "image")
        {
            string path = entry.ImagePath!;
            if (!File.Exists(path))
            {
                skipReason = Path.GetFileName(path) == "ihc.png"
                    ? $"seed image {path} not found; run scripts/fetch-ihc.sh to get ihc.png "
                        + "from Debian's python3-skimage package"
                    : $"seed image {path} not found";
                return null;
            }

            volume = ImageSeededTissueVolume.Load(path, w, h, entry.ThicknessUm ?? 4.0,
                entry.ImagePixelUm);
        }
        else
        {
            var kind = TissueKinds.Find(entry.Tissue)!;
            volume = new ProceduralTissueVolume(kind, w, h, entry.ThicknessUm ?? kind.ThicknessUm,
                seed);
        }

        return new SlideSpec
        {
            Id = entry.Id,
            Tissue = volume,
            TissueName = entry.Tissue,
            TissueOriginXUm = TissueCentreXUm - (w / 2),
            TissueOriginYUm = TissueCentreYUm - (h / 2),
            Pose = entry.Pose,
            Seed = seed,
        };
    }

    /// <summary>A slide's seed: the scenario seed mixed with a hash of the slide id (FNV-1a).</summary>
    public static ulong SlideSeed(ulong scenarioSeed, string id)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in id)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h ^ (scenarioSeed * 0x9E3779B97F4A7C15UL);
    }
}
