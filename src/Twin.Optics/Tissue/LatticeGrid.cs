namespace Twin.Optics.Tissue;

/// <summary>
/// The lattice hashes <see cref="LatticeNoise.Unit"/>(ix, iy, seed, salt) over a rectangle of
/// lattice points, hashed once, so that sampling a region costs a lookup instead of a hash.
/// Points outside the rectangle are hashed as before: <see cref="Unit"/> and, for salt 0,
/// <see cref="Value"/> always equal what <see cref="LatticeNoise"/> gives, bit for bit.
/// </summary>
internal sealed class LatticeGrid
{
    // a table larger than this is not worth building: the region is mostly far apart points
    private const int MaxPoints = 1 << 16;

    private readonly uint _seed;
    private readonly uint _salt;
    private readonly int _ix0;
    private readonly int _iy0;
    private readonly int _nx;
    private readonly int _ny;
    private readonly float[] _values;

    /// <summary>
    /// A grid for every lattice cell the coordinates [xMin, xMax] × [yMin, yMax] (lattice
    /// units) fall in; an empty bound (max below min) gives a grid that hashes every point.
    /// </summary>
    public LatticeGrid(uint seed, uint salt, float xMin, float xMax, float yMin, float yMax)
    {
        _seed = seed;
        _salt = salt;
        _ix0 = (int)MathF.Floor(xMin) - 1;
        _iy0 = (int)MathF.Floor(yMin) - 1;
        long nx = (long)MathF.Floor(xMax) - _ix0 + 3;
        long ny = (long)MathF.Floor(yMax) - _iy0 + 3;
        if (xMax < xMin || yMax < yMin || nx * ny > MaxPoints)
        {
            _values = [];
            return;
        }

        _nx = (int)nx;
        _ny = (int)ny;
        _values = new float[_nx * _ny];
        for (int j = 0; j < _ny; j++)
        {
            for (int i = 0; i < _nx; i++)
            {
                _values[(j * _nx) + i] = LatticeNoise.Unit(_ix0 + i, _iy0 + j, seed, salt);
            }
        }
    }

    /// <summary>A grid that hashes every point (for one-off samples).</summary>
    public static LatticeGrid Hashing(uint seed, uint salt = 0) => new(seed, salt, 0, -1, 0, -1);

    /// <summary>
    /// Smooth value noise in [0, 1], as <see cref="LatticeNoise.Value"/> (a grid of salt 0).
    /// </summary>
    public float Value(float x, float y)
    {
        int ix = (int)MathF.Floor(x);
        int iy = (int)MathF.Floor(y);
        return LatticeNoise.Blend(x - ix, y - iy, Unit(ix, iy), Unit(ix + 1, iy),
            Unit(ix, iy + 1), Unit(ix + 1, iy + 1));
    }

    /// <summary>The hash of lattice point (ix, iy) mapped to [0, 1).</summary>
    public float Unit(int ix, int iy)
    {
        int i = ix - _ix0;
        int j = iy - _iy0;
        return (uint)i < (uint)_nx && (uint)j < (uint)_ny
            ? _values[(j * _nx) + i]
            : LatticeNoise.Unit(ix, iy, _seed, _salt);
    }
}
