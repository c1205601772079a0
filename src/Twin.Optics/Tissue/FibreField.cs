namespace Twin.Optics.Tissue;

/// <summary>
/// Collagen-like fibre texture: straight waves of one period whose direction wanders. Each
/// point of a lattice of <see cref="CellUm"/> carries a direction θ (hashed); around it the
/// texture is sin(((x − xₚ)·cos θ + (y − yₚ)·sin θ) / 2.2 µm + warp), fibres 13.8 µm apart,
/// a wave measured from the lattice point itself, and the four waves of a cell's corners are
/// blended with the smooth weights of value noise. Every wave keeps its period everywhere,
/// so the texture never grows finer than designed and never aliases at the pixel.
/// </summary>
internal sealed class FibreField
{
    /// <summary>Spacing of the direction lattice, µm: fibres turn over about this length.</summary>
    public const float CellUm = 150f;

    // wave number, rad/µm: fibre bundles 2π·2.2 ≈ 13.8 µm apart (an estimate for loose
    // collagen, whose bundles are a few µm thick with gaps of similar size)
    private const float RadiansPerUm = 1f / 2.2f;

    private const int MaxPoints = 1 << 14;

    private readonly uint _seed;
    private readonly int _ix0;
    private readonly int _iy0;
    private readonly int _nx;
    private readonly int _ny;
    private readonly float[] _cos = [];
    private readonly float[] _sin = [];

    /// <summary>
    /// Tabulates the directions of the lattice points around [xMin, xMax] × [yMin, yMax] µm;
    /// an empty bound tabulates none (each direction is then worked out when asked).
    /// </summary>
    public FibreField(uint seed, float xMin, float xMax, float yMin, float yMax)
    {
        _seed = seed;
        _ix0 = (int)MathF.Floor(xMin / CellUm) - 1;
        _iy0 = (int)MathF.Floor(yMin / CellUm) - 1;
        long nx = (long)MathF.Floor(xMax / CellUm) - _ix0 + 3;
        long ny = (long)MathF.Floor(yMax / CellUm) - _iy0 + 3;
        if (xMax < xMin || yMax < yMin || nx * ny > MaxPoints)
        {
            return;
        }

        _nx = (int)nx;
        _ny = (int)ny;
        _cos = new float[_nx * _ny];
        _sin = new float[_nx * _ny];
        for (int j = 0; j < _ny; j++)
        {
            for (int i = 0; i < _nx; i++)
            {
                float theta = Theta(_ix0 + i, _iy0 + j);
                _cos[(j * _nx) + i] = MathF.Cos(theta);
                _sin[(j * _nx) + i] = MathF.Sin(theta);
            }
        }
    }

    /// <summary>
    /// The blended wave at (x, y) µm, in [−1, 1], with <paramref name="warp"/> rad added to
    /// every wave's phase (a slowly varying waviness).
    /// </summary>
    public float Wave(float x, float y, float warp)
    {
        float gx = x / CellUm;
        float gy = y / CellUm;
        int ix = (int)MathF.Floor(gx);
        int iy = (int)MathF.Floor(gy);
        return LatticeNoise.Blend(gx - ix, gy - iy, Component(ix, iy, x, y, warp),
            Component(ix + 1, iy, x, y, warp), Component(ix, iy + 1, x, y, warp),
            Component(ix + 1, iy + 1, x, y, warp));
    }

    private float Component(int ix, int iy, float x, float y, float warp)
    {
        float cos;
        float sin;
        int i = ix - _ix0;
        int j = iy - _iy0;
        if ((uint)i < (uint)_nx && (uint)j < (uint)_ny)
        {
            cos = _cos[(j * _nx) + i];
            sin = _sin[(j * _nx) + i];
        }
        else
        {
            float theta = Theta(ix, iy);
            cos = MathF.Cos(theta);
            sin = MathF.Sin(theta);
        }

        float along = ((x - (ix * CellUm)) * cos) + ((y - (iy * CellUm)) * sin);
        return MathF.Sin((along * RadiansPerUm) + warp);
    }

    private float Theta(int ix, int iy) => LatticeNoise.Unit(ix, iy, _seed, 0) * 2f * MathF.PI;
}
