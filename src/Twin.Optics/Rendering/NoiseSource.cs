using MathNet.Numerics.Distributions;

namespace Twin.Optics.Rendering;

/// <summary>
/// A small deterministic Gaussian noise source (xorshift64* with Box–Muller), seeded per tile so
/// noise does not depend on thread scheduling.
/// </summary>
public struct NoiseSource
{
    // inverse normal CDF at the centres of 65536 equal-probability cells
    private static readonly float[] InverseCdf = BuildInverseCdf();

    private ulong _state;
    private double _spare;
    private bool _hasSpare;
    private uint _spareBits;
    private bool _hasSpareBits;

    /// <summary>Creates a source from a seed (any value, zero included).</summary>
    public NoiseSource(ulong seed)
    {
        _state = (seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        if (_state == 0)
        {
            _state = 1;
        }

        _spare = 0;
        _hasSpare = false;
        _spareBits = 0;
        _hasSpareBits = false;
    }

    /// <summary>A uniform value in (0, 1].</summary>
    public double NextUnit()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        ulong v = _state * 0x2545F4914F6CDD1DUL;
        return ((v >> 11) + 1) * (1.0 / 9007199254740992.0);
    }

    /// <summary>A standard normal value.</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u = NextUnit();
        double v = NextUnit();
        double r = Math.Sqrt(-2.0 * Math.Log(u));
        _spare = r * Math.Sin(2 * Math.PI * v);
        _hasSpare = true;
        return r * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>
    /// A standard normal value by table lookup: 16 random bits pick one of 65536
    /// equal-probability cells and return its centre, so two values come from each 64-bit draw.
    /// Steps are below 1e-4 σ near the mean; |values| never exceed 4.17.
    /// </summary>
    public float NextGaussianFast()
    {
        // LIMITATION: tails beyond 4.17σ (p < 3e-5) are cut; 8-bit camera noise never shows it
        if (_hasSpareBits)
        {
            _hasSpareBits = false;
            return InverseCdf[_spareBits & 0xFFFF];
        }

        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        ulong v = _state * 0x2545F4914F6CDD1DUL;
        _spareBits = (uint)(v >> 16);
        _hasSpareBits = true;
        return InverseCdf[(int)(v >> 48)];
    }

    private static float[] BuildInverseCdf()
    {
        var table = new float[65536];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)Normal.InvCDF(0, 1, (i + 0.5) / table.Length);
        }

        return table;
    }
}
