using Twin.Optics.Stains;

namespace Twin.Optics.Tissue;

/// <summary>
/// A seeded procedural tissue section: an irregular outline with islands and holes, eosin stroma
/// with fibre texture, fat cells, an optional fold, and ellipsoidal nuclei with chromatin texture
/// that are cut by the section's faces. Stain densities become colour through the Ruifrok stain
/// vectors. Any region is generated on demand from the seed alone.
/// </summary>
public sealed partial class ProceduralTissueVolume : ITissueVolume
{
    private const float SliceUmMax = 1.0f;
    private readonly TissueKind _kind;
    private readonly uint _seed;
    private readonly float _thickness;
    private readonly Fold? _fold;

    // lookups for one-off samples (the coarse sampler): no tables, every point hashed
    private readonly Region _hashing;

    /// <summary>Creates a section of the given kind covering widthUm × heightUm µm.</summary>
    public ProceduralTissueVolume(
        TissueKind kind, double widthUm, double heightUm, double thicknessUm, ulong seed)
    {
        _kind = kind;
        WidthUm = widthUm;
        HeightUm = heightUm;
        ThicknessUm = thicknessUm;
        _thickness = (float)thicknessUm;
        _seed = (uint)(seed ^ (seed >> 32));
        // depth slices no thicker than 1 µm: finer than the ~1.3 µm depth of field at 40x/0.75
        Slices = Math.Max(1, (int)Math.Ceiling(thicknessUm / SliceUmMax));
        if (LatticeNoise.Unit(7, 7, _seed, 91) < kind.FoldProbability)
        {
            float angle = LatticeNoise.Unit(1, 2, _seed, 92) * MathF.PI;
            float offset = (LatticeNoise.Unit(3, 4, _seed, 93) - 0.5f) * 0.6f;
            _fold = new Fold(MathF.Cos(angle), MathF.Sin(angle),
                (float)((0.5 + offset) * (widthUm * MathF.Cos(angle))
                    + (0.5 * heightUm * MathF.Sin(angle))),
                25f + (40f * LatticeNoise.Unit(5, 6, _seed, 94)));
        }

        _hashing = Region.Hashing(this);
    }

    /// <inheritdoc/>
    public double ThicknessUm { get; }

    /// <inheritdoc/>
    public int Slices { get; }

    /// <inheritdoc/>
    public double WidthUm { get; }

    /// <inheritdoc/>
    public double HeightUm { get; }

    /// <summary>The tissue kind.</summary>
    public TissueKind Kind => _kind;

    /// <inheritdoc/>
    public void SampleRegion(double x0Um, double y0Um, double pitchUm, int w, int h, Span<float> od)
    {
        int plane = w * h;
        if (od.Length < Slices * 3 * plane)
        {
            throw new ArgumentException($"od holds {od.Length} values, needs {Slices * 3 * plane}",
                nameof(od));
        }

        od[..(Slices * 3 * plane)].Clear();
        var region = new Region(this, (float)x0Um, (float)(x0Um + ((w - 1) * pitchUm)),
            (float)y0Um, (float)(y0Um + ((h - 1) * pitchUm)));
        int slices = Slices;
        float sliceUm = _thickness / slices;
        var hs = Stain.Haematoxylin;
        var es = Stain.Eosin;
        // one row at a time: densities per [column][slice], then the nuclei, then the planes
        var rowSamples = new RowSamples(w, slices);
        try
        {
            for (int row = 0; row < h; row++)
            {
                float y = (float)(y0Um + (row * pitchUm));
                rowSamples.Clear();
                for (int col = 0; col < w; col++)
                {
                    float x = (float)(x0Um + (col * pitchUm));
                    rowSamples.Fold[col] = Column(x, y, sliceUm, rowSamples.Eos(col), region,
                        out rowSamples.Lattice[col]);
                }

                AddNuclei(rowSamples, x0Um, pitchUm, y, sliceUm, region);
                for (int col = 0; col < w; col++)
                {
                    float fold = rowSamples.Fold[col];
                    if (fold == 0f)
                    {
                        continue;
                    }

                    var haem = rowSamples.Haem(col);
                    var eos = rowSamples.Eos(col);
                    int p = (row * w) + col;
                    for (int s = 0; s < slices; s++)
                    {
                        float hh = haem[s] * fold;
                        float ee = eos[s] * fold;
                        int b0 = s * 3 * plane;
                        od[b0 + p] = (hh * hs.Red) + (ee * es.Red);
                        od[b0 + plane + p] = (hh * hs.Green) + (ee * es.Green);
                        od[b0 + (2 * plane) + p] = (hh * hs.Blue) + (ee * es.Blue);
                    }
                }
            }
        }
        finally
        {
            rowSamples.Return();
        }
    }

    /// <inheritdoc/>
    public (float Red, float Green, float Blue) SampleCoarse(double xUm, double yUm, double footprintUm)
    {
        // a 4 × 4 average of the outline and the kind's mean densities: enough for a macro image
        float haem = 0f;
        float eos = 0f;
        const int n = 4;
        var region = _hashing;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                float x = (float)(xUm + (((i + 0.5) / n) - 0.5) * footprintUm);
                float y = (float)(yUm + (((j + 0.5) / n) - 0.5) * footprintUm);
                float m = Presence(x, y, region);
                if (m == 0f)
                {
                    continue;
                }

                float fat = (float)_kind.FatFraction;
                float nuclearArea = (float)(_kind.NucleusProbability * Math.PI
                    * _kind.NucleusRadiusUm * _kind.NucleusRadiusUm
                    / (_kind.NucleusSpacingUm * _kind.NucleusSpacingUm));
                haem += m * (1f - fat) * nuclearArea * (float)_kind.NucleusDensity
                    * 1.3f * (float)_kind.NucleusRadiusUm;
                eos += m * (1f - fat) * (float)(_kind.StromaDensity + _kind.CytoplasmDensity)
                    * _thickness;
            }
        }

        haem /= n * n;
        eos /= n * n;
        var hs = Stain.Haematoxylin;
        var es = Stain.Eosin;
        return ((haem * hs.Red) + (eos * es.Red), (haem * hs.Green) + (eos * es.Green),
            (haem * hs.Blue) + (eos * es.Blue));
    }

    /// <summary>
    /// Fills the eosin of one (x, y) column's stroma, per depth slice, in OD, and says which
    /// nucleus lattice reaches it (<see cref="RowSamples.NoNuclei"/> in fat cells and off the
    /// tissue); returns the fold multiplier (2 inside a fold, 1 in tissue, 0 outside tissue).
    /// </summary>
    private float Column(
        float x, float y, float sliceUm, Span<float> eos, Region region, out byte lattice)
    {
        lattice = RowSamples.NoNuclei;
        float presence = Presence(x, y, region);
        if (presence == 0f)
        {
            return 0f;
        }

        // stroma: eosin fibres whose direction wanders over ~150 µm
        float stroma = (float)_kind.StromaDensity;
        bool fatInterior = false;
        if (_kind.FatFraction > 0)
        {
            float membrane = FatMembrane(x, y, region, out fatInterior);
            if (fatInterior)
            {
                stroma = 0f;
            }
            else if (membrane > 0f)
            {
                stroma = (float)_kind.StromaDensity * (1f + membrane);
            }
        }

        if (stroma > 0f && _kind.FibreContrast > 0)
        {
            float warp = 5f * region.Warp.Value(x / 35f, y / 35f);
            // bundles narrower than the gaps between them: the wave's crest cubed, scaled by
            // 1.6 so its mean stays 0.5, a plain wave's (E[((1 + sin)/2)³] = 5/16)
            float wave = 0.5f + (0.5f * region.Fibres.Wave(x, y, warp));
            float fibre = 1.6f * wave * wave * wave;
            stroma *= 1f - ((float)_kind.FibreContrast * (1f - fibre));
        }

        if (_kind.Scattered)
        {
            stroma = 0f;
        }

        float stromaSlice = stroma * sliceUm;
        for (int s = 0; s < eos.Length; s++)
        {
            eos[s] = stromaSlice;
        }

        if (!fatInterior)
        {
            lattice = _kind.EpidermisUm > 0 && y < _kind.EpidermisUm + (20f
                * region.Epidermis.Value(x / 80f, 0.5f))
                ? RowSamples.EpidermalNuclei
                : RowSamples.Nuclei;
        }

        if (_fold is { } f)
        {
            float d = MathF.Abs((x * f.Nx) + (y * f.Ny) - f.Offset);
            if (d < f.HalfWidth)
            {
                return 2f;
            }
        }

        return 1f;
    }

    /// <summary>1 inside the tissue outline, 0 on glass, outside holes.</summary>
    private float Presence(float x, float y, Region region)
    {
        if (x < 0 || y < 0 || x > WidthUm || y > HeightUm)
        {
            return 0f;
        }

        if (_kind.Scattered)
        {
            return 1f;
        }

        // an ellipse filling the area, with an edge perturbed by noise of ~300 µm scale so the
        // outline is irregular and small islands break off near it
        float u = (float)((x / WidthUm) - 0.5) * 2f;
        float v = (float)((y / HeightUm) - 0.5) * 2f;
        float r = MathF.Sqrt((u * u) + (v * v));
        // two octaves, as LatticeNoise.Fractal
        float ex = x / 300f;
        float ey = y / 300f;
        float edge = (0.65f * region.Edge.Value(ex, ey))
            + (0.35f * region.Edge2.Value(2.03f * ex, 2.03f * ey));
        if (r + (0.55f * (edge - 0.5f)) > 0.98f)
        {
            return 0f;
        }

        if (_kind.HoleFraction > 0)
        {
            float hole = region.Hole.Value(x / 60f, y / 60f);
            if (hole > 1f - (float)(_kind.HoleFraction * 1.6))
            {
                return 0f;
            }
        }

        return 1f;
    }

    /// <summary>
    /// Voronoi adipocytes: returns membrane strength (&gt;0 on a cell wall) and whether the point is
    /// inside an empty fat cell.
    /// </summary>
    private float FatMembrane(float x, float y, Region region, out bool interior)
    {
        float cell = (float)_kind.FatCellUm;
        int cx = (int)MathF.Floor(x / cell);
        int cy = (int)MathF.Floor(y / cell);
        float d1 = float.MaxValue;
        float d2 = float.MaxValue;
        int bestX = 0;
        int bestY = 0;
        for (int j = -1; j <= 1; j++)
        {
            for (int i = -1; i <= 1; i++)
            {
                int gx = cx + i;
                int gy = cy + j;
                float px = (gx + region.FatX.Unit(gx, gy)) * cell;
                float py = (gy + region.FatY.Unit(gx, gy)) * cell;
                float dd = ((px - x) * (px - x)) + ((py - y) * (py - y));
                if (dd < d1)
                {
                    d2 = d1;
                    d1 = dd;
                    bestX = gx;
                    bestY = gy;
                }
                else if (dd < d2)
                {
                    d2 = dd;
                }
            }
        }

        bool fatCell = region.FatKind.Unit(bestX, bestY) < _kind.FatFraction;
        // distance to the bisector between the two nearest sites ≈ (d2 − d1) / (2·spacing)
        float wall = (MathF.Sqrt(d2) - MathF.Sqrt(d1)) * 0.5f;
        interior = fatCell && wall > 1.2f;
        return fatCell && wall <= 1.2f ? 1.5f : 0f;
    }

    private void AddEllipsoidSlices(
        Span<float> target, float zc, float c, float q, float perSlice, float sliceUm)
    {
        // half-height of the ellipsoid at this (x, y): c·sqrt(1 − q)
        float half = c * MathF.Sqrt(1f - q);
        float lo = zc - half;
        float hi = zc + half;
        for (int s = 0; s < target.Length; s++)
        {
            float z0 = s * sliceUm;
            float z1 = z0 + sliceUm;
            float overlap = MathF.Min(z1, hi) - MathF.Max(z0, lo);
            if (overlap > 0f)
            {
                target[s] += perSlice * (overlap / sliceUm);
            }
        }
    }

    private readonly record struct Fold(float Nx, float Ny, float Offset, float HalfWidth);
}
