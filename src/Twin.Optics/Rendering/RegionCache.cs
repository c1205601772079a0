using Twin.Optics.Tissue;

namespace Twin.Optics.Rendering;

/// <summary>
/// A tissue volume that remembers the regions sampled from another one, so a through-focus
/// series (the same region at many focal heights, with halos that vary with defocus) synthesises
/// the tissue once. A request that lies inside a remembered region on the same grid (same pitch,
/// whole-sample offsets) is cut from it; values are what the inner volume returned there (up to
/// float rounding of the sample positions).
/// Thread-safe; holds at most <see cref="Capacity"/> regions and forgets the oldest first.
/// </summary>
public sealed class RegionCache : ITissueVolume
{
    private readonly ITissueVolume _inner;
    private readonly List<Region> _regions = [];
    private readonly object _gate = new();

    /// <summary>Wraps a volume.</summary>
    /// <param name="inner">The volume that really synthesises the tissue.</param>
    /// <param name="capacity">Most regions kept (default 16).</param>
    public RegionCache(ITissueVolume inner, int capacity = 16)
    {
        _inner = inner;
        Capacity = Math.Max(1, capacity);
    }

    /// <summary>Most regions kept.</summary>
    public int Capacity { get; }

    /// <inheritdoc/>
    public double ThicknessUm => _inner.ThicknessUm;

    /// <inheritdoc/>
    public int Slices => _inner.Slices;

    /// <inheritdoc/>
    public double WidthUm => _inner.WidthUm;

    /// <inheritdoc/>
    public double HeightUm => _inner.HeightUm;

    /// <inheritdoc/>
    public void SampleRegion(double x0Um, double y0Um, double pitchUm, int w, int h, Span<float> od)
    {
        Region? hit = null;
        int dx = 0;
        int dy = 0;
        lock (_gate)
        {
            foreach (var region in _regions)
            {
                if (region.Contains(x0Um, y0Um, pitchUm, w, h, out dx, out dy))
                {
                    hit = region;
                    break;
                }
            }
        }

        if (hit is null)
        {
            dx = 0;
            dy = 0;
            hit = new Region(x0Um, y0Um, pitchUm, w, h, new float[Slices * 3 * w * h]);
            _inner.SampleRegion(x0Um, y0Um, pitchUm, w, h, hit.Values);
            lock (_gate)
            {
                _regions.Add(hit);
                if (_regions.Count > Capacity)
                {
                    _regions.RemoveAt(0);
                }
            }
        }

        // copy the window row by row out of every [slice][channel] plane
        int planes = Slices * 3;
        for (int p = 0; p < planes; p++)
        {
            for (int row = 0; row < h; row++)
            {
                hit.Values.AsSpan((((p * hit.H) + row + dy) * hit.W) + dx, w)
                    .CopyTo(od.Slice(((p * h) + row) * w, w));
            }
        }
    }

    /// <inheritdoc/>
    public (float Red, float Green, float Blue) SampleCoarse(
        double xUm, double yUm, double footprintUm) =>
        _inner.SampleCoarse(xUm, yUm, footprintUm);

    private sealed record Region(double X0, double Y0, double Pitch, int W, int H, float[] Values)
    {
        public bool Contains(
            double x0, double y0, double pitch, int w, int h, out int dx, out int dy)
        {
            dx = 0;
            dy = 0;
            if (Math.Abs(pitch - Pitch) > 1e-12 * Pitch)
            {
                return false;
            }

            double fx = (x0 - X0) / Pitch;
            double fy = (y0 - Y0) / Pitch;
            dx = (int)Math.Round(fx);
            dy = (int)Math.Round(fy);
            // sample positions must coincide to far below a sample (float rounding only)
            return Math.Abs(fx - dx) < 1e-6 && Math.Abs(fy - dy) < 1e-6 && dx >= 0 && dy >= 0
                && dx + w <= W && dy + h <= H;
        }
    }
}
