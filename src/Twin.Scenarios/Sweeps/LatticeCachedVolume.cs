using System.Collections.Concurrent;
using Twin.Optics.Tissue;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// A tissue volume that remembers what it sampled: requests on one sampling lattice (pitch and
/// origin) are served from 16 × 16-sample blocks, each sampled once from the wrapped volume at
/// its own fixed origin; anything off the lattice goes straight to the wrapped volume.
/// </summary>
/// <remarks>
/// A sweep scans every slide more than once (normal stripes, narrow stripes, each focus
/// algorithm), and every pass reads the focusing sensor over the same tile columns, so most of
/// the tissue sampling (the dominant cost of a focus-only scan) repeats. Blocks are keyed by
/// lattice index and sampled at origin + index × pitch, so their content does not depend on the
/// order or thread that first asked: output stays byte-identical. Memory grows with the area
/// sampled (12 floats per sample for 4 slices × 3 channels); drop the wrapper after the slide.
/// </remarks>
public sealed class LatticeCachedVolume : ITissueVolume
{
    /// <summary>Edge of a cached block, samples.</summary>
    public const int BlockSamples = 16;

    private readonly ITissueVolume _inner;
    private readonly double _pitch;
    private readonly double _x0;
    private readonly double _y0;
    // many lock stripes: every focus read-out adds blocks from several threads at once
    private readonly ConcurrentDictionary<(int, int), Slot> _blocks = new(64, 4096);
    private readonly object _arenaGate = new();
    private float[] _arena = [];
    private int _arenaUsed;
    private long _served;
    private long _direct;

    /// <summary>Wraps a volume; lattice x0 + i·pitch, y0 + j·pitch (tissue frame, µm).</summary>
    /// <param name="inner">The volume sampled on a miss.</param>
    /// <param name="pitchUm">Lattice pitch, µm (the render pitch: 0.26 µm by default).</param>
    /// <param name="x0Um">A lattice point's x in the tissue frame, µm.</param>
    /// <param name="y0Um">A lattice point's y in the tissue frame, µm.</param>
    public LatticeCachedVolume(ITissueVolume inner, double pitchUm, double x0Um, double y0Um)
    {
        _inner = inner;
        _pitch = pitchUm;
        _x0 = x0Um;
        _y0 = y0Um;
    }

    /// <inheritdoc/>
    public double ThicknessUm => _inner.ThicknessUm;

    /// <inheritdoc/>
    public int Slices => _inner.Slices;

    /// <inheritdoc/>
    public double WidthUm => _inner.WidthUm;

    /// <inheritdoc/>
    public double HeightUm => _inner.HeightUm;

    /// <summary>Blocks sampled so far, count.</summary>
    public int BlockCount => _blocks.Count;

    /// <summary>Samples served from the lattice cache so far, count.</summary>
    public long ServedSamples => Interlocked.Read(ref _served);

    /// <summary>Samples taken from the wrapped volume directly (off the lattice), count.</summary>
    public long DirectSamples => Interlocked.Read(ref _direct);

    /// <inheritdoc/>
    public void SampleRegion(double x0Um, double y0Um, double pitchUm, int w, int h, Span<float> od)
    {
        if (!OnLattice(x0Um, y0Um, pitchUm, out int i0, out int j0))
        {
            Interlocked.Add(ref _direct, (long)w * h);
            _inner.SampleRegion(x0Um, y0Um, pitchUm, w, h, od);
            return;
        }

        Interlocked.Add(ref _served, (long)w * h);
        int planes = Slices * 3;
        int plane = w * h;
        const int b = BlockSamples;
        int bx0 = FloorDiv(i0, b), bx1 = FloorDiv(i0 + w - 1, b);
        int by0 = FloorDiv(j0, b), by1 = FloorDiv(j0 + h - 1, b);
        for (int by = by0; by <= by1; by++)
        {
            for (int bx = bx0; bx <= bx1; bx++)
            {
                var (block, offset) = Block(bx, by);
                // overlap of the block with the request, in lattice indices
                int ia = Math.Max(i0, bx * b), ib = Math.Min(i0 + w, (bx + 1) * b);
                int ja = Math.Max(j0, by * b), jb = Math.Min(j0 + h, (by + 1) * b);
                int n = ib - ia;
                for (int k = 0; k < planes; k++)
                {
                    for (int j = ja; j < jb; j++)
                    {
                        int src = offset + (k * b * b) + ((j - (by * b)) * b) + (ia - (bx * b));
                        int dst = (k * plane) + ((j - j0) * w) + (ia - i0);
                        block.AsSpan(src, n).CopyTo(od.Slice(dst, n));
                    }
                }
            }
        }
    }

    /// <inheritdoc/>
    public (float Red, float Green, float Blue) SampleCoarse(
        double xUm, double yUm, double footprintUm) =>
        _inner.SampleCoarse(xUm, yUm, footprintUm);

    private bool OnLattice(double x0, double y0, double pitch, out int i0, out int j0)
    {
        i0 = j0 = 0;
        if (Math.Abs(pitch - _pitch) > 1e-9 * _pitch)
        {
            return false;
        }

        double fi = (x0 - _x0) / _pitch;
        double fj = (y0 - _y0) / _pitch;
        if (Math.Abs(fi) > 1e8 || Math.Abs(fj) > 1e8)
        {
            return false;
        }

        i0 = (int)Math.Round(fi);
        j0 = (int)Math.Round(fj);
        // a millionth of a sample: what double rounding of µm coordinates can leave
        return Math.Abs(fi - i0) < 1e-6 && Math.Abs(fj - j0) < 1e-6;
    }

    /// <summary>
    /// A block's storage, sampled on first use. Two threads that miss the same block at once
    /// both sample it and the first to publish wins: the values are the same either way, and
    /// nobody waits on a lock.
    /// </summary>
    private (float[] Data, int Offset) Block(int bx, int by)
    {
        var slot = _blocks.GetOrAdd((bx, by), static _ => new Slot());
        if (Volatile.Read(ref slot.Filled) is { } done)
        {
            return (done.Data, done.Offset);
        }

        const int b = BlockSamples;
        int size = Slices * 3 * b * b;
        var (data, offset) = Allocate(size);
        _inner.SampleRegion(_x0 + (bx * b * _pitch), _y0 + (by * b * _pitch), _pitch, b, b,
            data.AsSpan(offset, size));
        var mine = new Storage(data, offset);
        var winner = Interlocked.CompareExchange(ref slot.Filled, mine, null) ?? mine;
        return (winner.Data, winner.Offset);
    }

    /// <summary>
    /// Room for one block in large shared arrays: the cache holds hundreds of megabytes for the
    /// life of a slide, and a few large arrays cost the garbage collector far less than tens of
    /// thousands of small ones it would copy from generation to generation.
    /// </summary>
    private (float[] Data, int Offset) Allocate(int size)
    {
        lock (_arenaGate)
        {
            if (_arenaUsed + size > _arena.Length)
            {
                _arena = new float[size * 64];
                _arenaUsed = 0;
            }

            int offset = _arenaUsed;
            _arenaUsed += size;
            return (_arena, offset);
        }
    }

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private sealed class Slot
    {
        public Storage? Filled;
    }

    private sealed record Storage(float[] Data, int Offset);
}
