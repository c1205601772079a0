namespace Twin.Optics.Tissue;

/// <summary>
/// The nuclei of one lattice (one spacing and probability of a tissue kind) over a rectangle of
/// lattice cells, each worked out once from its hashes: presence, centre, semi-axes, orientation
/// and depth. Cells outside the rectangle are worked out on demand, so every cell reads the
/// same whatever rectangle was built.
/// </summary>
internal sealed class NucleusLattice
{
    private readonly TissueKind _kind;
    private readonly uint _seed;
    private readonly float _thickness;
    private readonly int _gx0;
    private readonly int _gy0;
    private readonly int _nx;
    private readonly int _ny;
    private readonly Nucleus[] _cells;

    /// <summary>
    /// Builds the cells whose nuclei can reach any point of [xMin, xMax] × [yMin, yMax] µm
    /// (<paramref name="reach"/> cells around them); an empty bound builds none.
    /// </summary>
    public NucleusLattice(
        TissueKind kind, uint seed, float thickness, float spacing, float probability,
        int reach, float xMin, float xMax, float yMin, float yMax)
    {
        _kind = kind;
        _seed = seed;
        _thickness = thickness;
        Spacing = spacing;
        Probability = probability;
        Reach = reach;
        _gx0 = (int)MathF.Floor(xMin / spacing) - reach - 1;
        _gy0 = (int)MathF.Floor(yMin / spacing) - reach - 1;
        long nx = (long)MathF.Floor(xMax / spacing) + reach + 2 - _gx0;
        long ny = (long)MathF.Floor(yMax / spacing) + reach + 2 - _gy0;
        if (xMax < xMin || yMax < yMin || nx * ny > 1 << 16)
        {
            _cells = [];
            return;
        }

        _nx = (int)nx;
        _ny = (int)ny;
        _cells = new Nucleus[_nx * _ny];
        for (int j = 0; j < _ny; j++)
        {
            for (int i = 0; i < _nx; i++)
            {
                _cells[(j * _nx) + i] = Make(_gx0 + i, _gy0 + j);
            }
        }
    }

    /// <summary>Lattice spacing, µm.</summary>
    public float Spacing { get; }

    /// <summary>Chance that a cell holds a nucleus.</summary>
    public float Probability { get; }

    /// <summary>Cells searched on each side of a point's own cell.</summary>
    public int Reach { get; }

    /// <summary>The nucleus of cell (gx, gy) (absent when the cell holds none).</summary>
    public Nucleus At(int gx, int gy)
    {
        int i = gx - _gx0;
        int j = gy - _gy0;
        return (uint)i < (uint)_nx && (uint)j < (uint)_ny ? _cells[(j * _nx) + i] : Make(gx, gy);
    }

    private Nucleus Make(int gx, int gy)
    {
        if (LatticeNoise.Unit(gx, gy, _seed, 20) >= Probability)
        {
            return default;
        }

        float radius = (float)_kind.NucleusRadiusUm;
        float size = radius * (0.75f + (0.5f * LatticeNoise.Unit(gx, gy, _seed, 23)));
        float elong = 1f + ((float)(_kind.NucleusElongation - 1)
            * LatticeNoise.Unit(gx, gy, _seed, 24));
        float angle = LatticeNoise.Unit(gx, gy, _seed, 25) * MathF.PI;
        // centre depth anywhere from just below to just above the section: the knife cuts some
        // nuclei, so they appear as caps in one face
        float zc = ((LatticeNoise.Unit(gx, gy, _seed, 26) * 1.4f) - 0.2f) * _thickness;
        return new Nucleus(
            Present: true,
            X: (gx + LatticeNoise.Unit(gx, gy, _seed, 21)) * Spacing,
            Y: (gy + LatticeNoise.Unit(gx, gy, _seed, 22)) * Spacing,
            Size: size,
            A: size * MathF.Sqrt(elong),
            B: size / MathF.Sqrt(elong),
            Cos: MathF.Cos(angle),
            Sin: MathF.Sin(angle),
            DepthUm: zc,
            ChromatinSeed: _seed + ((uint)gx * 31u) + (uint)gy);
    }
}

/// <summary>
/// One nucleus: an ellipse of semi-axes A and B µm (size √elongation and size / √elongation)
/// turned by (Cos, Sin) in the slide plane, centred at (X, Y) µm, DepthUm above the section's
/// bottom face; ChromatinSeed seeds its chromatin texture.
/// </summary>
internal readonly record struct Nucleus(
    bool Present, float X, float Y, float Size, float A, float B, float Cos, float Sin,
    float DepthUm, uint ChromatinSeed);
