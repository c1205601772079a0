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
    /// Steps are below 1e-4 σ near the mean; |values| never exceed 4.33.
    /// </summary>
    public float NextGaussianFast()
    {
        // LIMITATION: tails beyond 4.33σ (p < 2e-5) are cut; 8-bit camera noise never shows it
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

    /// <summary>
    /// Fills <paramref name="values"/> with standard normal values by the same table lookup as
    /// <see cref="NextGaussianFast"/>, drawn from four xorshift64* streams seeded from this
    /// source and taken in turn, three 16-bit cells from each draw. Four independent chains
    /// keep the CPU busy where one chain waits on its own last result. Advances this source by
    /// four draws; the same state and length give the same values.
    /// </summary>
    public void FillGaussianFast(Span<float> values)
    {
        ulong a = StreamSeed();
        ulong b = StreamSeed();
        ulong c = StreamSeed();
        ulong d = StreamSeed();
        float[] table = InverseCdf;
        int i = 0;
        for (; i <= values.Length - 12; i += 12)
        {
            ulong va = Step(ref a);
            ulong vb = Step(ref b);
            ulong vc = Step(ref c);
            ulong vd = Step(ref d);
            values[i] = table[(int)(va >> 48)];
            values[i + 1] = table[(int)(vb >> 48)];
            values[i + 2] = table[(int)(vc >> 48)];
            values[i + 3] = table[(int)(vd >> 48)];
            values[i + 4] = table[(int)(va >> 32) & 0xFFFF];
            values[i + 5] = table[(int)(vb >> 32) & 0xFFFF];
            values[i + 6] = table[(int)(vc >> 32) & 0xFFFF];
            values[i + 7] = table[(int)(vd >> 32) & 0xFFFF];
            values[i + 8] = table[(int)(va >> 16) & 0xFFFF];
            values[i + 9] = table[(int)(vb >> 16) & 0xFFFF];
            values[i + 10] = table[(int)(vc >> 16) & 0xFFFF];
            values[i + 11] = table[(int)(vd >> 16) & 0xFFFF];
        }

        for (; i < values.Length; i++)
        {
            values[i] = table[(int)(Step(ref a) >> 48)];
        }
    }

    // xorshift64*: the state's three shifts, then the output multiplier (Vigna 2016)
    private static ulong Step(ref ulong state)
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1DUL;
    }

    // a stream's starting state: a draw of this source, never zero
    private ulong StreamSeed()
    {
        ulong seed = Step(ref _state) ^ 0x9E3779B97F4A7C15UL;
        return seed == 0 ? 1 : seed;
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
