namespace Twin.Optics.Rendering;

/// <summary>
/// A small deterministic Gaussian noise source (xorshift64* with Box–Muller), seeded per tile so
/// noise does not depend on thread scheduling.
/// </summary>
public struct NoiseSource
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

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
}
