using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Twin.Optics.Tissue;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// A tissue volume that remembers what it sampled: requests on one sampling lattice (pitch and
/// origin) over the tissue area are served from 16 × 16-sample blocks, each sampled once from
/// the wrapped volume at its own fixed origin; anything else goes to the wrapped volume.
/// </summary>
/// <remarks>
/// A sweep scans every slide more than once (normal stripes, narrow stripes, each focus
/// algorithm), and every pass reads the focusing sensor over the same tile columns, so most of
/// the tissue sampling (the dominant cost of a focus-only scan) repeats. Blocks are keyed by
/// lattice index and sampled at origin + index × pitch, so their content does not depend on the
/// order or thread that first asked: output stays byte-identical. The blocks live in native
/// memory (12 floats a sample for 4 slices × 3 channels, a few hundred MB for a small slide),
/// out of the garbage collector's way; dispose the volume when the slide is done.
/// </remarks>
// LIMITATION: only requests on the one lattice given are cached; others sample every time
public sealed unsafe class LatticeCachedVolume : ITissueVolume, IDisposable
{
    /// <summary>Edge of a cached block, samples.</summary>
    public const int BlockSamples = 16;

    /// <summary>Blocks cached beyond the tissue area on each side, count (64 µm).</summary>
    private const int MarginBlocks = 16;

    private const int ChunkBlocks = 256;

    private readonly ITissueVolume _inner;
    private readonly double _pitch;
    private readonly double _x0;
    private readonly double _y0;
    private readonly int _blockFloats;
    private readonly int _bx0;
    private readonly int _by0;
    private readonly int _columns;
    private readonly int _rows;
    // per block: null until sampled, then the address of its floats (boxed once, published
    // with a compare-exchange so no thread ever waits on another)
    private readonly StrongBox<IntPtr>?[] _slots;
    private readonly List<IntPtr> _chunks = [];
    private readonly object _arenaGate = new();
    private Chunk? _chunk;
    private long _served;
    private long _direct;
    private int _blocks;
    private bool _disposed;

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
        _blockFloats = inner.Slices * 3 * BlockSamples * BlockSamples;
        double blockUm = BlockSamples * pitchUm;
        // the tissue area, in blocks, plus a margin for blur halos and stripes that overrun it
        _bx0 = (int)Math.Floor((0 - x0Um) / blockUm) - MarginBlocks;
        _by0 = (int)Math.Floor((0 - y0Um) / blockUm) - MarginBlocks;
        _columns = (int)Math.Ceiling(inner.WidthUm / blockUm) + 1 + (2 * MarginBlocks);
        _rows = (int)Math.Ceiling(inner.HeightUm / blockUm) + 1 + (2 * MarginBlocks);
        _slots = new StrongBox<IntPtr>?[(long)_columns * _rows];
    }

    /// <summary>Frees the native blocks if the owner forgot to.</summary>
    ~LatticeCachedVolume() => Free();

    /// <inheritdoc/>
    public double ThicknessUm => _inner.ThicknessUm;

    /// <inheritdoc/>
    public int Slices => _inner.Slices;

    /// <inheritdoc/>
    public double WidthUm => _inner.WidthUm;

    /// <inheritdoc/>
    public double HeightUm => _inner.HeightUm;

    /// <summary>Blocks sampled so far, count.</summary>
    public int BlockCount => Volatile.Read(ref _blocks);

    /// <summary>Samples served through the lattice cache so far, count.</summary>
    public long ServedSamples => Interlocked.Read(ref _served);

    /// <summary>Samples taken from the wrapped volume directly (off the lattice), count.</summary>
    public long DirectSamples => Interlocked.Read(ref _direct);

    /// <inheritdoc/>
    public void SampleRegion(double x0Um, double y0Um, double pitchUm, int w, int h, Span<float> od)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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
        Span<float> outside = bx0 < _bx0 || by0 < _by0 || bx1 >= _bx0 + _columns
            || by1 >= _by0 + _rows ? new float[_blockFloats] : default;
        for (int by = by0; by <= by1; by++)
        {
            for (int bx = bx0; bx <= bx1; bx++)
            {
                ReadOnlySpan<float> block = Block(bx, by, outside);
                // overlap of the block with the request, in lattice indices
                int ia = Math.Max(i0, bx * b), ib = Math.Min(i0 + w, (bx + 1) * b);
                int ja = Math.Max(j0, by * b), jb = Math.Min(j0 + h, (by + 1) * b);
                int n = ib - ia;
                for (int k = 0; k < planes; k++)
                {
                    for (int j = ja; j < jb; j++)
                    {
                        int src = (k * b * b) + ((j - (by * b)) * b) + (ia - (bx * b));
                        int dst = (k * plane) + ((j - j0) * w) + (ia - i0);
                        block.Slice(src, n).CopyTo(od.Slice(dst, n));
                    }
                }
            }
        }
    }

    /// <inheritdoc/>
    public (float Red, float Green, float Blue) SampleCoarse(
        double xUm, double yUm, double footprintUm) =>
        _inner.SampleCoarse(xUm, yUm, footprintUm);

    /// <summary>Frees the cached blocks; the volume cannot be sampled afterwards.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

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
    /// A block's samples, sampled on first use. Two threads that miss the same block at once
    /// both sample it and the first to publish wins: the values are the same either way, and
    /// nobody waits on a lock. Blocks beyond the cached area are sampled into
    /// <paramref name="scratch"/> every time (glass, cheap).
    /// </summary>
    private ReadOnlySpan<float> Block(int bx, int by, Span<float> scratch)
    {
        const int b = BlockSamples;
        int cx = bx - _bx0, cy = by - _by0;
        if (cx < 0 || cy < 0 || cx >= _columns || cy >= _rows)
        {
            _inner.SampleRegion(_x0 + (bx * b * _pitch), _y0 + (by * b * _pitch), _pitch, b, b,
                scratch);
            return scratch;
        }

        long index = ((long)cy * _columns) + cx;
        if (Volatile.Read(ref _slots[index]) is { } done)
        {
            return new ReadOnlySpan<float>((void*)done.Value, _blockFloats);
        }

        float* data = Allocate();
        _inner.SampleRegion(_x0 + (bx * b * _pitch), _y0 + (by * b * _pitch), _pitch, b, b,
            new Span<float>(data, _blockFloats));
        var mine = new StrongBox<IntPtr>((IntPtr)data);
        var winner = Interlocked.CompareExchange(ref _slots[index], mine, null) ?? mine;
        if (winner == mine)
        {
            Interlocked.Increment(ref _blocks);
        }

        return new ReadOnlySpan<float>((void*)winner.Value, _blockFloats);
    }

    /// <summary>
    /// Room for one block in native chunks of 256 blocks: a slot is claimed with an atomic
    /// increment; only a thread that finds the chunk full takes the lock to start a new one.
    /// </summary>
    private float* Allocate()
    {
        while (true)
        {
            var chunk = Volatile.Read(ref _chunk);
            if (chunk is not null)
            {
                int slot = Interlocked.Increment(ref chunk.Used) - 1;
                if (slot < ChunkBlocks)
                {
                    return chunk.Data + ((long)slot * _blockFloats);
                }
            }

            lock (_arenaGate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (ReferenceEquals(Volatile.Read(ref _chunk), chunk))
                {
                    var fresh = new Chunk((float*)NativeMemory.Alloc(
                        (nuint)ChunkBlocks * (nuint)_blockFloats, sizeof(float)));
                    _chunks.Add((IntPtr)fresh.Data);
                    Volatile.Write(ref _chunk, fresh);
                }
            }
        }
    }

    private void Free()
    {
        lock (_arenaGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var chunk in _chunks)
            {
                NativeMemory.Free((void*)chunk);
            }

            _chunks.Clear();
        }
    }

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>One native chunk and how many of its block slots are claimed.</summary>
    private sealed class Chunk(float* data)
    {
        public readonly float* Data = data;
        public int Used;
    }
}
