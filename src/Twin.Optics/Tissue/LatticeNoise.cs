namespace Twin.Optics.Tissue;

/// <summary>
/// Seeded, stateless hash noise on an integer lattice: the same seed and coordinates always give
/// the same value, so any region of a tissue can be generated on its own, in any order.
/// </summary>
public static class LatticeNoise
{
    /// <summary>A 32-bit hash of two lattice coordinates and a seed (a murmur-style finaliser).</summary>
    public static uint Hash(int x, int y, uint seed)
    {
        uint h = seed ^ 0x9E3779B9u;
        h ^= (uint)x * 0x85EBCA6Bu;
        h = (h << 13) | (h >> 19);
        h ^= (uint)y * 0xC2B2AE35u;
        h *= 0x27D4EB2Fu;
        h ^= h >> 15;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    /// <summary>The hash of (x, y, seed, salt) mapped to [0, 1).</summary>
    public static float Unit(int x, int y, uint seed, uint salt) =>
        (Hash(x, y, seed + salt * 0x632BE5ABu) >> 8) * (1f / 16777216f);

    /// <summary>
    /// Smooth value noise in [0, 1]: lattice values at integer points, blended with a quintic
    /// fade so the field and its slope are continuous. Coordinates are in lattice units.
    /// </summary>
    public static float Value(float x, float y, uint seed)
    {
        int ix = (int)MathF.Floor(x);
        int iy = (int)MathF.Floor(y);
        float fx = x - ix;
        float fy = y - iy;
        return Blend(fx, fy, Unit(ix, iy, seed, 0), Unit(ix + 1, iy, seed, 0),
            Unit(ix, iy + 1, seed, 0), Unit(ix + 1, iy + 1, seed, 0));
    }

    /// <summary>
    /// The value-noise blend of four corner values a (ix, iy), b (ix + 1, iy), c (ix, iy + 1)
    /// and d (ix + 1, iy + 1) at fractions (fx, fy) of the cell.
    /// </summary>
    internal static float Blend(float fx, float fy, float a, float b, float c, float d)
    {
        float ux = Fade(fx);
        float uy = Fade(fy);
        float top = a + (b - a) * ux;
        float bottom = c + (d - c) * ux;
        return top + (bottom - top) * uy;
    }

    /// <summary>Two octaves of value noise, in [0, 1]; coordinates in lattice units.</summary>
    public static float Fractal(float x, float y, uint seed) =>
        (0.65f * Value(x, y, seed)) + (0.35f * Value(2.03f * x, 2.03f * y, seed + 17u));

    private static float Fade(float t) => t * t * t * ((t * ((t * 6f) - 15f)) + 10f);
}
